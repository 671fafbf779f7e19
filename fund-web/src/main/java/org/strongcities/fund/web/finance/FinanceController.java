package org.strongcities.fund.web.finance;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.strongcities.fund.domain.RecordedTime;
import org.strongcities.fund.domain.api.Conversion;
import org.strongcities.fund.domain.api.Earmark;
import org.strongcities.fund.domain.api.EarmarkKind;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.RecordReceiptCommand;
import org.strongcities.fund.domain.api.Region;
import org.strongcities.fund.domain.api.SignContributionAgreementCommand;
import org.strongcities.fund.domain.api.StrategicPriority;
import org.strongcities.fund.domain.api.SupportType;
import org.strongcities.fund.domain.policy.ContributionLimits;
import org.strongcities.fund.web.platform.SharedSections;
import org.strongcities.fund.web.security.FundUser;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The finance console: fund balances per donor and per earmark, contributions and their receipts, and
 * the audit trail of a contribution or award straight from the event store. Finance officers sign
 * agreements and record receipts; finance approvers and administrators read.
 */
@Controller
@RequestMapping("/finance")
@PreAuthorize(FinanceController.VIEW)
class FinanceController {

    static final String VIEW = "hasAnyRole('FINANCE_OFFICER','FINANCE_APPROVER','ADMINISTRATOR')";
    static final String OFFICER = "hasRole('FINANCE_OFFICER')";
    static final String APPROVER = "hasRole('FINANCE_APPROVER')";

    static final List<String> STACK = List.of("paid", "committed", "available");

    private final LedgerQueries ledger;
    private final FinanceQueries queries;
    private final AuditTrail auditTrail;
    private final FinanceCommands commands;
    private final FinanceText text;
    private final FinanceFormat format;
    private final SharedSections sections;

    FinanceController(LedgerQueries ledger, FinanceQueries queries, AuditTrail auditTrail, FinanceCommands commands,
                      FinanceText text, FinanceFormat format, SharedSections sections) {
        this.ledger = ledger;
        this.queries = queries;
        this.auditTrail = auditTrail;
        this.commands = commands;
        this.text = text;
        this.format = format;
        this.sections = sections;
    }

    // ---- Balances -------------------------------------------------------------------------------

    /** The balances are the same for all finance staff: rendered once per change (SharedSections). */
    @GetMapping
    String balances(HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("balances", sections.html("finance-balances", "finance/balances", () -> {
            List<ContributionBalance> balances = ledger.balances();
            List<BalanceGroup> byDonor = byDonor(balances);
            List<BalanceGroup> byEarmark = byEarmark(balances);
            return Map.of("total", BalanceGroup.total(message("finance.total"), balances),
                    "byDonor", byDonor, "byEarmark", byEarmark,
                    "donorChart", stacked(byDonor), "earmarkChart", stacked(byEarmark));
        }, request, response));
        return "finance/index";
    }

    @GetMapping("/donors.csv")
    ResponseEntity<byte[]> donorsCsv() {
        return groupsCsv("balances-per-donor.csv", "finance.col.donor", byDonor(ledger.balances()));
    }

    @GetMapping("/earmarks.csv")
    ResponseEntity<byte[]> earmarksCsv() {
        return groupsCsv("balances-per-earmark.csv", "finance.col.earmark", byEarmark(ledger.balances()));
    }

    // ---- Contributions and receipts -------------------------------------------------------------

    @GetMapping("/contributions")
    String contributions(Model model) {
        if (!model.containsAttribute("contribution")) {
            model.addAttribute("contribution", new ContributionForm());
        }
        model.addAttribute("balances", ledger.balances());
        model.addAttribute("receipts", ledger.receipts());
        model.addAttribute("donors", queries.donors());
        model.addAttribute("earmarkKinds", EarmarkKind.values());
        model.addAttribute("regions", Region.values());
        model.addAttribute("priorities", StrategicPriority.values());
        model.addAttribute("supportTypes", SupportType.values());
        return "finance/contributions";
    }

    @GetMapping("/contributions.csv")
    ResponseEntity<byte[]> contributionsCsv() {
        List<List<?>> rows = new ArrayList<>();
        for (ContributionBalance b : ledger.balances()) {
            rows.add(Arrays.asList(b.contributionId(), b.donorName(), earmark(b), b.pledgedCurrency(), b.pledged(),
                    b.receivedOriginal(), b.periodStart(), b.periodEnd(), b.received(), b.committed(), b.disbursed(),
                    b.refunded(), b.available()));
        }
        return Csv.download("contributions.csv", headers("finance.col.contribution", "finance.col.donor",
                "finance.col.earmark", "finance.col.currency", "finance.col.pledged", "finance.col.receivedOriginal",
                "finance.col.periodStart", "finance.col.periodEnd", "finance.col.receivedUsd", "finance.col.committedUsd",
                "finance.col.disbursedUsd", "finance.col.refundedUsd", "finance.col.availableUsd"), rows);
    }

    @GetMapping("/receipts.csv")
    ResponseEntity<byte[]> receiptsCsv() {
        return entriesCsv("receipts.csv", ledger.receipts());
    }

    @PostMapping("/contributions")
    @PreAuthorize(OFFICER)
    String sign(@ModelAttribute("contribution") ContributionForm form, BindingResult errors,
                @AuthenticationPrincipal FundUser user, Model model, RedirectAttributes redirect) {
        SignContributionAgreementCommand command = commands.build(() -> signCommand(form, errors, user), errors);
        if (command == null || !commands.send(command, errors)) {
            return contributions(model);
        }
        commands.awaitReadModel();
        redirect.addFlashAttribute("notice", message("finance.notice.signed", command.contributionId()));
        return "redirect:/finance/contributions/" + command.contributionId();
    }

    @GetMapping("/contributions/{contributionId}")
    String contribution(@PathVariable String contributionId, Model model) {
        ContributionBalance balance = ledger.balance(contributionId)
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        if (!model.containsAttribute("receipt")) {
            ReceiptForm form = new ReceiptForm();
            form.setCurrency(balance.pledgedCurrency());
            model.addAttribute("receipt", form);
        }
        model.addAttribute("balance", balance);
        model.addAttribute("entries", ledger.entries(contributionId));
        return "finance/contribution";
    }

    @GetMapping("/contributions/{contributionId}/ledger.csv")
    ResponseEntity<byte[]> ledgerCsv(@PathVariable String contributionId) {
        ledger.balance(contributionId).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        return entriesCsv("ledger-" + contributionId + ".csv", ledger.entries(contributionId));
    }

    @PostMapping("/contributions/{contributionId}/receipts")
    @PreAuthorize(OFFICER)
    String receive(@PathVariable String contributionId, @ModelAttribute("receipt") ReceiptForm form, BindingResult errors,
                   @AuthenticationPrincipal FundUser user, Model model, RedirectAttributes redirect) {
        ledger.balance(contributionId).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        RecordReceiptCommand command = commands.build(() -> receiptCommand(contributionId, form, errors, user), errors);
        if (command == null || !commands.send(command, errors)) {
            return contribution(contributionId, model);
        }
        commands.awaitReadModel();
        redirect.addFlashAttribute("notice", message("finance.notice.received",
                format.money(command.received().amount(), command.received().currency()), contributionId));
        return "redirect:/finance/contributions/" + contributionId;
    }

    // ---- Audit trail ----------------------------------------------------------------------------

    @GetMapping("/audit/{aggregateId}")
    String audit(@PathVariable String aggregateId, Model model) {
        String kind = queries.auditableKind(aggregateId).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        model.addAttribute("aggregateId", aggregateId);
        model.addAttribute("kind", kind);
        model.addAttribute("steps", auditTrail.of(aggregateId));
        return "finance/audit";
    }

    @GetMapping("/audit/{aggregateId}/audit.csv")
    ResponseEntity<byte[]> auditCsv(@PathVariable String aggregateId) {
        queries.auditableKind(aggregateId).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        List<List<?>> rows = auditTrail.of(aggregateId).stream()
                .<List<?>>map(step -> Arrays.asList(step.sequence(), step.when(), step.actor(), step.role(), step.what(),
                        step.why(), step.details(), step.correlationId()))
                .toList();
        return Csv.download("audit-" + aggregateId + ".csv", headers("finance.col.sequence", "finance.col.when",
                "finance.col.who", "finance.col.role", "finance.col.what", "finance.col.why", "finance.col.details",
                "finance.col.correlation"), rows);
    }

    // ---- Reading the forms ----------------------------------------------------------------------

    private SignContributionAgreementCommand signCommand(ContributionForm form, BindingResult errors, FundUser user) {
        form.setContributionId(FormInput.idOrNew(form.getContributionId(), "contribution"));
        String donorId = FormInput.text(errors, "donorId", form.getDonorId());
        if (donorId != null && !queries.donorExists(donorId)) {
            errors.rejectValue("donorId", "finance.error.donor.unknown");
        }
        String currency = FormInput.currency(errors, "currency", form.getCurrency());
        BigDecimal amount = withinLimit(errors, FormInput.amount(errors, "amount", form.getAmount(), currency), currency);
        LocalDate start = FormInput.date(errors, "periodStart", form.getPeriodStart());
        LocalDate end = FormInput.date(errors, "periodEnd", form.getPeriodEnd());
        periodWithinLimits(errors, start, end);
        Earmark earmark = earmark(form, errors);
        if (errors.hasErrors()) {
            return null;
        }
        return new SignContributionAgreementCommand(form.getContributionId(), donorId, new Money(amount, currency), start, end,
                earmark, user.getUsername());
    }

    private static Earmark earmark(ContributionForm form, BindingResult errors) {
        EarmarkKind kind;
        try {
            kind = EarmarkKind.valueOf(String.valueOf(form.getEarmarkKind()));
        } catch (IllegalArgumentException unknown) {
            errors.rejectValue("earmarkKind", "finance.error.earmark.kind");
            return null;
        }
        if (kind == EarmarkKind.UNRESTRICTED) {
            return Earmark.unrestricted();
        }
        if (kind == EarmarkKind.PURPOSE) {
            String purpose = FormInput.text(errors, "earmarkPurpose", form.getEarmarkPurpose());
            return purpose == null ? null : Earmark.purpose(purpose);
        }
        String value = form.getEarmarkValue();
        boolean fits = value != null && switch (kind) {
            case REGION -> Arrays.stream(Region.values()).anyMatch(r -> r.name().equals(value));
            case PRIORITY -> Arrays.stream(StrategicPriority.values()).anyMatch(p -> p.name().equals(value));
            case SUPPORT_TYPE -> Arrays.stream(SupportType.values()).anyMatch(s -> s.name().equals(value));
            default -> false;
        };
        if (!fits) {
            errors.rejectValue("earmarkValue", "finance.error.earmark.value." + kind.name());
            return null;
        }
        return new Earmark(kind, value);
    }

    private RecordReceiptCommand receiptCommand(String contributionId, ReceiptForm form, BindingResult errors, FundUser user) {
        form.setReceiptId(FormInput.idOrNew(form.getReceiptId(), "receipt"));
        String currency = FormInput.currency(errors, "currency", form.getCurrency());
        BigDecimal amount = withinLimit(errors, FormInput.amount(errors, "amount", form.getAmount(), currency), currency);
        boolean usd = Money.USD.equals(currency);
        BigDecimal rate = null;
        String source = null;
        if (!usd || !isBlank(form.getRate())) {
            rate = FormInput.rate(errors, "rate", form.getRate());
        }
        if (!usd || !isBlank(form.getRateSource())) {
            source = FormInput.text(errors, "rateSource", form.getRateSource());
        }
        LocalDate valueDate = FormInput.date(errors, "valueDate", form.getValueDate());
        if (valueDate != null && ContributionLimits.isBeforeEarliest(valueDate)) {
            errors.rejectValue("valueDate", "finance.error.valueDate.beforeEarliest", new Object[]{ContributionLimits.EARLIEST_START}, null);
        }
        if (errors.hasErrors()) {
            return null;
        }
        Money received = new Money(amount, currency);
        Conversion toUsd = usd && rate == null
                ? Conversion.none(received, valueDate)
                : Conversion.of(received, Money.USD, rate, source == null ? "same currency, no conversion" : source, valueDate);
        return new RecordReceiptCommand(contributionId, form.getReceiptId(), received, toUsd, valueDate, user.getUsername());
    }

    /**
     * The limits of ContributionLimits, put next to the field with the limit and what to fix; the aggregate
     * checks them again, in case a command comes another way.
     */
    private BigDecimal withinLimit(BindingResult errors, BigDecimal amount, String currency) {
        if (amount == null || currency == null || ContributionLimits.isWithinLargest(amount, currency)) {
            return amount;
        }
        errors.rejectValue("amount", "finance.error.amount.aboveLimit",
                new Object[]{format.money(ContributionLimits.largest(currency).amount(), currency)}, null);
        return null;
    }

    private static void periodWithinLimits(BindingResult errors, LocalDate start, LocalDate end) {
        if (start == null || end == null) {
            return;
        }
        ContributionLimits.PeriodBreach breach = ContributionLimits.periodBreach(start, end, RecordedTime.today());
        if (breach == null) {
            return;
        }
        switch (breach) {
            case ENDS_BEFORE_START -> errors.rejectValue("periodEnd", "finance.error.period.endBeforeStart");
            case STARTS_BEFORE_EARLIEST -> errors.rejectValue("periodStart", "finance.error.period.startBeforeEarliest",
                    new Object[]{ContributionLimits.EARLIEST_START}, null);
            case STARTS_TOO_FAR_AHEAD -> errors.rejectValue("periodStart", "finance.error.period.startTooFarAhead",
                    new Object[]{ContributionLimits.LONGEST_LEAD_YEARS, ContributionLimits.latestStart(RecordedTime.today())}, null);
            case LASTS_TOO_LONG -> errors.rejectValue("periodEnd", "finance.error.period.tooLong",
                    new Object[]{ContributionLimits.LONGEST_PERIOD_YEARS, ContributionLimits.latestEnd(start)}, null);
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    // ---- Shared by the pages and downloads ------------------------------------------------------

    private List<BalanceGroup> byDonor(List<ContributionBalance> balances) {
        return BalanceGroup.of(balances, ContributionBalance::donorId, ContributionBalance::donorName);
    }

    private List<BalanceGroup> byEarmark(List<ContributionBalance> balances) {
        return BalanceGroup.of(balances.stream().sorted((a, b) -> earmark(a).compareTo(earmark(b))).toList(),
                b -> b.earmarkKind() + ":" + b.earmarkValue(), this::earmark);
    }

    private String earmark(ContributionBalance balance) {
        return text.earmark(balance);
    }

    static List<Charts.StackedBar> stacked(List<BalanceGroup> groups) {
        return Charts.stacked(groups, BalanceGroup::label, STACK,
                group -> List.of(group.netPaid(), group.undrawn(), group.available()));
    }

    private ResponseEntity<byte[]> groupsCsv(String filename, String labelColumn, List<BalanceGroup> groups) {
        List<List<?>> rows = new ArrayList<>();
        for (BalanceGroup g : groups) {
            String pledged = g.pledged().entrySet().stream().map(Map.Entry::getKey)
                    .map(currency -> format.money(g.pledged().get(currency), currency)).collect(Collectors.joining("; "));
            rows.add(Arrays.asList(g.label(), g.contributions(), pledged, g.received(), g.committed(), g.disbursed(),
                    g.refunded(), g.available()));
        }
        return Csv.download(filename, headers(labelColumn, "finance.col.contributions", "finance.col.pledged",
                "finance.col.receivedUsd", "finance.col.committedUsd", "finance.col.disbursedUsd", "finance.col.refundedUsd",
                "finance.col.availableUsd"), rows);
    }

    private ResponseEntity<byte[]> entriesCsv(String filename, List<LedgerEntry> entries) {
        List<List<?>> rows = entries.stream().<List<?>>map(e -> Arrays.asList(e.occurredAt() == null ? null
                        : format.when(e.occurredAt()), e.contributionId(), message("finance.kind." + e.kind()), e.amountUsd(),
                e.originalAmount(), e.originalCurrency(), e.rate() == null ? null : e.rate().stripTrailingZeros(),
                e.rateSource(), e.valueDate(), e.awardId(), e.reference())).toList();
        return Csv.download(filename, headers("finance.col.when", "finance.col.contribution", "finance.col.kind",
                "finance.col.amountUsd", "finance.col.originalAmount", "finance.col.currency", "finance.col.rate",
                "finance.col.rateSource", "finance.col.valueDate", "finance.col.award", "finance.col.reference"), rows);
    }

    private List<String> headers(String... keys) {
        return text.headers(keys);
    }

    private String message(String key, Object... args) {
        return text.message(key, args);
    }
}
