package org.strongcities.fund.process.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.strongcities.fund.process.CandidateGroups.CENTRAL_TEAM;
import static org.strongcities.fund.process.CandidateGroups.FINANCE_APPROVERS;
import static org.strongcities.fund.process.CandidateGroups.FINANCE_OFFICERS;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.Test;
import org.strongcities.fund.domain.api.AcceptReportCommand;
import org.strongcities.fund.domain.api.AmendmentKind;
import org.strongcities.fund.domain.api.AmendmentProposedEvent;
import org.strongcities.fund.domain.api.AmendmentTerms;
import org.strongcities.fund.domain.api.ApproveAmendmentCommand;
import org.strongcities.fund.domain.api.ApproveTrancheCommand;
import org.strongcities.fund.domain.api.AwardMadeEvent;
import org.strongcities.fund.domain.api.BusinessRuleViolation;
import org.strongcities.fund.domain.api.CloseOutAwardCommand;
import org.strongcities.fund.domain.api.LiftReportHoldCommand;
import org.strongcities.fund.domain.api.MarkReportOverdueCommand;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.PlaceReportHoldCommand;
import org.strongcities.fund.domain.api.RecordTranchePaymentCommand;
import org.strongcities.fund.domain.api.Region;
import org.strongcities.fund.domain.api.RejectReportCommand;
import org.strongcities.fund.domain.api.ReportKind;
import org.strongcities.fund.domain.api.ReportSubmittedEvent;
import org.strongcities.fund.domain.api.ReportingObligation;
import org.strongcities.fund.domain.api.TrancheRequestedEvent;
import org.strongcities.fund.process.CandidateGroups;
import org.strongcities.fund.process.CityDirectory.CityStanding;
import org.strongcities.fund.process.CommandDelegate;
import org.strongcities.fund.process.Notice;
import org.strongcities.fund.process.ProcessTestSupport;
import org.strongcities.fund.process.award.AwardProcess.Elements;
import org.strongcities.fund.process.award.AwardProcess.Notices;

@Deployment(resources = AwardProcess.RESOURCE)
class AwardProcessTest extends ProcessTestSupport {

    private static final String CITY = "city-freetown";
    private static final String HUB = "hub-west-africa";
    private static final String FOCAL_POINT = "focal.freetown";
    private static final String HUB_REVIEWER = "reviewer.hub";
    private static final LocalDate AWARDED_ON = LocalDate.of(2027, 1, 10);
    private static final LocalDate PROGRESS_DUE = LocalDate.of(2027, 6, 30);
    private static final LocalDate FINAL_DUE = LocalDate.of(2027, 12, 31);
    private static final String PROGRESS = "report-progress";
    private static final String FINAL = "report-final";
    private static final Set<String> HUB_REVIEWERS = groups(CandidateGroups.hub(HUB));

    private final AwardBridge bridge = new AwardBridge(engine.getRuntimeService(),
            cityId -> new CityStanding(HUB, true, false), handledEvents);
    private ProcessInstance award;

    @Override
    protected void registerDelegates() {
        Mocks.register(ReportSchedule.BEAN, new ReportSchedule());
        Mocks.register(MarkReportOverdueDelegate.BEAN, new MarkReportOverdueDelegate(commandGateway));
        Mocks.register(PlaceReportHoldDelegate.BEAN, new PlaceReportHoldDelegate(commandGateway));
        Mocks.register(LiftReportHoldDelegate.BEAN, new LiftReportHoldDelegate(commandGateway));
    }

    /** Called first in each test: the extension deploys the model only after @BeforeEach methods. */
    private void makeAward() {
        passTime(startOf(AWARDED_ON));
        bridge.on(awardMade(), newEventId());
        award = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult();
    }

    @Test
    void every_reporting_obligation_waits_for_its_report() {
        makeAward();
        assertThat(award).isWaitingAt(Elements.RECEIVE_REPORT_SUBMITTED);
        assertThat(engine.getRuntimeService().createExecutionQuery().processInstanceId(award.getId())
                .activityId(Elements.RECEIVE_REPORT_SUBMITTED).count()).isEqualTo(2);
    }

    @Test
    void re_delivery_of_the_award_starts_no_second_process() {
        makeAward();
        String eventId = newEventId();
        bridge.on(awardMade(), eventId);
        bridge.on(awardMade(), eventId);

        // One from makeAward, one for the event delivered twice.
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId).count())
                .isEqualTo(2);
    }

    @Test
    void the_city_is_reminded_seven_days_before_and_on_the_due_date() {
        makeAward();
        passTime(startOf(PROGRESS_DUE.minusDays(7)).plusSeconds(60));
        assertThat(notifier.notices).containsExactly(notice(Notices.REPORT_DUE_SOON, PROGRESS));

        passTime(startOf(PROGRESS_DUE).plusSeconds(60));
        assertThat(notifier.notices).containsExactly(notice(Notices.REPORT_DUE_SOON, PROGRESS), notice(Notices.REPORT_DUE_TODAY, PROGRESS));
        verify(commandGateway, never()).sendAndWait(any(MarkReportOverdueCommand.class));
    }

    @Test
    void an_overdue_report_holds_payments_until_it_is_accepted() {
        makeAward();
        passTime(startOf(PROGRESS_DUE.plusDays(1)).plusSeconds(60));

        verify(commandGateway).sendAndWait(new MarkReportOverdueCommand(caseId, PROGRESS, CommandDelegate.SYSTEM_ACTOR));
        verify(commandGateway).sendAndWait(new PlaceReportHoldCommand(CITY, caseId, PROGRESS, CommandDelegate.SYSTEM_ACTOR));
        assertThat(award).isWaitingAt(Elements.RECEIVE_OVERDUE_REPORT_SUBMITTED);

        submitReport(PROGRESS);
        reviewReport(PROGRESS, true);

        verify(commandGateway).sendAndWait(new LiftReportHoldCommand(CITY, caseId, PROGRESS, CommandDelegate.SYSTEM_ACTOR));
        assertThat(award).hasPassed(Elements.TASK_LIFT_REPORT_HOLD);
    }

    @Test
    void a_rejected_report_is_awaited_again_and_an_accepted_one_on_time_lifts_nothing() {
        makeAward();
        submitReport(PROGRESS);
        reviewReport(PROGRESS, false);
        assertThat(engine.getRuntimeService().createExecutionQuery().processInstanceId(award.getId())
                .activityId(Elements.RECEIVE_REPORT_SUBMITTED).count()).isEqualTo(2);

        submitReport(PROGRESS);
        reviewReport(PROGRESS, true);

        verify(commandGateway, never()).sendAndWait(any(LiftReportHoldCommand.class));
        assertThat(award).hasPassed(Elements.END_REPORT_ACCEPTED);
    }

    @Test
    void the_award_is_closed_out_once_every_report_is_accepted() {
        makeAward();
        submitReport(PROGRESS);
        reviewReport(PROGRESS, true);
        submitReport(FINAL);
        reviewReport(FINAL, true);
        assertThat(award).isWaitingAt(Elements.USER_CLOSE_OUT);
        assertThat(award).task().hasCandidateGroup(FINANCE_OFFICERS);

        processTasks.complete(task(Elements.USER_CLOSE_OUT).getId(), "finance.officer", groups(FINANCE_OFFICERS),
                new CloseOutAwardCommand(caseId, "finance.officer"), Map.of());

        assertThat(award).isEnded().hasPassed(Elements.END_CLOSED);
    }

    @Test
    void a_tranche_is_approved_and_paid_by_two_people_who_did_not_request_it() {
        makeAward();
        bridge.on(new TrancheRequestedEvent(caseId, "tranche-1", Money.usd("20000"), FOCAL_POINT), newEventId());
        bridge.on(new TrancheRequestedEvent(caseId, "tranche-2", Money.usd("10000"), "finance.approver"), newEventId());
        Task approval = trancheTask(Elements.USER_APPROVE_TRANCHE, "tranche-1");

        processTasks.complete(approval.getId(), "finance.approver", groups(FINANCE_APPROVERS),
                new ApproveTrancheCommand(caseId, "tranche-1", "finance.approver"), AwardProcess.trancheApproved("finance.approver"));

        Task payment = trancheTask(Elements.USER_PAY_TRANCHE, "tranche-1");
        RecordTranchePaymentCommand payBySameApprover = payment("finance.approver");
        assertThatThrownBy(() -> processTasks.complete(payment.getId(), "finance.approver", groups(FINANCE_APPROVERS, FINANCE_OFFICERS),
                payBySameApprover, Map.of())).isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("Four eyes");
        verify(commandGateway, never()).sendAndWait(payBySameApprover);
        // The second tranche was requested by the approver of the first: they cannot approve their own request.
        Task secondApproval = trancheTask(Elements.USER_APPROVE_TRANCHE, "tranche-2");
        assertThatThrownBy(() -> processTasks.claim(secondApproval.getId(), "finance.approver", groups(FINANCE_APPROVERS)))
                .hasMessageContaining("Four eyes");

        processTasks.complete(payment.getId(), "finance.officer", groups(FINANCE_OFFICERS), payment("finance.officer"), Map.of());

        assertThat(award).hasPassed(Elements.END_TRANCHE_PAID);
        assertThat(trancheTask(Elements.USER_APPROVE_TRANCHE, "tranche-2")).isNotNull();
        assertThat(engine.getRuntimeService().getVariables(award.getId())).doesNotContainKeys(
                AwardProcess.Variables.TRANCHE_ID, AwardProcess.Variables.TRANCHE_REQUESTED_BY, AwardProcess.Variables.TRANCHE_APPROVED_BY);
    }

    @Test
    void an_amendment_is_approved_by_the_central_team() {
        makeAward();
        bridge.on(new AmendmentProposedEvent(caseId, "amendment-1", AmendmentKind.NEW_END_DATE,
                AmendmentTerms.newEndDate(FINAL_DUE.plusMonths(3)), "Elections moved the forum", HUB_REVIEWER), newEventId());
        assertThat(award).isWaitingAt(Elements.USER_APPROVE_AMENDMENT);

        processTasks.complete(task(Elements.USER_APPROVE_AMENDMENT).getId(), "central.member", groups(CENTRAL_TEAM),
                new ApproveAmendmentCommand(caseId, "amendment-1", "central.member"), Map.of());

        assertThat(award).hasPassed(Elements.END_AMENDMENT_DECIDED);
    }

    private void submitReport(String reportId) {
        bridge.on(new ReportSubmittedEvent(caseId, reportId, ReportKind.PROGRESS, "What we did", List.of(), FOCAL_POINT), newEventId());
    }

    private void reviewReport(String reportId, boolean accepted) {
        Task review = reportReview(reportId);
        Object command = accepted ? new AcceptReportCommand(caseId, reportId, HUB_REVIEWER)
                : new RejectReportCommand(caseId, reportId, "Results are missing", HUB_REVIEWER);
        processTasks.complete(review.getId(), HUB_REVIEWER, HUB_REVIEWERS, command, AwardProcess.reportReviewed(accepted));
    }

    private Task reportReview(String reportId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(award.getId())
                .taskDefinitionKey(Elements.USER_REVIEW_REPORT).list().stream()
                .filter(task -> reportId.equals(engine.getTaskService().getVariable(task.getId(), AwardProcess.Variables.REPORT_ID)))
                .findFirst().orElseThrow();
    }

    private Task trancheTask(String elementId, String trancheId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(award.getId()).taskDefinitionKey(elementId).list().stream()
                .filter(task -> trancheId.equals(engine.getTaskService().getVariable(task.getId(), AwardProcess.Variables.TRANCHE_ID)))
                .findFirst().orElse(null);
    }

    private RecordTranchePaymentCommand payment(String actor) {
        return new RecordTranchePaymentCommand(caseId, "tranche-1", "PAY-1", LocalDate.of(2027, 2, 1), null, actor);
    }

    private Notice notice(String kind, String reportId) {
        return new Notice(AwardProcess.PROCESS_KEY, caseId, kind, CandidateGroups.city(CITY), reportId);
    }

    private AwardMadeEvent awardMade() {
        return new AwardMadeEvent(caseId, "application-1", CITY, Region.WEST_AFRICA, Set.of(), null, null,
                Money.usd("40000"), List.of(), List.of(),
                List.of(new ReportingObligation(PROGRESS, ReportKind.PROGRESS, PROGRESS_DUE),
                        new ReportingObligation(FINAL, ReportKind.FINAL, FINAL_DUE)),
                null, FINAL_DUE, List.of(), List.of(), List.of(), "central.member");
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
