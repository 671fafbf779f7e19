package org.strongcities.fund.web.awards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.strongcities.fund.domain.api.ApplicationContent;
import org.strongcities.fund.domain.api.BudgetLine;
import org.strongcities.fund.domain.api.CaseProfile;
import org.strongcities.fund.domain.api.FundingAllocation;
import org.strongcities.fund.domain.api.MakeAwardCommand;
import org.strongcities.fund.domain.api.BusinessRuleViolation;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.Region;
import org.strongcities.fund.domain.api.ReportKind;
import org.strongcities.fund.domain.api.ReportingObligation;
import org.strongcities.fund.domain.api.TrancheSchedule;
import org.strongcities.fund.web.cases.CaseQueries;
import org.strongcities.fund.web.cases.CaseViews;
import org.strongcities.fund.web.cases.CaseViews.CaseSummary;
import org.strongcities.fund.web.finance.LedgerQueries;
import org.strongcities.fund.web.platform.Amounts;
import org.strongcities.fund.web.platform.CommandFailures;
import org.strongcities.fund.web.platform.ReadModels;
import org.strongcities.fund.web.platform.TypedDates;
import org.strongcities.fund.web.security.FundUser;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Finance turns an approved application into an award: it chooses the contributions whose
 * earmarks fit and commits their money, and sets the tranche schedule and the reports that gate
 * it. The domain refuses an award the balances cannot carry, and stores nothing then.
 */
@Controller
@RequestMapping("/awards")
@PreAuthorize("hasRole('FINANCE_OFFICER')")
class AwardMakingController {

    static final int ROWS = 4;

    private final JdbcTemplate jdbc;
    private final CaseQueries cases;
    private final CommandGateway commands;
    private final ReadModels readModels;
    private final ObjectMapper json;
    private final LedgerQueries ledger;

    AwardMakingController(JdbcTemplate jdbc, CaseQueries cases, CommandGateway commands, ReadModels readModels,
                          ObjectMapper json, LedgerQueries ledger) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.cases = cases;
        this.commands = commands;
        this.readModels = readModels;
        this.json = json;
    }

    /** An approved application waiting for its award; shownStatus is the key of its status in words (CaseViews). */
    record PendingAward(String applicationId, String title, String city, String shownStatus, BigDecimal amount,
                        String currency) {
    }

    @GetMapping("/pending")
    String pending(Model model) {
        model.addAttribute("pending", jdbc.query("""
                SELECT a.application_id, a.title, c.name AS city, a.status, a.requested_amount, a.requested_currency,
                       a.approved_amount, a.approved_currency, a.conditions, a.award_id
                FROM rm_application a JOIN rm_city c ON c.city_id = a.city_id
                WHERE a.status IN ('AWARDED', 'PARTIALLY_AWARDED') AND a.award_id IS NULL ORDER BY a.decided_at""",
                (rs, row) -> {
                    BigDecimal approved = rs.getBigDecimal("approved_amount");
                    BigDecimal requested = rs.getBigDecimal("requested_amount");
                    return new PendingAward(rs.getString("application_id"), rs.getString("title"), rs.getString("city"),
                            CaseViews.shownStatus(rs.getString("status"), requested, rs.getString("requested_currency"),
                                    approved, rs.getString("approved_currency"), rs.getString("conditions"),
                                    rs.getString("award_id")),
                            approved != null ? approved : requested,
                            approved != null ? rs.getString("approved_currency") : rs.getString("requested_currency"));
                }));
        return "awards/pending";
    }

    @GetMapping("/new/{applicationId}")
    String form(@PathVariable String applicationId, Model model) {
        CaseSummary summary = approvedWithoutAward(applicationId);
        return page(model, summary, null, null);
    }

    @PostMapping("/new/{applicationId}")
    String make(@AuthenticationPrincipal FundUser user, @PathVariable String applicationId,
                @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        CaseSummary summary = approvedWithoutAward(applicationId);
        List<String> problems = new ArrayList<>();
        ApplicationContent content = latestContent(applicationId);
        List<TrancheSchedule> tranches = new ArrayList<>();
        List<ReportingObligation> reports = new ArrayList<>();
        List<FundingAllocation> allocations = new ArrayList<>();
        List<BudgetLine> budget = new ArrayList<>();
        for (int i = 1; i <= ROWS; i++) {
            String kind = value(form, "reportKind" + i);
            if (!kind.isEmpty()) {
                reports.add(new ReportingObligation("r" + i, enumOf(ReportKind.class, kind, problems),
                        date(form, "reportDue" + i, "the due date of report " + i, problems)));
            }
        }
        for (int i = 1; i <= ROWS; i++) {
            Money amount = usd(form, "trancheAmount" + i, "the amount of tranche " + i, problems);
            if (amount != null) {
                String gate = value(form, "trancheGate" + i);
                tranches.add(new TrancheSchedule("t" + i, amount, date(form, "tranchePlanned" + i,
                        "the planned date of tranche " + i, problems), gate.isEmpty() ? null : gate));
            }
            Money share = usd(form, "allocationAmount" + i, "the amount from contribution row " + i, problems);
            String contributionId = value(form, "allocationContribution" + i);
            if (share != null && !contributionId.isEmpty()) {
                allocations.add(new FundingAllocation(contributionId, share));
            }
            String line = value(form, "budgetDescription" + i);
            Money lineAmount = usd(form, "budgetAmount" + i, "the amount of budget line " + i, problems);
            if (!line.isEmpty() && lineAmount != null) {
                budget.add(new BudgetLine(line, lineAmount));
            }
        }
        Money amount = usd(form, "amount", "the award amount", problems);
        LocalDate endDate = date(form, "endDate", "the end date", problems);
        if (!problems.isEmpty() || amount == null) {
            return page(model, summary, form, "Correct these fields: " + String.join("; ", problems) + ".");
        }
        String awardId = "award-" + UUID.randomUUID().toString().substring(0, 8);
        CaseProfile profile = caseProfile(summary, content);
        Optional<String> refused = CommandFailures.attempt(() -> commands.sendAndWait(new MakeAwardCommand(awardId,
                applicationId, summary.cityId(), profile.region(), profile.priorities(), profile.supportType(),
                profile.purpose(), amount, budget, tranches, reports, value(form, "conditions"), endDate,
                allocations, user.getUsername())));
        if (refused.isPresent()) {
            return page(model, summary, form, refused.get());
        }
        readModels.awaitCaughtUp();
        redirect.addFlashAttribute("message", "Award " + awardId + " made: USD " + amount.amount().toPlainString()
                + " committed against the chosen contributions.");
        return "redirect:/finance/awards/" + awardId;
    }

    private String page(Model model, CaseSummary summary, MultiValueMap<String, String> form, String error) {
        ApplicationContent content = latestContent(summary.applicationId());
        CaseProfile profile = caseProfile(summary, content);
        model.addAttribute("case", summary);
        model.addAttribute("content", content);
        model.addAttribute("form", form == null ? Map.of() : form.toSingleValueMap());
        model.addAttribute("error", error);
        model.addAttribute("rows", List.of(1, 2, 3, 4));
        model.addAttribute("contributions", ledger.fundingOptions(profile));
        model.addAttribute("reportKinds", ReportKind.values());
        return "awards/new";
    }

    /** What the contributions' earmarks are matched against: the award is made with these same values. */
    private static CaseProfile caseProfile(CaseSummary summary, ApplicationContent content) {
        return new CaseProfile(Region.valueOf(summary.region()), content.priorities(), content.supportType(), null);
    }

    private CaseSummary approvedWithoutAward(String applicationId) {
        return cases.find(applicationId)
                .filter(found -> ("AWARDED".equals(found.status()) || "PARTIALLY_AWARDED".equals(found.status()))
                        && found.awardId() == null)
                // Shown on the error page: the id comes from the address, and a page of ours must not repeat
                // whatever text a link put there.
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "No approved application is waiting for its award at this address."));
    }

    private ApplicationContent latestContent(String applicationId) {
        return cases.versions(applicationId).stream().findFirst().map(version -> {
            try {
                return json.readValue(version.content(), ApplicationContent.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Stored application content is not readable", e);
            }
        }).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No submitted version"));
    }

    private static String value(MultiValueMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null ? "" : value.strip();
    }

    private static Money usd(MultiValueMap<String, String> form, String field, String what, List<String> problems) {
        String text = value(form, field);
        if (text.isEmpty()) {
            return null;
        }
        BigDecimal amount = Amounts.parse(text).orElse(null);
        if (amount == null) {
            problems.add(what + " as a number in USD, for example 12000.00");
            return null;
        }
        if (amount.signum() <= 0) {
            problems.add(what + " above zero");
            return null;
        }
        try {
            return new Money(amount, Money.USD);
        } catch (BusinessRuleViolation refused) {
            problems.add(what + " (" + refused.getMessage() + ")");
            return null;
        }
    }

    private static LocalDate date(MultiValueMap<String, String> form, String field, String what, List<String> problems) {
        try {
            return TypedDates.parse(value(form, field));
        } catch (RuntimeException e) {
            problems.add(what + " as YYYY-MM-DD");
            return null;
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, List<String> problems) {
        try {
            return Enum.valueOf(type, value);
        } catch (RuntimeException e) {
            problems.add("a known report kind");
            return null;
        }
    }
}
