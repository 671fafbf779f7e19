package org.strongcities.fund.web.asof;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.strongcities.fund.web.platform.Amounts;
import org.strongcities.fund.web.platform.TypedDates;
import org.strongcities.fund.web.security.FundUser;
import org.strongcities.fund.web.security.Role;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * "As of any date": finance sees every contribution and case, a donor only its own contributions
 * and the cases they fund. A date means the end of that day (UTC); the view sets it next to now.
 */
@Controller
@PreAuthorize("hasAnyRole('FINANCE_OFFICER', 'FINANCE_APPROVER', 'ADMINISTRATOR', 'DONOR')")
class AsOfController {

    private final BalanceHistory balances;
    private final CaseHistory cases;
    private final JdbcTemplate jdbc;
    private final Clock clock = Clock.systemUTC();

    AsOfController(BalanceHistory balances, CaseHistory cases, JdbcTemplate jdbc) {
        this.balances = balances;
        this.cases = cases;
        this.jdbc = jdbc;
    }

    @GetMapping("/as-of")
    String balances(@RequestParam(required = false) String date, @AuthenticationPrincipal FundUser user, Model model,
                    HttpServletResponse response) {
        LocalDate day = day(date, model, response);
        String donorId = donorScope(user);
        Map<String, ContributionBalance> now = balances.asOf(Instant.now(clock), donorId).stream()
                .collect(Collectors.toMap(ContributionBalance::contributionId, Function.identity()));
        List<BalanceRow> rows = new ArrayList<>();
        for (ContributionBalance then : balances.asOf(endOf(day), donorId)) {
            rows.add(new BalanceRow(then, now.get(then.contributionId())));
        }
        model.addAttribute("date", day);
        model.addAttribute("today", today());
        model.addAttribute("rows", rows);
        model.addAttribute("donorView", donorId != null);
        return "asof/balances";
    }

    @GetMapping("/as-of/case")
    String caseAsOf(@RequestParam("application") String applicationId, @RequestParam(required = false) String date,
                    @AuthenticationPrincipal FundUser user, Model model, HttpServletResponse response) {
        LocalDate day = day(date, model, response);
        String donorId = donorScope(user);
        if (donorId != null && !fundedBy(applicationId, donorId)) {
            // The same answer as for an unknown case, so a donor cannot probe for other cases.
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        CaseState now = cases.asOf(applicationId, Instant.now(clock));
        if (!now.exists()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("date", day);
        model.addAttribute("today", today());
        model.addAttribute("then", cases.asOf(applicationId, endOf(day)));
        model.addAttribute("now", now);
        // Donors see funds and status; a sensitive case's title stays with the Management Unit.
        model.addAttribute("showTitle", donorId == null || !now.sensitive());
        return "asof/case";
    }

    /**
     * The day asked for; yesterday when none is. A date that is not one, or is after today, is answered
     * with 400 and the page for today, saying what to type instead.
     */
    private LocalDate day(String requested, Model model, HttpServletResponse response) {
        if (requested == null || requested.isBlank()) {
            return today().minusDays(1);
        }
        String problem;
        try {
            LocalDate day = TypedDates.parse(requested);
            if (!day.isAfter(today())) {
                return day;
            }
            problem = day + " is after today (" + today() + "): nothing is recorded for it yet. Choose a date up to today.";
        } catch (DateTimeParseException notADate) {
            problem = "\"" + Amounts.shown(requested) + "\" is not a date: write it as year-month-day, for example "
                    + today().minusDays(1) + ".";
        }
        model.addAttribute("dateProblem", problem);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return today();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The last microsecond of the day, UTC. */
    static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minus(1, ChronoUnit.MICROS);
    }

    /** A donor's own donor id; null for finance and administrators, who see everything. */
    private static String donorScope(FundUser user) {
        if (user == null || user.role() != Role.DONOR) {
            return null;
        }
        String donorId = user.account().donorId();
        if (donorId == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "This donor account is not linked to a donor");
        }
        return donorId;
    }

    private boolean fundedBy(String applicationId, String donorId) {
        Integer count = jdbc.queryForObject("""
                SELECT count(*) FROM rm_award a
                JOIN rm_award_funding f ON f.award_id = a.award_id
                JOIN rm_contribution k ON k.contribution_id = f.contribution_id
                WHERE a.application_id = ? AND k.donor_id = ?""", Integer.class, applicationId, donorId);
        return count != null && count > 0;
    }
}
