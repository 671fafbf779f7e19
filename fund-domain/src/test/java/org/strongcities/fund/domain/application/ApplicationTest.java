package org.strongcities.fund.domain.application;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.strongcities.fund.domain.api.ApplicationContent;
import org.strongcities.fund.domain.api.SaveApplicationDraftCommand;
import org.strongcities.fund.domain.api.ApplicationDraftSavedEvent;
import org.strongcities.fund.domain.api.ApplicationDecidedEvent;
import org.strongcities.fund.domain.api.ApplicationDraftCreatedEvent;
import org.strongcities.fund.domain.api.ApplicationEligibilityRecordedEvent;
import org.strongcities.fund.domain.api.ApplicationSubmittedEvent;
import org.strongcities.fund.domain.api.ApplicationWithdrawnEvent;
import org.strongcities.fund.domain.api.AwardRecordedOnApplicationEvent;
import org.strongcities.fund.domain.api.BudgetLine;
import org.strongcities.fund.domain.api.CentralReviewStartedEvent;
import org.strongcities.fund.domain.api.ConfirmDecisionCommand;
import org.strongcities.fund.domain.api.ConfirmationWithheldEvent;
import org.strongcities.fund.domain.api.DecideApplicationCommand;
import org.strongcities.fund.domain.api.DecisionConfirmedEvent;
import org.strongcities.fund.domain.api.DecisionReopenedEvent;
import org.strongcities.fund.domain.api.DecisionType;
import org.strongcities.fund.domain.api.HubReviewStartedEvent;
import org.strongcities.fund.domain.api.Indicator;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.ReopenDecisionCommand;
import org.strongcities.fund.domain.api.RequestRevisionCommand;
import org.strongcities.fund.domain.api.ReviewStage;
import org.strongcities.fund.domain.api.RevisionRequestedEvent;
import org.strongcities.fund.domain.api.StrategicPriority;
import org.strongcities.fund.domain.api.SupportType;
import org.strongcities.fund.domain.api.WithdrawApplicationCommand;
import org.strongcities.fund.domain.api.WithholdConfirmationCommand;
import org.strongcities.fund.domain.policy.TextLimits;
import static org.strongcities.fund.domain.api.ApplicationStatus.UNDER_CENTRAL_REVIEW;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

public class ApplicationTest {

    public static ApplicationContent content(String amount) {
        return new ApplicationContent("Youth council", "A youth council for prevention", Set.of(StrategicPriority.YOUTH_ENGAGEMENT),
                SupportType.COMMUNITY_YOUTH_ENGAGEMENT, Money.usd(amount), List.of(new BudgetLine("Workshops", Money.usd(amount))),
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), "Objectives", List.of(new Indicator("Youth reached", "0", "200")),
                "Risks", "Do no harm", false);
    }

    static final String APP = "app-1";

    static Object[] underCentralReview(String amount) {
        return new Object[] {
                new ApplicationDraftCreatedEvent(APP, "city-dakar", "amina"),
                new ApplicationSubmittedEvent(APP, "city-dakar", 1, content(amount), "amina"),
                new ApplicationEligibilityRecordedEvent(APP, 1, true, null, "hub"),
                new HubReviewStartedEvent(APP, 1, "hub"),
                new CentralReviewStartedEvent(APP, 1, "central")};
    }

    private AggregateTestFixture<Application> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Application.class);
    }

    @Test
    void reviewersAskForARevisionWithARationale() {
        fixture.given(underCentralReview("20000")).when(new RequestRevisionCommand(APP, "Explain the budget", "central"))
                .expectEvents(new RevisionRequestedEvent(APP, 1, ReviewStage.CENTRAL, "Explain the budget", "central"));
    }

    @Test
    void aSmallApprovalTakesEffectAtOnce() {
        fixture.given(underCentralReview("20000"))
                .when(new DecideApplicationCommand(APP, DecisionType.APPROVE_IN_FULL, null, null, "Well argued", "strong", false, "carla"))
                .expectEvents(new ApplicationDecidedEvent(APP, 1, DecisionType.APPROVE_IN_FULL, Money.usd("20000"), null,
                        "Well argued", "strong", false, "carla"));
    }

    @Test
    void theApplicantCannotDecide() {
        fixture.given(underCentralReview("20000"))
                .when(new DecideApplicationCommand(APP, DecisionType.APPROVE_IN_FULL, null, null, null, null, false, "amina"))
                .expectNoEvents()
                .expectExceptionMessage("Four eyes: amina is the applicant of application app-1 and cannot also be the decider; another account must do this");
    }

    @Test
    void aPartialApprovalNeedsALowerAmountOrConditions() {
        fixture.given(underCentralReview("20000"))
                .when(new DecideApplicationCommand(APP, DecisionType.APPROVE_PARTIALLY, Money.usd("20000"), " ", null, null, false, "carla"))
                .expectExceptionMessage("A partial approval of application app-1 needs an amount below the requested USD 20,000.00 or conditions");
    }

    @Test
    void aDeclineNeedsAReason() {
        fixture.given(underCentralReview("20000"))
                .when(new DecideApplicationCommand(APP, DecisionType.DECLINE, null, null, "", null, false, "carla"))
                .expectExceptionMessage("A decline of application app-1 needs a reason the applicant will read");
    }

    @Test
    void aLargeApprovalWaitsForASecondApproverWhoIsNotTheDecider() {
        ApplicationDecidedEvent decided = new ApplicationDecidedEvent(APP, 1, DecisionType.APPROVE_IN_FULL, Money.usd("40000"),
                null, null, null, true, "carla");
        fixture.given(underCentralReview("40000"))
                .when(new DecideApplicationCommand(APP, DecisionType.APPROVE_IN_FULL, null, null, null, null, true, "carla"))
                .expectEvents(decided);
        fixture.given(underCentralReview("40000")).andGiven(decided).when(new ConfirmDecisionCommand(APP, "carla"))
                .expectExceptionMessage("Four eyes: carla is the decider of application app-1 and cannot also be the second approver; another account must do this");
        fixture.given(underCentralReview("40000")).andGiven(decided).when(new ConfirmDecisionCommand(APP, "dmitri"))
                .expectEvents(new DecisionConfirmedEvent(APP, 1, DecisionType.APPROVE_IN_FULL, Money.usd("40000"), "carla", "dmitri"));
    }

    @Test
    void theSecondApproverWithholdsConfirmationWithAReasonAndTheCentralTeamDecidesAgain() {
        ApplicationDecidedEvent large = new ApplicationDecidedEvent(APP, 1, DecisionType.APPROVE_PARTIALLY, Money.usd("30000"),
                "Report monthly", "Sound plan", null, true, "carla");
        ConfirmationWithheldEvent withheld = new ConfirmationWithheldEvent(APP, 1, DecisionType.APPROVE_PARTIALLY,
                Money.usd("30000"), "carla", "The budget lines do not add up to the approved amount", "dmitri");
        fixture.given(underCentralReview("40000")).andGiven(large)
                .when(new WithholdConfirmationCommand(APP, "The budget lines do not add up to the approved amount", "dmitri"))
                .expectEvents(withheld);
        // The dropped decision no longer waits: a new decision is taken, and again awaits a second approver.
        ApplicationDecidedEvent again = new ApplicationDecidedEvent(APP, 1, DecisionType.APPROVE_PARTIALLY, Money.usd("25000"),
                "Report monthly", "Sound plan", null, true, "carla");
        fixture.given(underCentralReview("40000")).andGiven(large, withheld)
                .when(new DecideApplicationCommand(APP, DecisionType.APPROVE_PARTIALLY, Money.usd("25000"), "Report monthly",
                        "Sound plan", null, true, "carla"))
                .expectEvents(again);
        fixture.given(underCentralReview("40000")).andGiven(large, withheld, again)
                .when(new ConfirmDecisionCommand(APP, "dmitri"))
                .expectEvents(new DecisionConfirmedEvent(APP, 1, DecisionType.APPROVE_PARTIALLY, Money.usd("25000"), "carla", "dmitri"));
        // With nothing pending, there is nothing to confirm, and the case can be sent back to the city.
        fixture.given(underCentralReview("40000")).andGiven(large, withheld).when(new ConfirmDecisionCommand(APP, "dmitri"))
                .expectNoEvents().expectExceptionMessage("Application app-1 has no decision awaiting confirmation");
        fixture.given(underCentralReview("40000")).andGiven(large, withheld)
                .when(new RequestRevisionCommand(APP, "Explain the budget", "carla"))
                .expectEvents(new RevisionRequestedEvent(APP, 1, ReviewStage.CENTRAL, "Explain the budget", "carla"));
    }

    @Test
    void onlyAnotherPersonWithholdsConfirmationOfAPendingDecisionAndSaysWhy() {
        ApplicationDecidedEvent large = new ApplicationDecidedEvent(APP, 1, DecisionType.APPROVE_IN_FULL, Money.usd("40000"),
                null, null, null, true, "carla");
        fixture.given(underCentralReview("40000")).andGiven(large)
                .when(new WithholdConfirmationCommand(APP, "I disagree", "carla"))
                .expectNoEvents()
                .expectExceptionMessage("Four eyes: carla is the decider of application app-1 and cannot also be the second "
                        + "approver; another account must do this");
        fixture.given(underCentralReview("40000")).andGiven(large)
                .when(new WithholdConfirmationCommand(APP, "I disagree", "amina"))
                .expectNoEvents()
                .expectExceptionMessage("Four eyes: amina is the applicant of application app-1 and cannot also be the second "
                        + "approver; another account must do this");
        for (String blank : new String[]{null, "", "  "}) {
            fixture.given(underCentralReview("40000")).andGiven(large)
                    .when(new WithholdConfirmationCommand(APP, blank, "dmitri"))
                    .expectNoEvents()
                    .expectExceptionMessage("Say why the decision on application app-1 is not confirmed");
        }
        // No decision awaits confirmation: none taken yet, one that took effect at once, or one already confirmed.
        fixture.given(underCentralReview("40000")).when(new WithholdConfirmationCommand(APP, "I disagree", "dmitri"))
                .expectNoEvents().expectExceptionMessage("Application app-1 has no decision awaiting confirmation");
        fixture.given(underCentralReview("20000"))
                .andGiven(new ApplicationDecidedEvent(APP, 1, DecisionType.APPROVE_IN_FULL, Money.usd("20000"), null, null, null,
                        false, "carla"))
                .when(new WithholdConfirmationCommand(APP, "I disagree", "dmitri"))
                .expectNoEvents().expectExceptionMessage("Application app-1 has no decision awaiting confirmation");
        fixture.given(underCentralReview("40000"))
                .andGiven(large, new DecisionConfirmedEvent(APP, 1, DecisionType.APPROVE_IN_FULL, Money.usd("40000"), "carla", "erin"))
                .when(new WithholdConfirmationCommand(APP, "I disagree", "dmitri"))
                .expectNoEvents().expectExceptionMessage("Application app-1 has no decision awaiting confirmation");
    }

    @Test
    void aDecisionIsReopenedByANewEventWithAReason() {
        ApplicationDecidedEvent declined = new ApplicationDecidedEvent(APP, 1, DecisionType.DECLINE, null, null, "Out of scope", null,
                false, "carla");
        fixture.given(underCentralReview("20000")).andGiven(declined).when(new ReopenDecisionCommand(APP, "new evidence", "dmitri"))
                .expectEvents(new DecisionReopenedEvent(APP, 1, UNDER_CENTRAL_REVIEW, "new evidence", "dmitri"));
        fixture.given(underCentralReview("20000")).andGiven(declined).when(new WithdrawApplicationCommand(APP, "too late", "amina"))
                .expectExceptionMessage("Cannot withdraw application app-1: it is declined, and this is possible only when it is "
                        + "draft or submitted or under hub review or revision requested or under central review");
    }

    @Test
    void anApprovedApplicationIsCalledApprovedUntilItsAwardIsMade() {
        ApplicationDecidedEvent approved = new ApplicationDecidedEvent(APP, 1, DecisionType.APPROVE_PARTIALLY, Money.usd("15000"),
                null, "A smaller pilot", null, false, "carla");
        fixture.given(underCentralReview("20000")).andGiven(approved).when(new WithdrawApplicationCommand(APP, "too late", "amina"))
                .expectNoEvents()
                .expectExceptionMessage("Cannot withdraw application app-1: it is approved in part, and this is possible only when it is "
                        + "draft or submitted or under hub review or revision requested or under central review");
        fixture.given(underCentralReview("20000")).andGiven(approved,
                        new AwardRecordedOnApplicationEvent(APP, "award-1", Money.usd("15000"), "fiona"))
                .when(new WithdrawApplicationCommand(APP, "too late", "amina"))
                .expectExceptionMessage("Cannot withdraw application app-1: it is partially awarded, and this is possible only when it is "
                        + "draft or submitted or under hub review or revision requested or under central review");
    }

    @Test
    void whoTookTheDecisionCannotReopenIt() {
        ApplicationDecidedEvent declined = new ApplicationDecidedEvent(APP, 1, DecisionType.DECLINE, null, null, "Out of scope", null,
                false, "carla");
        fixture.given(underCentralReview("20000")).andGiven(declined).when(new ReopenDecisionCommand(APP, "second thoughts", "carla"))
                .expectNoEvents()
                .expectExceptionMessage("Four eyes: carla is the decider of application app-1 and cannot also be the person who "
                        + "reopens its decision; another account must do this");
        ApplicationDecidedEvent large = new ApplicationDecidedEvent(APP, 1, DecisionType.APPROVE_IN_FULL, Money.usd("40000"),
                null, null, null, true, "carla");
        DecisionConfirmedEvent confirmed = new DecisionConfirmedEvent(APP, 1, DecisionType.APPROVE_IN_FULL, Money.usd("40000"),
                "carla", "dmitri");
        fixture.given(underCentralReview("40000")).andGiven(large, confirmed).when(new ReopenDecisionCommand(APP, "co-funding fell through", "dmitri"))
                .expectNoEvents()
                .expectExceptionMessage("Four eyes: dmitri is the second approver of application app-1 and cannot also be the "
                        + "person who reopens its decision; another account must do this");
        fixture.given(underCentralReview("40000")).andGiven(large, confirmed).when(new ReopenDecisionCommand(APP, "co-funding fell through", "erin"))
                .expectEvents(new DecisionReopenedEvent(APP, 1, UNDER_CENTRAL_REVIEW, "co-funding fell through", "erin"));
    }

    @Test
    void withdrawalNeedsAReason() {
        fixture.given(underCentralReview("20000")).when(new WithdrawApplicationCommand(APP, "other funding", "amina"))
                .expectEvents(new ApplicationWithdrawnEvent(APP, "other funding", "amina"));
    }

    /** The forms refuse these first; a command sent another way must not store more either (submissions share the rule). */
    @Test
    void noDraftHoldsATextOverItsLimitAndALineBreakCountsOnce() {
        ApplicationContent fits = content("20000");
        ApplicationContent longTitle = new ApplicationContent("t".repeat(501), fits.summary(), fits.priorities(),
                fits.supportType(), fits.requestedAmount(), List.of(new BudgetLine("b".repeat(501), Money.usd("20000"))),
                fits.timelineStart(), fits.timelineEnd(), fits.objectives(), fits.indicators(), fits.risks(), fits.doNoHarm(),
                false);
        ApplicationDraftCreatedEvent created = new ApplicationDraftCreatedEvent(APP, "city-dakar", "amina");
        fixture.given(created).when(new SaveApplicationDraftCommand(APP, longTitle, "amina")).expectNoEvents()
                .expectExceptionMessage("Application app-1: the title is too long (501 characters, at most 500); budget line 1's"
                        + " description is too long (501 characters, at most 500)");

        // A line break counts once, as the browser counts it, however it was sent.
        String summary = "line\r\n".repeat(4_000) + "x".repeat(TextLimits.LONG_TEXT - 5 * 4_000);
        ApplicationContent fullSummary = new ApplicationContent(fits.title(), summary, fits.priorities(), fits.supportType(),
                fits.requestedAmount(), fits.budgetLines(), fits.timelineStart(), fits.timelineEnd(), fits.objectives(),
                fits.indicators(), fits.risks(), fits.doNoHarm(), false);
        fixture.given(created).when(new SaveApplicationDraftCommand(APP, fullSummary, "amina"))
                .expectEvents(new ApplicationDraftSavedEvent(APP, fullSummary, "amina"));
    }
}
