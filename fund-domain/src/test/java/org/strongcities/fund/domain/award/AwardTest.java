package org.strongcities.fund.domain.award;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.strongcities.fund.domain.api.AmendmentApprovedEvent;
import org.strongcities.fund.domain.api.AmendmentKind;
import org.strongcities.fund.domain.api.AmendmentProposedEvent;
import org.strongcities.fund.domain.api.AmendmentTerms;
import org.strongcities.fund.domain.api.ApproveAmendmentCommand;
import org.strongcities.fund.domain.api.AwardMadeEvent;
import org.strongcities.fund.domain.api.BudgetLine;
import org.strongcities.fund.domain.api.FundingAllocation;
import org.strongcities.fund.domain.api.MakeAwardCommand;
import org.strongcities.fund.domain.api.MarkReportOverdueCommand;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.ProposeAmendmentCommand;
import org.strongcities.fund.domain.api.Region;
import org.strongcities.fund.domain.api.ReportKind;
import org.strongcities.fund.domain.api.ReportingObligation;
import org.strongcities.fund.domain.api.StrategicPriority;
import org.strongcities.fund.domain.api.SupportType;
import org.strongcities.fund.domain.api.TrancheSchedule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * The award's own rules, with Axon's aggregate fixture. The handlers that span aggregates are
 * registered on the fixture's award repository only: the rules tested here refuse before any
 * contribution, application or city is loaded. AwardLifecycleTest runs them whole.
 */
class AwardTest {

    /** The day the award is made; it ends a year later, its final report falls due 60 days after that. */
    static final LocalDate MADE = LocalDate.of(2025, 3, 1);
    static final LocalDate END = MADE.plusYears(1);

    private AggregateTestFixture<Award> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Award.class);
        fixture.registerAnnotatedCommandHandler(new AwardFunding(null, fixture.getRepository(), null));
        fixture.registerAnnotatedCommandHandler(new ReportHolds(fixture.getRepository(), null));
    }

    static Instant on(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static AwardMadeEvent made() {
        Money total = Money.usd("20000");
        Money half = Money.usd("10000");
        return new AwardMadeEvent("award-1", "app-1", "city-dakar", Region.WEST_AFRICA, Set.of(StrategicPriority.YOUTH_ENGAGEMENT),
                SupportType.COMMUNITY_YOUTH_ENGAGEMENT, null, total, List.of(new BudgetLine("Workshops", total)),
                List.of(new TrancheSchedule("t-1", half, MADE, null), new TrancheSchedule("t-2", half, MADE.plusMonths(6), "r-1")),
                List.of(new ReportingObligation("r-1", ReportKind.PROGRESS, MADE.plusMonths(5)),
                        new ReportingObligation("r-final", ReportKind.FINAL, END.plusDays(60))),
                null, END, List.of(new FundingAllocation("c-wa", total)), List.of("amina"), List.of("carla"), "erin");
    }

    @Test
    void aNewEndDateMustLeaveEveryReportDueWithinNinetyDaysAfterIt() {
        fixture.givenCurrentTime(on(MADE)).andGiven(made())
                .when(new ProposeAmendmentCommand("award-1", "am-1", AmendmentKind.NEW_END_DATE,
                        AmendmentTerms.newEndDate(END.minusMonths(2)), "Work finishes early", "erin"))
                .expectNoEvents()
                .expectExceptionMessage("The amendment of award award-1 for a new end date of 2026-01-01 needs: report r-final due by 2026-04-01, 90 days after "
                        + "the award ends on 2026-01-01 (was 2026-04-30)");
        // Within the grace the end may move earlier; any later end leaves the reports where they were.
        fixture.givenCurrentTime(on(MADE)).andGiven(made())
                .when(new ProposeAmendmentCommand("award-1", "am-1", AmendmentKind.NEW_END_DATE,
                        AmendmentTerms.newEndDate(END.minusDays(30)), "Work finishes early", "erin"))
                .expectEvents(new AmendmentProposedEvent("award-1", "am-1", AmendmentKind.NEW_END_DATE,
                        AmendmentTerms.newEndDate(END.minusDays(30)), "Work finishes early", "erin"));
    }

    @Test
    void aNewEndDateIsNotBeforeTheAwardWasMade() {
        fixture.givenCurrentTime(on(MADE)).andGiven(made())
                .when(new ProposeAmendmentCommand("award-1", "am-1", AmendmentKind.NEW_END_DATE,
                        AmendmentTerms.newEndDate(MADE.minusDays(1)), "Typed the wrong year", "erin"))
                .expectNoEvents()
                .expectExceptionMessage("The amendment of award award-1 for a new end date of 2025-02-28 needs: an end date on or after 2025-03-01, the day the "
                        + "award is made (was 2025-02-28)");
    }

    @Test
    void anEndDateProposedBeforeTheRuleIsStillCheckedWhenApproved() {
        // Proposed when the rule did not yet exist, so its event is in the store; approving it is refused.
        AmendmentProposedEvent proposed = new AmendmentProposedEvent("award-1", "am-1", AmendmentKind.NEW_END_DATE,
                AmendmentTerms.newEndDate(END.minusMonths(2)), "Work finishes early", "erin");
        fixture.givenCurrentTime(on(MADE)).andGiven(made(), proposed)
                .when(new ApproveAmendmentCommand("award-1", "am-1", "frank"))
                .expectNoEvents()
                .expectExceptionMessage("The amendment of award award-1 for a new end date of 2026-01-01 no longer fits the award: report r-final due by "
                        + "2026-04-01, 90 days after the award ends on 2026-01-01 (was 2026-04-30)");
        AmendmentProposedEvent fits = new AmendmentProposedEvent("award-1", "am-2", AmendmentKind.NEW_END_DATE,
                AmendmentTerms.newEndDate(END.plusMonths(3)), "Venue closed for a season", "erin");
        fixture.givenCurrentTime(on(MADE)).andGiven(made(), fits)
                .when(new ApproveAmendmentCommand("award-1", "am-2", "frank"))
                .expectEvents(new AmendmentApprovedEvent("award-1", "am-2", AmendmentKind.NEW_END_DATE,
                        AmendmentTerms.newEndDate(END.plusMonths(3)), "erin", "frank"));
    }

    @Test
    void anAwardPlansItsTranchesWithinItsPeriod() {
        Money half = Money.usd("10000");
        fixture.givenCurrentTime(on(MADE))
                .when(makeAward(List.of(new TrancheSchedule("t-1", half, MADE.minusDays(1), null),
                        new TrancheSchedule("t-2", half, END.plusDays(1), "r-1"))))
                .expectNoEvents()
                .expectExceptionMessage("The award for application app-1 of city city-dakar cannot be made. It needs: "
                        + "tranche t-1 planned on or after 2025-03-01, the day the award is made (was 2025-02-28); "
                        + "tranche t-2 planned on or before 2026-03-01, the day the award ends (was 2026-03-02)");
    }

    @Test
    void moreMoneyPlansItsTranchesWithinTheAwardsPeriod() {
        Money more = Money.usd("5000");
        AmendmentTerms terms = new AmendmentTerms(more, List.of(new FundingAllocation("c-wa", more)),
                List.of(new TrancheSchedule("t-3", more, END.plusDays(10), "r-1")),
                List.of(new BudgetLine("Workshops", Money.usd("25000"))), null);
        fixture.givenCurrentTime(on(MADE)).andGiven(made())
                .when(new ProposeAmendmentCommand("award-1", "am-1", AmendmentKind.MORE_MONEY, terms, "A second district", "erin"))
                .expectNoEvents()
                .expectExceptionMessage("The amendment of award award-1 for USD 5,000.00 more needs: tranche t-3 planned on or before 2026-03-01, "
                        + "the day the award ends (was 2026-03-11)");
        // After an approved later end date the same tranche fits.
        AmendmentApprovedEvent later = new AmendmentApprovedEvent("award-1", "am-0", AmendmentKind.NEW_END_DATE,
                AmendmentTerms.newEndDate(END.plusMonths(1)), "erin", "frank");
        fixture.givenCurrentTime(on(MADE)).andGiven(made(),
                        new AmendmentProposedEvent("award-1", "am-0", AmendmentKind.NEW_END_DATE, later.terms(), "Delays", "erin"), later)
                .when(new ProposeAmendmentCommand("award-1", "am-1", AmendmentKind.MORE_MONEY, terms, "A second district", "erin"))
                .expectEvents(new AmendmentProposedEvent("award-1", "am-1", AmendmentKind.MORE_MONEY, terms, "A second district", "erin"));
    }

    @Test
    void aNewEndDateComesAfterEveryTrancheStillToBePaid() {
        fixture.givenCurrentTime(on(MADE)).andGiven(made())
                .when(new ProposeAmendmentCommand("award-1", "am-1", AmendmentKind.NEW_END_DATE,
                        AmendmentTerms.newEndDate(MADE.plusMonths(5)), "Work finishes early", "erin"))
                .expectNoEvents()
                .expectExceptionMessage("The amendment of award award-1 for a new end date of 2025-08-01 needs: report r-final due by 2025-10-30, 90 days after "
                        + "the award ends on 2025-08-01 (was 2026-04-30); tranche t-2 planned on or before 2025-08-01, "
                        + "the day the award ends (was 2025-09-01)");
    }

    private static MakeAwardCommand makeAward(List<TrancheSchedule> tranches) {
        AwardMadeEvent made = made();
        return new MakeAwardCommand("award-1", "app-1", "city-dakar", made.region(), made.priorities(), made.supportType(), null,
                made.amount(), made.budgetLines(), tranches, made.reportingObligations(), null, END, made.allocations(), "erin");
    }

    @Test
    void aReportIsMarkedOverdueOnlyOnceItsDueDateHasPassed() {
        // r-1 falls due on 2025-08-01; its whole due date belongs to the city.
        fixture.givenCurrentTime(on(MADE)).andGiven(made()).andGivenCurrentTime(on(MADE.plusMonths(5)))
                .when(new MarkReportOverdueCommand("award-1", "r-1", "system"))
                .expectNoEvents()
                .expectExceptionMessage("Report r-1 of award award-1 falls due on 2025-08-01 and is overdue only from 2025-08-02; "
                        + "today is 2025-08-01");
    }
}
