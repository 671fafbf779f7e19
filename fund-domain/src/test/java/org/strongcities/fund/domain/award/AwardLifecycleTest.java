package org.strongcities.fund.domain.award;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.strongcities.fund.domain.FundDomain;
import org.strongcities.fund.domain.api.AcceptReportCommand;
import org.strongcities.fund.domain.api.ApproveTrancheCommand;
import org.strongcities.fund.domain.api.BudgetLine;
import org.strongcities.fund.domain.api.BusinessRuleViolation;
import org.strongcities.fund.domain.api.CloseOutAwardCommand;
import org.strongcities.fund.domain.api.ConfirmDecisionCommand;
import org.strongcities.fund.domain.api.CreateApplicationDraftCommand;
import org.strongcities.fund.domain.api.DecideApplicationCommand;
import org.strongcities.fund.domain.api.DecisionType;
import org.strongcities.fund.domain.api.Earmark;
import org.strongcities.fund.domain.api.FocalPoint;
import org.strongcities.fund.domain.api.FundingAllocation;
import org.strongcities.fund.domain.api.MakeAwardCommand;
import org.strongcities.fund.domain.api.MarkReportOverdueCommand;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.PopulationBand;
import org.strongcities.fund.domain.api.RecordEligibilityCommand;
import org.strongcities.fund.domain.api.RecordReceiptCommand;
import org.strongcities.fund.domain.api.RecordRefundCommand;
import org.strongcities.fund.domain.api.RecordTranchePaymentCommand;
import org.strongcities.fund.domain.api.Region;
import org.strongcities.fund.domain.api.RegisterMemberCityCommand;
import org.strongcities.fund.domain.api.ReportKind;
import org.strongcities.fund.domain.api.ReportingObligation;
import org.strongcities.fund.domain.api.RequestTrancheCommand;
import org.strongcities.fund.domain.api.SignContributionAgreementCommand;
import org.strongcities.fund.domain.api.StartCentralReviewCommand;
import org.strongcities.fund.domain.api.StartHubReviewCommand;
import org.strongcities.fund.domain.api.StrategicPriority;
import org.strongcities.fund.domain.api.SubmitApplicationCommand;
import org.strongcities.fund.domain.api.SubmitReportCommand;
import org.strongcities.fund.domain.api.SupportType;
import org.strongcities.fund.domain.api.SuspendMembershipCommand;
import org.strongcities.fund.domain.api.TrancheSchedule;
import org.strongcities.fund.domain.application.ApplicationTest;
import org.strongcities.fund.domain.ledger.Contribution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.eventhandling.GenericEventMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The handlers that span aggregates, run through FundDomain on a real Axon configuration with an
 * in-memory event store: one unit of work per command, so a rejection anywhere stores nothing.
 */
class AwardLifecycleTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 1);

    private Configuration axon;

    private Clock realClock;

    @BeforeEach
    void start() {
        // Today, for the rules that read it, is the day these tests' schedules start (see RecordedTime).
        realClock = GenericEventMessage.clock;
        GenericEventMessage.clock = Clock.fixed(DAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> JacksonSerializer.defaultSerializer())
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
        new FundDomain().configureModule(configurer);
        axon = configurer.buildConfiguration();
        axon.start();
        send(new RegisterMemberCityCommand("city-dakar", "Dakar", "SN", Region.WEST_AFRICA, "hub-wa", PopulationBand.FROM_1M_TO_5M,
                List.of(new FocalPoint("amina", "Amina Diallo", null)), true, false, "admin"));
        contribution("c-wa", Earmark.region(Region.WEST_AFRICA), "25000");
        contribution("c-eu", Earmark.region(Region.EUROPE), "100000");
    }

    @AfterEach
    void stop() {
        axon.shutdown();
        GenericEventMessage.clock = realClock;
    }

    @Test
    void onlyAnActiveMemberAppliesThroughItsFocalPoint() {
        assertThatThrownBy(() -> send(new CreateApplicationDraftCommand("app-x", "city-dakar", "mallory")))
                .hasMessage("Application app-x: mallory is not a focal point of Dakar (city-dakar); only the city's focal points apply for it");
        send(new SuspendMembershipCommand("city-dakar", "review", "admin"));
        assertThatThrownBy(() -> send(new CreateApplicationDraftCommand("app-x", "city-dakar", "amina")))
                .hasMessage("Application app-x: Dakar (city-dakar) is not an active member (membership suspended), so it cannot apply for support");
    }

    @Test
    void anAwardIsRejectedWhenTheEarmarkedBalanceIsShortAndNothingIsStored() {
        approvedApplication("app-1", "40000");
        long eventsBefore = eventCount("app-1") + eventCount("c-wa");
        assertThatThrownBy(() -> send(award("award-1", "app-1", "40000", "c-wa")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("Committing USD 40,000.00 to the award exceeds the USD 25,000.00 available in contribution c-wa (earmarked for West Africa)");
        assertThat(eventCount("app-1") + eventCount("c-wa")).isEqualTo(eventsBefore);
        assertThatThrownBy(() -> send(award("award-1", "app-1", "40000", "c-eu")))
                .hasMessageStartingWith("Contribution c-eu is earmarked for Europe and cannot fund this award");
    }

    @Test
    void fromAwardThroughGatedTranchesAndHoldsToRefundAndCloseOut() {
        send(new RecordReceiptCommand("c-wa", "rc-2", Money.usd("25000"), null, DAY, "finance"));
        approvedApplication("app-1", "40000");
        send(award("award-1", "app-1", "40000", "c-wa"));
        assertThat(ledger("c-wa")).containsExactly(Money.usd("50000"), Money.usd("40000"), Money.usd("0"), Money.usd("0"));

        send(new RequestTrancheCommand("award-1", "t-1", "erin"));
        assertThatThrownBy(() -> send(new ApproveTrancheCommand("award-1", "t-1", "erin"))).hasMessageStartingWith("Four eyes: erin is the requester");
        send(new ApproveTrancheCommand("award-1", "t-1", "frank"));
        assertThatThrownBy(() -> send(pay("t-1", "amina"))).hasMessageStartingWith("Four eyes: amina is the applicant");
        assertThatThrownBy(() -> send(pay("t-1", "carla"))).hasMessageStartingWith("Four eyes: carla is the approver");
        assertThatThrownBy(() -> send(pay("t-1", "frank"))).hasMessageStartingWith("Four eyes: frank is the finance approver");
        assertThatThrownBy(() -> send(new RecordTranchePaymentCommand("award-1", "t-1", "R".repeat(300), DAY, null, "gina")))
                .hasMessageEndingWith("needs its payment reference: at most 200 characters, this one has 300");
        assertThatThrownBy(() -> send(new RecordTranchePaymentCommand("award-1", "t-1", "PAY-t-1", DAY.plusDays(1), null, "gina")))
                .hasMessage("Payment of tranche t-1 (USD 20,000.00) of award award-1 to city city-dakar has a value date of "
                        + DAY.plusDays(1) + ", after today (" + DAY + "); record the payment once the money has left, with that day");
        send(pay("t-1", "gina"));

        send(new RequestTrancheCommand("award-1", "t-2", "erin"));
        send(new ApproveTrancheCommand("award-1", "t-2", "frank"));
        assertThatThrownBy(() -> send(pay("t-2", "gina"))).hasMessage("Cannot pay tranche t-2 (USD 20,000.00) of award award-1 to city "
                + "city-dakar: it waits for report r-1 to be accepted, and the report is due");
        send(new SubmitReportCommand("award-1", "r-1", "Halfway there", List.of(), "amina"));
        send(new AcceptReportCommand("award-1", "r-1", "hana"));
        today(DAY.plusYears(1).plusDays(1)); // the day after r-final falls due
        send(new MarkReportOverdueCommand("award-1", "r-final", "timer"));
        assertThatThrownBy(() -> send(pay("t-2", "gina"))).hasMessage("Cannot pay tranche t-2 of award award-1: Dakar (city-dakar) "
                + "has overdue reports [r-final of award award-1]; no tranche is requested, approved or paid until they are accepted");
        send(new SubmitReportCommand("award-1", "r-final", "Done", List.of(), "amina"));
        send(new AcceptReportCommand("award-1", "r-final", "hana"));
        send(pay("t-2", "gina"));
        assertThat(ledger("c-wa")).containsExactly(Money.usd("50000"), Money.usd("40000"), Money.usd("40000"), Money.usd("0"));

        send(new RecordRefundCommand("award-1", "rf-1", Money.usd("5000"), "unspent travel budget", "gina"));
        assertThat(ledger("c-wa")).containsExactly(Money.usd("50000"), Money.usd("35000"), Money.usd("40000"), Money.usd("5000"));
        assertThat(available("c-wa")).isEqualTo(Money.usd("15000"));

        send(new CloseOutAwardCommand("award-1", "carla"));
        assertThatThrownBy(() -> send(new RequestTrancheCommand("award-1", "t-1", "erin"))).hasMessage("Award award-1 is closed");
    }

    @Test
    void reportsFallDueBetweenTheDayTheAwardIsMadeAndNinetyDaysAfterItEnds() {
        approvedApplication("app-1", "20000");
        long eventsBefore = eventCount("app-1") + eventCount("c-wa");
        assertThatThrownBy(() -> send(award("award-1", "app-1", "20000", "c-wa", DAY.minusDays(1), DAY.plusYears(1))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("The award for application app-1 of city city-dakar cannot be made. It needs: "
                        + "report r-1 due on or after 2025-03-01, the day the award is made (was 2025-02-28)");
        assertThatThrownBy(() -> send(award("award-1", "app-1", "20000", "c-wa", DAY.plusMonths(5), DAY.plusYears(1).plusDays(91))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("The award for application app-1 of city city-dakar cannot be made. It needs: "
                        + "report r-final due by 2026-05-30, 90 days after the award ends on 2026-03-01 (was 2026-05-31)");
        assertThat(eventCount("app-1") + eventCount("c-wa")).isEqualTo(eventsBefore);
        assertThat(eventCount("award-1")).isZero();
        // The final report may fall due within the grace after the end.
        send(award("award-1", "app-1", "20000", "c-wa", DAY, DAY.plusYears(1).plusDays(90)));
    }

    @Test
    void noTrancheIsRequestedOrApprovedWhileAReportOfTheCityIsOverdue() {
        approvedApplication("app-1", "40000");
        send(new RecordReceiptCommand("c-wa", "rc-2", Money.usd("25000"), null, DAY, "finance"));
        send(award("award-1", "app-1", "40000", "c-wa"));
        send(new RequestTrancheCommand("award-1", "t-1", "erin"));
        today(DAY.plusMonths(5)); // r-1 falls due today: not yet overdue
        assertThatThrownBy(() -> send(new MarkReportOverdueCommand("award-1", "r-1", "timer")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("Report r-1 of award award-1 falls due on 2025-08-01 and is overdue only from 2025-08-02; today is 2025-08-01");
        today(DAY.plusMonths(5).plusDays(1));
        send(new MarkReportOverdueCommand("award-1", "r-1", "timer"));
        long eventsBefore = eventCount("award-1");
        assertThatThrownBy(() -> send(new ApproveTrancheCommand("award-1", "t-1", "frank")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("Cannot approve tranche t-1 of award award-1: Dakar (city-dakar) has overdue reports "
                        + "[r-1 of award award-1]; no tranche is requested, approved or paid until they are accepted");
        assertThatThrownBy(() -> send(new RequestTrancheCommand("award-1", "t-2", "erin")))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("Cannot request tranche t-2 of award award-1: Dakar (city-dakar) has overdue reports "
                        + "[r-1 of award award-1]; no tranche is requested, approved or paid until they are accepted");
        assertThat(eventCount("award-1")).isEqualTo(eventsBefore);
        send(new SubmitReportCommand("award-1", "r-1", "Late, but here", List.of(), "amina"));
        send(new AcceptReportCommand("award-1", "r-1", "hana"));
        send(new ApproveTrancheCommand("award-1", "t-1", "frank"));
    }

    @Test
    void closingOutReleasesWhatTheAwardNeverDrew() {
        approvedApplication("app-1", "20000");
        send(award("award-1", "app-1", "20000", "c-wa"));
        send(new SubmitReportCommand("award-1", "r-final", "Cancelled early", List.of(), "amina"));
        send(new AcceptReportCommand("award-1", "r-final", "hana"));
        send(new CloseOutAwardCommand("award-1", "carla"));
        assertThat(available("c-wa")).isEqualTo(Money.usd("25000"));
    }

    @Test
    void twoAwardsRacingForOneContributionCannotOverdrawIt() throws Exception {
        approvedApplication("app-1", "20000");
        approvedApplication("app-2", "20000");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Boolean>> racers = List.of(() -> tryToSend(award("award-1", "app-1", "20000", "c-wa")),
                    () -> tryToSend(award("award-2", "app-2", "20000", "c-wa")));
            List<Boolean> won = new ArrayList<>();
            for (Future<Boolean> result : threads.invokeAll(racers)) {
                won.add(result.get());
            }
            assertThat(won).containsExactlyInAnyOrder(true, false);
        } finally {
            threads.shutdown();
        }
        assertThat(available("c-wa")).isEqualTo(Money.usd("5000"));
    }

    private boolean tryToSend(Object command) {
        try {
            send(command);
            return true;
        } catch (BusinessRuleViolation rejected) {
            return false;
        }
    }

    private void contribution(String id, Earmark earmark, String receivedUsd) {
        send(new SignContributionAgreementCommand(id, "donor-no", Money.usd("100000"), DAY, DAY.plusYears(2), earmark, "finance"));
        send(new RecordReceiptCommand(id, "rc-1", Money.usd(receivedUsd), null, DAY, "finance"));
    }

    private void approvedApplication(String applicationId, String amount) {
        send(new CreateApplicationDraftCommand(applicationId, "city-dakar", "amina"));
        send(new SubmitApplicationCommand(applicationId, ApplicationTest.content(amount), "amina"));
        send(new RecordEligibilityCommand(applicationId, true, null, "hub"));
        send(new StartHubReviewCommand(applicationId, "hub"));
        send(new StartCentralReviewCommand(applicationId, "central"));
        // Stands in for the routing table's verdict (bpmn/central_approval.dmn) on large amounts.
        boolean secondApprovalRequired = Money.usd(amount).isGreaterThan(Money.usd("25000"));
        send(new DecideApplicationCommand(applicationId, DecisionType.APPROVE_IN_FULL, null, null, "Approved", null,
                secondApprovalRequired, "carla"));
        if (secondApprovalRequired) {
            send(new ConfirmDecisionCommand(applicationId, "dmitri"));
        }
    }

    private static MakeAwardCommand award(String awardId, String applicationId, String amount, String contributionId) {
        return award(awardId, applicationId, amount, contributionId, DAY.plusMonths(5), DAY.plusYears(1));
    }

    private static MakeAwardCommand award(String awardId, String applicationId, String amount, String contributionId,
                                          LocalDate progressDue, LocalDate finalDue) {
        Money total = Money.usd(amount);
        Money half = new Money(total.amount().divide(java.math.BigDecimal.valueOf(2)), Money.USD);
        return new MakeAwardCommand(awardId, applicationId, "city-dakar", Region.WEST_AFRICA, Set.of(StrategicPriority.YOUTH_ENGAGEMENT),
                SupportType.COMMUNITY_YOUTH_ENGAGEMENT, null, total, List.of(new BudgetLine("Workshops", total)),
                List.of(new TrancheSchedule("t-1", half, DAY, null), new TrancheSchedule("t-2", half, DAY.plusMonths(6), "r-1")),
                List.of(new ReportingObligation("r-1", ReportKind.PROGRESS, progressDue),
                        new ReportingObligation("r-final", ReportKind.FINAL, finalDue)),
                null, DAY.plusYears(1), List.of(new FundingAllocation(contributionId, total)), "carla");
    }

    /** Moves the domain's today (Axon's event clock, see RecordedTime) to the start of the given day. */
    private static void today(LocalDate day) {
        GenericEventMessage.clock = Clock.fixed(day.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
    }

    private static RecordTranchePaymentCommand pay(String trancheId, String actor) {
        return new RecordTranchePaymentCommand("award-1", trancheId, "PAY-" + trancheId, DAY, null, actor);
    }

    private void send(Object command) {
        axon.commandGateway().sendAndWait(command);
    }

    private long eventCount(String aggregateId) {
        return axon.eventStore().readEvents(aggregateId).asStream().count();
    }

    /** received, committed, disbursed, refunded in USD. */
    private List<Money> ledger(String contributionId) {
        return DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> axon.repository(Contribution.class).load(contributionId)
                .invoke(c -> List.of(c.received(), c.committed(), c.disbursed(), c.refunded()))).getPayload();
    }

    private Money available(String contributionId) {
        return DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> axon.repository(Contribution.class).load(contributionId)
                .invoke(Contribution::available)).getPayload();
    }
}
