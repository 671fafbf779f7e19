package org.strongcities.fund.web.finance;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.strongcities.fund.domain.api.AmendmentKind;
import org.strongcities.fund.domain.api.AmendmentTerms;
import org.strongcities.fund.domain.api.BudgetLine;
import org.strongcities.fund.domain.api.FundingAllocation;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.ProposeAmendmentCommand;
import org.strongcities.fund.domain.api.RecordRefundCommand;
import org.strongcities.fund.domain.api.RecordTranchePaymentCommand;
import org.strongcities.fund.domain.api.RequestTrancheCommand;
import org.strongcities.fund.domain.api.TrancheSchedule;
import org.strongcities.fund.web.finance.FinanceQueries.AwardRow;
import org.strongcities.fund.web.finance.FinanceQueries.TrancheRow;
import org.strongcities.fund.web.platform.Paging;
import org.strongcities.fund.web.security.FundUser;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Paying awards out: a finance officer requests a tranche, a finance approver (another person, the
 * domain's four-eyes rule) approves it, a finance officer records the payment. Refunds of an award
 * are recorded here too, and amendments proposed (the Central Team approves them from its task list).
 */
@Controller
@RequestMapping("/finance")
@PreAuthorize(FinanceController.VIEW)
class TrancheController {

    /** Rows of one list on a page. */
    static final int ROWS_PER_PAGE = 50;
    /** At least this many budget line rows on the amendment form, as on the award form. */
    static final int BUDGET_ROWS = 4;

    private final FinanceQueries queries;
    private final FinanceCommands commands;
    private final TrancheSteps steps;
    private final FinanceText finance;
    private final FinanceFormat format;
    private final AwardBudgets budgets;
    private final LedgerQueries ledger;

    TrancheController(FinanceQueries queries, FinanceCommands commands, TrancheSteps steps, FinanceText finance,
                      FinanceFormat format, AwardBudgets budgets, LedgerQueries ledger) {
        this.budgets = budgets;
        this.ledger = ledger;
        this.queries = queries;
        this.commands = commands;
        this.steps = steps;
        this.finance = finance;
        this.format = format;
    }

    // ---- Tranches -------------------------------------------------------------------------------

    /**
     * Each status is its own list, a page at a time: a Network with 100,000 applications has tens of
     * thousands of scheduled and paid tranches. The CSV download holds them all.
     */
    @GetMapping("/tranches")
    String tranches(@RequestParam(defaultValue = "1") int requestedPage, @RequestParam(defaultValue = "1") int approvedPage,
                    @RequestParam(defaultValue = "1") int scheduledPage, @RequestParam(defaultValue = "1") int paidPage,
                    HttpServletRequest request, Model model) {
        Map<String, Long> counts = queries.trancheCounts();
        tranchePage("requested", "REQUESTED", requestedPage, counts, request, model);
        tranchePage("approved", "APPROVED", approvedPage, counts, request, model);
        tranchePage("scheduled", "SCHEDULED", scheduledPage, counts, request, model);
        tranchePage("paid", "PAID", paidPage, counts, request, model);
        return "finance/tranches";
    }

    private void tranchePage(String list, String status, int requested, Map<String, Long> counts, HttpServletRequest request,
                             Model model) {
        Paging paging = Paging.of(request, "/finance/tranches", list + "Page", requested, counts.getOrDefault(status, 0L),
                ROWS_PER_PAGE);
        model.addAttribute(list, queries.tranches(status, paging.offset(), paging.perPage()));
        model.addAttribute(list + "Paging", paging);
    }

    @GetMapping("/tranches.csv")
    ResponseEntity<byte[]> tranchesCsv() {
        return tranchesCsv("tranches.csv", queries.tranches());
    }

    @PostMapping("/tranches/{awardId}/{trancheId}/request")
    @PreAuthorize(FinanceController.OFFICER)
    String request(@PathVariable String awardId, @PathVariable String trancheId, @AuthenticationPrincipal FundUser user,
                   HttpServletRequest httpRequest, Model model, RedirectAttributes redirect) {
        String actor = user.getUsername();
        return act(awardId, trancheId, errors -> commands.send(new RequestTrancheCommand(awardId, trancheId, actor), errors),
                "finance.notice.requested", httpRequest, model, redirect);
    }

    @PostMapping("/tranches/{awardId}/{trancheId}/approve")
    @PreAuthorize(FinanceController.APPROVER)
    String approve(@PathVariable String awardId, @PathVariable String trancheId, @AuthenticationPrincipal FundUser user,
                   HttpServletRequest httpRequest, Model model, RedirectAttributes redirect) {
        String actor = user.getUsername();
        return act(awardId, trancheId, errors -> steps.approve(awardId, trancheId, actor, errors),
                "finance.notice.approved", httpRequest, model, redirect);
    }

    @GetMapping("/tranches/{awardId}/{trancheId}/payment")
    @PreAuthorize(FinanceController.OFFICER)
    String paymentForm(@PathVariable String awardId, @PathVariable String trancheId, Model model) {
        model.addAttribute("tranche", tranche(awardId, trancheId));
        if (!model.containsAttribute("payment")) {
            PaymentForm form = new PaymentForm();
            form.setValueDate(LocalDate.now().toString());
            model.addAttribute("payment", form);
        }
        return "finance/payment";
    }

    @PostMapping("/tranches/{awardId}/{trancheId}/payment")
    @PreAuthorize(FinanceController.OFFICER)
    String pay(@PathVariable String awardId, @PathVariable String trancheId, @ModelAttribute("payment") PaymentForm form,
               BindingResult errors, @AuthenticationPrincipal FundUser user, Model model, RedirectAttributes redirect) {
        tranche(awardId, trancheId);
        String reference = FormInput.text(errors, "paymentReference", form.getPaymentReference());
        LocalDate valueDate = FormInput.date(errors, "valueDate", form.getValueDate());
        if (errors.hasErrors() || !steps.pay(new RecordTranchePaymentCommand(awardId, trancheId, reference, valueDate,
                null, user.getUsername()), errors)) {
            return paymentForm(awardId, trancheId, model);
        }
        commands.awaitReadModel();
        redirect.addFlashAttribute("notice", finance.message("finance.notice.paid", trancheId, awardId, reference));
        return "redirect:/finance/tranches";
    }

    // ---- Awards and refunds ---------------------------------------------------------------------

    @GetMapping("/awards")
    String awards(@RequestParam(defaultValue = "1") int page, HttpServletRequest request, Model model) {
        Paging paging = Paging.of(request, "/finance/awards", "page", page, queries.awardCount(), ROWS_PER_PAGE);
        model.addAttribute("awards", queries.awards(paging.offset(), paging.perPage()));
        model.addAttribute("paging", paging);
        return "finance/awards";
    }

    @GetMapping("/awards.csv")
    ResponseEntity<byte[]> awardsCsv() {
        List<List<?>> rows = queries.awards().stream().<List<?>>map(a -> Arrays.asList(a.awardId(), a.applicationId(),
                a.cityName(), a.regionName(), finance.message("finance.award." + a.status()), a.amountUsd(), a.paidUsd(),
                a.refundedUsd(),
                a.madeAt() == null ? null : format.when(a.madeAt()))).toList();
        return Csv.download("awards.csv", finance.headers("finance.col.award", "finance.col.application", "finance.col.city",
                "finance.col.region", "finance.col.status", "finance.col.amountUsd", "finance.col.paidUsd",
                "finance.col.refundedUsd", "finance.col.when"), rows);
    }

    @GetMapping("/awards/{awardId}")
    String award(@PathVariable String awardId, Model model) {
        model.addAttribute("award", award(awardId));
        model.addAttribute("funding", queries.funding(awardId));
        model.addAttribute("tranches", queries.tranchesOfAward(awardId));
        model.addAttribute("amendments", queries.amendments(awardId));
        if (!model.containsAttribute("refund")) {
            model.addAttribute("refund", new RefundForm());
        }
        if (!model.containsAttribute("extension")) {
            model.addAttribute("extension", new AmendmentForm());
        }
        if (!model.containsAttribute("budgetMove") || !model.containsAttribute("moreMoney")) {
            // Read from the award's events once for both forms that start from them.
            List<BudgetLine> current = budgets.current(awardId);
            if (!model.containsAttribute("budgetMove")) {
                model.addAttribute("budgetMove", withLines(new AmendmentForm(), current));
            }
            if (!model.containsAttribute("moreMoney")) {
                model.addAttribute("moreMoney", withMoneyRows(withLines(new AmendmentForm(), current)));
            }
        }
        model.addAttribute("fundingOptions", fundingOptions(awardId));
        model.addAttribute("reportIds", queries.reportIds(awardId));
        return "finance/award";
    }

    @GetMapping("/awards/{awardId}/tranches.csv")
    ResponseEntity<byte[]> awardTranchesCsv(@PathVariable String awardId) {
        award(awardId);
        return tranchesCsv("tranches-" + awardId + ".csv", queries.tranchesOfAward(awardId));
    }

    @GetMapping("/awards/{awardId}/funding.csv")
    ResponseEntity<byte[]> fundingCsv(@PathVariable String awardId) {
        award(awardId);
        List<List<?>> rows = queries.funding(awardId).stream().<List<?>>map(f -> Arrays.asList(f.contributionId(),
                f.donorName(), f.amountUsd())).toList();
        return Csv.download("funding-" + awardId + ".csv", finance.headers("finance.col.contribution", "finance.col.donor",
                "finance.col.amountUsd"), rows);
    }

    @PostMapping("/awards/{awardId}/refunds")
    @PreAuthorize(FinanceController.OFFICER)
    String refund(@PathVariable String awardId, @ModelAttribute("refund") RefundForm form, BindingResult errors,
                  @AuthenticationPrincipal FundUser user, Model model, RedirectAttributes redirect) {
        award(awardId);
        form.setRefundId(FormInput.idOrNew(form.getRefundId(), "refund"));
        BigDecimal amount = FormInput.amount(errors, "amount", form.getAmount(), Money.USD);
        String reason = FormInput.text(errors, "reason", form.getReason());
        RecordRefundCommand command = errors.hasErrors() ? null : commands.build(() -> new RecordRefundCommand(awardId,
                form.getRefundId(), new Money(amount, Money.USD), reason, user.getUsername()), errors);
        if (command == null || !commands.send(command, errors)) {
            return award(awardId, model);
        }
        commands.awaitReadModel();
        redirect.addFlashAttribute("notice", finance.message("finance.notice.refunded", format.usd(amount), awardId));
        return "redirect:/finance/awards/" + awardId;
    }

    // ---- Amendments ----------------------------------------------------------------------------

    /** A no-cost extension: the award ends later, nothing else changes. */
    @PostMapping("/awards/{awardId}/amendments/new-end-date")
    @PreAuthorize(FinanceController.OFFICER)
    String proposeNewEndDate(@PathVariable String awardId, @ModelAttribute("extension") AmendmentForm form, BindingResult errors,
                             @AuthenticationPrincipal FundUser user, Model model, RedirectAttributes redirect) {
        award(awardId);
        form.setAmendmentId(FormInput.idOrNew(form.getAmendmentId(), "am"));
        LocalDate newEndDate = FormInput.date(errors, "newEndDate", form.getNewEndDate());
        String reason = FormInput.text(errors, "reason", form.getReason());
        ProposeAmendmentCommand command = errors.hasErrors() ? null : new ProposeAmendmentCommand(awardId,
                form.getAmendmentId(), AmendmentKind.NEW_END_DATE, AmendmentTerms.newEndDate(newEndDate), reason,
                user.getUsername());
        return proposed(awardId, command, errors, model, redirect);
    }

    /** The same amount divided differently over the budget lines; the Award checks they add up to it. */
    @PostMapping("/awards/{awardId}/amendments/budget-lines")
    @PreAuthorize(FinanceController.OFFICER)
    String proposeBudgetLines(@PathVariable String awardId, @ModelAttribute("budgetMove") AmendmentForm form,
                              BindingResult errors, @AuthenticationPrincipal FundUser user, Model model,
                              RedirectAttributes redirect) {
        award(awardId);
        form.setAmendmentId(FormInput.idOrNew(form.getAmendmentId(), "am"));
        List<TypedLine> lines = budgetLines(form, errors);
        String reason = FormInput.text(errors, "reason", form.getReason());
        ProposeAmendmentCommand command = errors.hasErrors() ? null : commands.build(() -> new ProposeAmendmentCommand(
                awardId, form.getAmendmentId(), AmendmentKind.MOVE_BUDGET_LINES,
                AmendmentTerms.moveBudgetLines(toBudgetLines(lines)), reason, user.getUsername()), errors);
        return proposed(awardId, command, errors, model, redirect);
    }

    /**
     * More money: the additional amount, the contributions that fund it, the tranches that pay it and the
     * budget lines of the whole award. The Award checks they add up; the contributions commit their money
     * only when the Central Team approves (AwardFunding).
     */
    @PostMapping("/awards/{awardId}/amendments/more-money")
    @PreAuthorize(FinanceController.OFFICER)
    String proposeMoreMoney(@PathVariable String awardId, @ModelAttribute("moreMoney") AmendmentForm form, BindingResult errors,
                            @AuthenticationPrincipal FundUser user, Model model, RedirectAttributes redirect) {
        award(awardId);
        form.setAmendmentId(FormInput.idOrNew(form.getAmendmentId(), "am"));
        BigDecimal more = FormInput.amount(errors, "additionalAmount", form.getAdditionalAmount(), Money.USD);
        List<TypedAllocation> allocations = allocations(form, awardId, errors);
        List<TypedTranche> tranches = tranches(form, awardId, errors);
        List<TypedLine> lines = budgetLines(form, errors);
        String reason = FormInput.text(errors, "reason", form.getReason());
        ProposeAmendmentCommand command = errors.hasErrors() ? null : commands.build(() -> new ProposeAmendmentCommand(
                awardId, form.getAmendmentId(), AmendmentKind.MORE_MONEY, new AmendmentTerms(new Money(more, Money.USD),
                allocations.stream().map(a -> new FundingAllocation(a.contributionId(), new Money(a.usd(), Money.USD))).toList(),
                tranches.stream().map(t -> new TrancheSchedule(t.trancheId(), new Money(t.usd(), Money.USD), t.plannedDate(),
                        t.requiresReportId())).toList(),
                toBudgetLines(lines), null), reason, user.getUsername()), errors);
        return proposed(awardId, command, errors, model, redirect);
    }

    private String proposed(String awardId, ProposeAmendmentCommand command, BindingResult errors, Model model,
                            RedirectAttributes redirect) {
        if (command == null || !commands.send(command, errors)) {
            // Shown even if the award was closed meanwhile, when the page offers no amendment: the refusal says so.
            model.addAttribute("amendmentRefused", true);
            return award(awardId, model);
        }
        commands.awaitReadModel();
        redirect.addFlashAttribute("notice", finance.message("finance.notice.amendmentProposed", command.amendmentId(),
                awardId));
        return "redirect:/finance/awards/" + awardId;
    }

    /** A budget line as read from the form, before it becomes Money (which may still refuse the amount). */
    private record TypedLine(String description, BigDecimal usd) {
    }

    /** The rows with anything typed in them; a row left empty is no line. */
    private static List<TypedLine> budgetLines(AmendmentForm form, BindingResult errors) {
        List<TypedLine> lines = new ArrayList<>();
        List<AmendmentForm.Line> rows = form.getBudgetLines();
        for (int i = 0; i < rows.size(); i++) {
            AmendmentForm.Line row = rows.get(i);
            if (row == null || (isBlank(row.getDescription()) && isBlank(row.getAmount()))) {
                continue;
            }
            String field = "budgetLines[" + i + "]";
            String description = FormInput.text(errors, field + ".description", row.getDescription());
            BigDecimal usd = FormInput.amount(errors, field + ".amount", row.getAmount(), Money.USD);
            if (description != null && usd != null) {
                lines.add(new TypedLine(description, usd));
            }
        }
        return lines;
    }

    private record TypedAllocation(String contributionId, BigDecimal usd) {
    }

    private record TypedTranche(String trancheId, BigDecimal usd, LocalDate plannedDate, String requiresReportId) {
    }

    /** The rows with a contribution or an amount; the contribution must be one the page offered. */
    private List<TypedAllocation> allocations(AmendmentForm form, String awardId, BindingResult errors) {
        List<String> offered = fundingOptions(awardId).stream().map(ContributionBalance::contributionId).toList();
        List<TypedAllocation> allocations = new ArrayList<>();
        List<AmendmentForm.Allocation> rows = form.getAllocations();
        for (int i = 0; i < rows.size(); i++) {
            AmendmentForm.Allocation row = rows.get(i);
            if (row == null || (isBlank(row.getContributionId()) && isBlank(row.getAmount()))) {
                continue;
            }
            String field = "allocations[" + i + "]";
            String contributionId = FormInput.text(errors, field + ".contributionId", row.getContributionId());
            if (contributionId != null && !offered.contains(contributionId)) {
                errors.rejectValue(field + ".contributionId", "finance.error.contribution.notOffered");
                contributionId = null;
            }
            BigDecimal usd = FormInput.amount(errors, field + ".amount", row.getAmount(), Money.USD);
            if (contributionId != null && usd != null) {
                allocations.add(new TypedAllocation(contributionId, usd));
            }
        }
        return allocations;
    }

    /**
     * The rows with an amount or a date. Each new tranche is named after the amendment ("am-…-t1"), so two
     * amendments waiting side by side never propose the same tranche id.
     */
    private List<TypedTranche> tranches(AmendmentForm form, String awardId, BindingResult errors) {
        List<String> reportIds = queries.reportIds(awardId);
        List<TypedTranche> tranches = new ArrayList<>();
        List<AmendmentForm.Tranche> rows = form.getTranches();
        for (int i = 0; i < rows.size(); i++) {
            AmendmentForm.Tranche row = rows.get(i);
            if (row == null || (isBlank(row.getAmount()) && isBlank(row.getPlannedDate()))) {
                continue;
            }
            String field = "tranches[" + i + "]";
            BigDecimal usd = FormInput.amount(errors, field + ".amount", row.getAmount(), Money.USD);
            LocalDate planned = FormInput.date(errors, field + ".plannedDate", row.getPlannedDate());
            String gate = isBlank(row.getRequiresReportId()) ? null : row.getRequiresReportId().trim();
            if (gate != null && !reportIds.contains(gate)) {
                errors.rejectValue(field + ".requiresReportId", "finance.error.report.unknown");
            } else if (usd != null && planned != null) {
                tranches.add(new TypedTranche(form.getAmendmentId() + "-t" + (tranches.size() + 1), usd, planned, gate));
            }
        }
        return tranches;
    }

    private List<ContributionBalance> fundingOptions(String awardId) {
        return queries.caseProfile(awardId).map(ledger::fundingOptions).orElse(List.of());
    }

    /** A few empty rows for the contributions and tranches that bring the additional money, as the award form has. */
    private static AmendmentForm withMoneyRows(AmendmentForm form) {
        for (int i = 0; i < BUDGET_ROWS; i++) {
            form.getAllocations().add(new AmendmentForm.Allocation());
            form.getTranches().add(new AmendmentForm.Tranche());
        }
        return form;
    }

    private static List<BudgetLine> toBudgetLines(List<TypedLine> lines) {
        return lines.stream().map(line -> new BudgetLine(line.description(), new Money(line.usd(), Money.USD))).toList();
    }

    /** The award's budget lines as they stand, and two empty rows (at least four rows, as the award form has) to add lines. */
    private static AmendmentForm withLines(AmendmentForm form, List<BudgetLine> current) {
        for (BudgetLine line : current) {
            form.getBudgetLines().add(new AmendmentForm.Line(line.description(), line.amount().amount().toPlainString()));
        }
        int rows = Math.max(BUDGET_ROWS, form.getBudgetLines().size() + 2);
        while (form.getBudgetLines().size() < rows) {
            form.getBudgetLines().add(new AmendmentForm.Line());
        }
        return form;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    // ---- Helpers --------------------------------------------------------------------------------

    private String act(String awardId, String trancheId, Predicate<BindingResult> step, String notice,
                       HttpServletRequest request, Model model, RedirectAttributes redirect) {
        tranche(awardId, trancheId);
        BindingResult errors = new BeanPropertyBindingResult(new Object(), "tranche");
        if (!step.test(errors)) {
            model.addAttribute("actionError", finance.message(errors.getGlobalError()));
            model.addAttribute("actionTarget", awardId + "/" + trancheId);
            return tranches(1, 1, 1, 1, request, model);
        }
        commands.awaitReadModel();
        redirect.addFlashAttribute("notice", finance.message(notice, trancheId, awardId));
        return "redirect:/finance/tranches";
    }

    private TrancheRow tranche(String awardId, String trancheId) {
        return queries.tranche(awardId, trancheId).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }

    private AwardRow award(String awardId) {
        return queries.award(awardId).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }

    private ResponseEntity<byte[]> tranchesCsv(String filename, List<TrancheRow> tranches) {
        List<List<?>> rows = tranches.stream().<List<?>>map(t -> Arrays.asList(t.awardId(), t.trancheId(), t.cityName(),
                t.amountUsd(), t.plannedDate(), t.requiresReportId(), finance.message("finance.tranche." + t.status()),
                t.requestedBy(), t.approvedBy(), t.paidBy(), t.paymentReference(), t.valueDate())).toList();
        return Csv.download(filename, finance.headers("finance.col.award", "finance.col.tranche", "finance.col.city",
                "finance.col.amountUsd", "finance.col.plannedDate", "finance.col.requiresReport", "finance.col.status",
                "finance.col.requestedBy", "finance.col.approvedBy", "finance.col.paidBy", "finance.col.reference",
                "finance.col.valueDate"), rows);
    }

}
