package org.strongcities.fund.web.finance;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.strongcities.fund.domain.api.ApplicationContent;
import org.strongcities.fund.domain.api.BudgetLine;
import org.strongcities.fund.domain.api.BusinessRuleViolation;
import org.strongcities.fund.domain.api.CreateApplicationDraftCommand;
import org.strongcities.fund.domain.api.DecideApplicationCommand;
import org.strongcities.fund.domain.api.DecisionType;
import org.strongcities.fund.domain.api.Earmark;
import org.strongcities.fund.domain.api.FocalPoint;
import org.strongcities.fund.domain.api.FundingAllocation;
import org.strongcities.fund.domain.api.Indicator;
import org.strongcities.fund.domain.api.MakeAwardCommand;
import org.strongcities.fund.domain.api.MarkReportOverdueCommand;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.PopulationBand;
import org.strongcities.fund.domain.api.RecordEligibilityCommand;
import org.strongcities.fund.domain.api.RecordReceiptCommand;
import org.strongcities.fund.domain.api.Region;
import org.strongcities.fund.domain.api.RegisterMemberCityCommand;
import org.strongcities.fund.domain.api.ReportKind;
import org.strongcities.fund.domain.api.ReportingObligation;
import org.strongcities.fund.domain.api.SignContributionAgreementCommand;
import org.strongcities.fund.domain.api.StartCentralReviewCommand;
import org.strongcities.fund.domain.api.StartHubReviewCommand;
import org.strongcities.fund.domain.api.StrategicPriority;
import org.strongcities.fund.domain.api.SubmitApplicationCommand;
import org.strongcities.fund.domain.api.SupportType;
import org.strongcities.fund.domain.api.TrancheSchedule;
import org.strongcities.fund.web.demo.DemoNetwork;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Builds what the finance, donor and transparency tests need through the real commands: a contribution
 * with money in it, and an awarded case with two tranches (t-1 payable at once, t-2 after report r-1).
 */
public final class FinanceFixture {

    /**
     * When the fixture's agreements and projects start: ten days before today (UTC, the domain's day), so
     * its receipts (START + 10 days, today) are never after today and fall in the current year with the
     * awards, and its reports (START + 3 and 4 years) never fall due before the award is made, whatever
     * day the tests run.
     */
    public static final LocalDate START = LocalDate.now(ZoneOffset.UTC).minusDays(10);
    /** When r-1, the progress report of every award made here, falls due. */
    public static final LocalDate PROGRESS_REPORT_DUE = START.plusYears(3);

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;

    public FinanceFixture(CommandGateway commands, JdbcTemplate jdbc) {
        this.commands = commands;
        this.jdbc = jdbc;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A USD contribution of the donor with the money received, visible in the read model. */
    public String fundedContribution(String donorId, String usd, Earmark earmark) {
        return fundedContribution(donorId, usd, usd, earmark);
    }

    public String fundedContribution(String donorId, String pledgedUsd, String usd, Earmark earmark) {
        String id = signedContribution(donorId, pledgedUsd, earmark);
        commands.sendAndWait(new RecordReceiptCommand(id, unique("receipt"), Money.usd(usd), null, START.plusDays(10),
                "finance.officer"));
        await().atMost(Duration.ofSeconds(10)).until(() -> received(id).compareTo(new BigDecimal(usd)) == 0);
        return id;
    }

    /** A USD contribution of the donor, signed but with nothing received yet, visible in the read model. */
    public String signedContribution(String donorId, String pledgedUsd, Earmark earmark) {
        String id = unique("contribution-test");
        commands.sendAndWait(new SignContributionAgreementCommand(id, donorId, Money.usd(pledgedUsd), START,
                START.plusYears(2), earmark, "finance.officer"));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM rm_contribution WHERE contribution_id = ?", Integer.class, id) == 1);
        return id;
    }

    /** A member city of East &amp; Southern Africa whose focal point is the given account. */
    public String city(String name, String focalPoint) {
        String id = unique("city-test");
        commands.sendAndWait(new RegisterMemberCityCommand(id, name, "KE", Region.EAST_SOUTHERN_AFRICA,
                DemoNetwork.HUB_EAST_SOUTHERN_AFRICA, PopulationBand.FROM_100K_TO_500K,
                List.of(new FocalPoint(focalPoint, name + " focal point", null)), true, false, "admin"));
        return id;
    }

    /**
     * An awarded case of the city, funded in full by the contribution; returns the award id once the
     * award and its tranches are in the read model. The review process may already have done some of
     * the steps by itself: a step it did is skipped.
     */
    public String award(String cityId, String focalPoint, String contributionId, String usd, String title, boolean sensitive) {
        String applicationId = decided(cityId, focalPoint, usd, title, sensitive);
        String awardId = unique("award-test");
        Money total = Money.usd(usd);
        Money half = new Money(total.amount().divide(BigDecimal.valueOf(2)), Money.USD);
        commands.sendAndWait(new MakeAwardCommand(awardId, applicationId, cityId, Region.EAST_SOUTHERN_AFRICA,
                Set.of(StrategicPriority.YOUTH_ENGAGEMENT, StrategicPriority.CITY_TO_CITY_INTERACTION),
                SupportType.COMMUNITY_YOUTH_ENGAGEMENT, null, total, List.of(new BudgetLine("Workshops", total)),
                List.of(new TrancheSchedule("t-1", half, START.plusMonths(1), null),
                        new TrancheSchedule("t-2", total.minus(half), START.plusMonths(7), "r-1")),
                List.of(new ReportingObligation("r-1", ReportKind.PROGRESS, PROGRESS_REPORT_DUE),
                        new ReportingObligation("r-final", ReportKind.FINAL, START.plusYears(4))),
                null, START.plusYears(4), List.of(new FundingAllocation(contributionId, total)), "central.approver"));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM rm_tranche WHERE award_id = ?", Integer.class, awardId) == 2
                && jdbc.queryForObject("SELECT count(*) FROM rm_ledger_entry WHERE award_id = ? AND entry_kind = 'COMMITTED'",
                Integer.class, awardId) == 1
                && jdbc.queryForObject("SELECT count(*) FROM rm_application WHERE application_id = ?", Integer.class,
                applicationId) == 1);
        return awardId;
    }

    /**
     * Marks r-1 of the award overdue as the award process's timer will, on the day after it falls due.
     * The domain refuses it earlier, so Axon's event clock (the domain's today, RecordedTime) reads that
     * day for this one command, the way the demo's back-dated case sets it; Camunda's clock is not moved,
     * so the timer itself does not fire during the test.
     */
    public void markProgressReportOverdue(String awardId) {
        Clock real = GenericEventMessage.clock;
        GenericEventMessage.clock = Clock.offset(real, Duration.between(real.instant(),
                PROGRESS_REPORT_DUE.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        try {
            commands.sendAndWait(new MarkReportOverdueCommand(awardId, "r-1", "system"));
        } finally {
            GenericEventMessage.clock = real;
        }
    }

    /**
     * A case of the city approved in full (priorities youth engagement and city-to-city interaction, support
     * type community and youth engagement) and waiting for its award; returns the application id once the
     * read model shows it approved.
     */
    public String approved(String cityId, String focalPoint, String usd, String title, boolean sensitive) {
        String applicationId = decided(cityId, focalPoint, usd, title, sensitive);
        await().atMost(Duration.ofSeconds(10)).until(() -> "AWARDED".equals(jdbc.queryForList(
                "SELECT status FROM rm_application WHERE application_id = ?", String.class, applicationId)
                .stream().findFirst().orElse(null)));
        return applicationId;
    }

    private String decided(String cityId, String focalPoint, String usd, String title, boolean sensitive) {
        String applicationId = unique("application-test");
        commands.sendAndWait(new CreateApplicationDraftCommand(applicationId, cityId, focalPoint));
        commands.sendAndWait(new SubmitApplicationCommand(applicationId, content(title, usd, sensitive), focalPoint));
        tolerant(new RecordEligibilityCommand(applicationId, true, null, "hub.eastafrica"));
        tolerant(new StartHubReviewCommand(applicationId, "hub.eastafrica"));
        tolerant(new StartCentralReviewCommand(applicationId, "central.reviewer"));
        await().atMost(Duration.ofSeconds(10)).ignoreException(BusinessRuleViolation.class).until(() -> {
            commands.sendAndWait(new DecideApplicationCommand(applicationId, DecisionType.APPROVE_IN_FULL, null, null,
                    "Approved: a clear plan", null, false, "central.reviewer"));
            return true;
        });
        return applicationId;
    }

    public String trancheStatus(String awardId, String trancheId) {
        return jdbc.queryForObject("SELECT status FROM rm_tranche WHERE award_id = ? AND tranche_id = ?", String.class,
                awardId, trancheId);
    }

    public BigDecimal received(String contributionId) {
        return sum(contributionId, "RECEIVED");
    }

    public BigDecimal sum(String contributionId, String kind) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(amount_usd), 0) FROM rm_ledger_entry WHERE contribution_id = ? "
                + "AND entry_kind = ?", BigDecimal.class, contributionId, kind);
    }

    public long events() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        return count == null ? 0 : count;
    }

    private void tolerant(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (BusinessRuleViolation | ConcurrencyException alreadyDoneByTheProcess) {
            // the review process took this step itself, before or at the same moment
        }
    }

    private static ApplicationContent content(String title, String usd, boolean sensitive) {
        return new ApplicationContent(title, "Summary of " + title, Set.of(StrategicPriority.YOUTH_ENGAGEMENT,
                StrategicPriority.CITY_TO_CITY_INTERACTION), SupportType.COMMUNITY_YOUTH_ENGAGEMENT, Money.usd(usd),
                List.of(new BudgetLine("Workshops", Money.usd(usd))), START, START.plusYears(1), "Objectives",
                List.of(new Indicator("Youth reached", "0", "200")), "Risks", "Do no harm", sensitive);
    }
}
