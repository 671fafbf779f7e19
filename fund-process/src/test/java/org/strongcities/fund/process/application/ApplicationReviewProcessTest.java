package org.strongcities.fund.process.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.strongcities.fund.process.CandidateGroups.CENTRAL_TEAM;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.Test;
import org.strongcities.fund.domain.api.ApplicationContent;
import org.strongcities.fund.domain.api.ApplicationResubmittedEvent;
import org.strongcities.fund.domain.api.ApplicationStatus;
import org.strongcities.fund.domain.api.ApplicationSubmittedEvent;
import org.strongcities.fund.domain.api.ApplicationWithdrawnEvent;
import org.strongcities.fund.domain.api.BusinessRuleViolation;
import org.strongcities.fund.domain.api.ConfirmDecisionCommand;
import org.strongcities.fund.domain.api.DecideApplicationCommand;
import org.strongcities.fund.domain.api.DecisionReopenedEvent;
import org.strongcities.fund.domain.api.DecisionType;
import org.strongcities.fund.domain.api.LapseApplicationCommand;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.RecordEligibilityCommand;
import org.strongcities.fund.domain.api.RequestRevisionCommand;
import org.strongcities.fund.domain.api.StartCentralReviewCommand;
import org.strongcities.fund.domain.api.StartHubReviewCommand;
import org.strongcities.fund.domain.api.StrategicPriority;
import org.strongcities.fund.domain.api.SubmitReviewCommand;
import org.strongcities.fund.domain.api.WithholdConfirmationCommand;
import org.strongcities.fund.process.CandidateGroups;
import org.strongcities.fund.process.CityDirectory.CityStanding;
import org.strongcities.fund.process.CommandDelegate;
import org.strongcities.fund.process.Notice;
import org.strongcities.fund.process.ProcessTestSupport;
import org.strongcities.fund.process.application.ApplicationReviewProcess.Elements;
import org.strongcities.fund.process.application.ApplicationReviewProcess.Notices;
import org.strongcities.fund.process.application.ApplicationReviewProcess.Variables;

@Deployment(resources = {ApplicationReviewProcess.RESOURCE, ApplicationReviewProcess.ELIGIBILITY_RESOURCE,
        ApplicationReviewProcess.CENTRAL_APPROVAL_RESOURCE})
class ApplicationReviewProcessTest extends ProcessTestSupport {

    private static final String CITY = "city-freetown";
    private static final String HUB = "hub-west-africa";
    private static final String APPLICANT = "focal.freetown";
    private static final String HUB_REVIEWER = "reviewer.hub";
    private static final String DECIDER = "central.decider";
    private static final String SECOND_APPROVER = "central.second";
    private static final Set<String> HUB_REVIEWERS = groups(CandidateGroups.hub(HUB));
    private static final Set<String> CENTRAL = groups(CENTRAL_TEAM);

    private CityStanding standing = new CityStanding(HUB, true, false);
    private final ApplicationReviewBridge bridge = new ApplicationReviewBridge(engine.getRuntimeService(),
            engine.getHistoryService(), cityId -> standing, handledEvents);
    private final SecondApprovalRouting routing = new SecondApprovalRouting(engine.getDecisionService());

    @Override
    protected void registerDelegates() {
        Mocks.register(CheckEligibilityDelegate.BEAN, new CheckEligibilityDelegate(commandGateway));
        Mocks.register(StartHubReviewDelegate.BEAN, new StartHubReviewDelegate(commandGateway));
        Mocks.register(StartCentralReviewDelegate.BEAN, new StartCentralReviewDelegate(commandGateway));
        Mocks.register(LapseApplicationDelegate.BEAN, new LapseApplicationDelegate(commandGateway));
    }

    @Test
    void an_ineligible_application_is_declined_with_the_reason_of_the_table() {
        standing = new CityStanding(HUB, true, true);
        ProcessInstance review = submit("40000");

        assertThat(review).isEnded().hasPassed(Elements.END_INELIGIBLE);
        verify(commandGateway).sendAndWait(new RecordEligibilityCommand(caseId, false,
                "The city has overdue reports on an earlier award; they must be submitted and accepted before a new application is reviewed.",
                CommandDelegate.SYSTEM_ACTOR));
        verify(commandGateway, never()).sendAndWait(new StartHubReviewCommand(caseId, CommandDelegate.SYSTEM_ACTOR));
    }

    @Test
    void an_eligible_application_goes_to_the_hub_of_the_city_region() {
        ProcessInstance review = submit("40000");

        assertThat(review).isWaitingAt(Elements.USER_HUB_REVIEW);
        assertThat(review).variables().containsEntry(Variables.ELIGIBLE, true).containsEntry(Variables.HUB_ID, HUB);
        verify(commandGateway).sendAndWait(any(RecordEligibilityCommand.class));
        verify(commandGateway).sendAndWait(new StartHubReviewCommand(caseId, CommandDelegate.SYSTEM_ACTOR));
        List<IdentityLink> candidates = engine.getTaskService().getIdentityLinksForTask(task(Elements.USER_HUB_REVIEW).getId());
        assertThat(candidates).extracting(IdentityLink::getGroupId).containsExactly(CandidateGroups.hub(HUB));
    }

    @Test
    void re_delivery_of_the_submission_starts_no_second_process() {
        ApplicationSubmittedEvent submitted = submittedEvent("40000");
        String eventId = newEventId();

        bridge.on(submitted, eventId);
        bridge.on(submitted, eventId);

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId).count())
                .isEqualTo(1);
    }

    @Test
    void an_approval_within_the_threshold_is_awarded_without_second_approval() {
        ProcessInstance review = reachCentralReview("50000");

        decide(DecisionType.APPROVE_IN_FULL, Money.usd("50000"));

        assertThat(review).isEnded().hasPassed(Elements.END_AWARDED).hasNotPassed(Elements.USER_SECOND_APPROVAL);
    }

    @Test
    void a_decline_ends_the_case() {
        ProcessInstance review = reachCentralReview("20000");

        decide(DecisionType.DECLINE, null);

        assertThat(review).isEnded().hasPassed(Elements.END_DECLINED);
    }

    @Test
    void a_reopened_decision_goes_back_to_the_central_team_once() {
        ProcessInstance decided = reachCentralReview("20000");
        decide(DecisionType.DECLINE, null);
        assertThat(decided).isEnded();
        DecisionReopenedEvent reopened = new DecisionReopenedEvent(caseId, 1, ApplicationStatus.UNDER_CENTRAL_REVIEW,
                "The hub sent new evidence", DECIDER);
        String eventId = newEventId();

        bridge.on(reopened, eventId);
        bridge.on(reopened, eventId);

        ProcessInstance review = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .singleResult();
        assertThat(review).isWaitingAt(Elements.USER_CENTRAL_REVIEW);
        assertThat(review).variables().containsEntry(Variables.CITY_ID, CITY).containsEntry(Variables.HUB_ID, HUB);
        assertThat(engine.getTaskService().getIdentityLinksForTask(task(Elements.USER_CENTRAL_REVIEW).getId()))
                .extracting(IdentityLink::getGroupId).containsExactly(CENTRAL_TEAM);
        assertThatThrownBy(() -> bridge.on(reopened, newEventId())).hasMessageContaining("while its review still runs");

        decide(DecisionType.APPROVE_IN_FULL, Money.usd("20000"));
        assertThat(review).isEnded().hasPassed(Elements.END_AWARDED);
    }

    @Test
    void an_approval_above_the_threshold_needs_a_second_central_team_member() {
        ProcessInstance review = reachCentralReview("90000");

        decide(DecisionType.APPROVE_PARTIALLY, Money.usd("60000"));

        assertThat(review).isWaitingAt(Elements.USER_SECOND_APPROVAL);
        String secondApproval = task(Elements.USER_SECOND_APPROVAL).getId();
        ConfirmDecisionCommand bySameDecider = new ConfirmDecisionCommand(caseId, DECIDER);
        assertThatThrownBy(() -> processTasks.complete(secondApproval, DECIDER, CENTRAL, bySameDecider, Map.of()))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("Four eyes");
        assertThatThrownBy(() -> processTasks.claim(secondApproval, DECIDER, CENTRAL))
                .isInstanceOf(BusinessRuleViolation.class);
        verify(commandGateway, never()).sendAndWait(bySameDecider);

        processTasks.complete(secondApproval, SECOND_APPROVER, CENTRAL, new ConfirmDecisionCommand(caseId, SECOND_APPROVER),
                ApplicationReviewProcess.secondApprovalConfirmed());

        assertThat(review).isEnded().hasPassed(Elements.END_PARTIALLY_AWARDED);
    }

    @Test
    void a_withheld_confirmation_sends_the_case_back_to_the_central_team_for_a_new_decision() {
        ProcessInstance review = reachCentralReview("90000");
        decide(DecisionType.APPROVE_IN_FULL, Money.usd("90000"));
        String firstApproval = task(Elements.USER_SECOND_APPROVAL).getId();
        WithholdConfirmationCommand byTheDecider = new WithholdConfirmationCommand(caseId, "On second thoughts", DECIDER);
        assertThatThrownBy(() -> processTasks.complete(firstApproval, DECIDER, CENTRAL, byTheDecider,
                ApplicationReviewProcess.secondApprovalWithheld()))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("Four eyes");
        verify(commandGateway, never()).sendAndWait(byTheDecider);

        WithholdConfirmationCommand withheld = new WithholdConfirmationCommand(caseId, "The budget does not support the full amount",
                SECOND_APPROVER);
        processTasks.complete(firstApproval, SECOND_APPROVER, CENTRAL, withheld, ApplicationReviewProcess.secondApprovalWithheld());

        verify(commandGateway).sendAndWait(withheld);
        assertThat(review).isWaitingAt(Elements.USER_CENTRAL_REVIEW).hasPassed(Elements.GATEWAY_SECOND_APPROVAL_OUTCOME)
                .hasNotPassed(Elements.GATEWAY_APPROVAL_KIND);
        // The event put the application back under central review: the process starts no new central review.
        verify(commandGateway, times(1)).sendAndWait(new StartCentralReviewCommand(caseId, CommandDelegate.SYSTEM_ACTOR));
        assertThat(engine.getTaskService().getIdentityLinksForTask(task(Elements.USER_CENTRAL_REVIEW).getId()))
                .extracting(IdentityLink::getGroupId).containsExactly(CENTRAL_TEAM);

        // The one who withheld decides this time, so the new second approval refuses them and not the first decider.
        decide(DecisionType.APPROVE_PARTIALLY, Money.usd("60000"), SECOND_APPROVER);
        String secondApproval = task(Elements.USER_SECOND_APPROVAL).getId();
        assertThatThrownBy(() -> processTasks.complete(secondApproval, SECOND_APPROVER, CENTRAL,
                new ConfirmDecisionCommand(caseId, SECOND_APPROVER), ApplicationReviewProcess.secondApprovalConfirmed()))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("Four eyes");
        processTasks.complete(secondApproval, DECIDER, CENTRAL, new ConfirmDecisionCommand(caseId, DECIDER),
                ApplicationReviewProcess.secondApprovalConfirmed());

        assertThat(review).isEnded().hasPassed(Elements.END_PARTIALLY_AWARDED).hasNotPassed(Elements.END_AWARDED);
    }

    @Test
    void the_hub_asks_for_a_revision_and_the_resubmission_returns_to_the_hub() {
        ProcessInstance review = submit("40000");
        completeHubReview(new RequestRevisionCommand(caseId, "Add a budget for the youth forum", HUB_REVIEWER),
                ApplicationReviewProcess.hubRequestedRevision());
        assertThat(review).isWaitingAt(Elements.CATCH_RESUBMITTED);

        resubmit("45000");

        assertThat(review).isWaitingAt(Elements.USER_HUB_REVIEW);
        assertThat(review).variables().containsEntry(Variables.REQUESTED_AMOUNT_USD, 45000.0);
    }

    @Test
    void the_central_team_asks_for_a_revision_and_the_resubmission_returns_to_the_central_team() {
        ProcessInstance review = reachCentralReview("40000");
        processTasks.complete(task(Elements.USER_CENTRAL_REVIEW).getId(), DECIDER, CENTRAL,
                new RequestRevisionCommand(caseId, "Explain the indicators", DECIDER), ApplicationReviewProcess.centralRequestedRevision());

        resubmit("40000");

        assertThat(review).isWaitingAt(Elements.USER_CENTRAL_REVIEW);
        verify(commandGateway, times(2)).sendAndWait(new StartCentralReviewCommand(caseId, CommandDelegate.SYSTEM_ACTOR));
    }

    @Test
    void a_resubmission_above_the_limit_is_ineligible() {
        ProcessInstance review = submit("40000");
        completeHubReview(new RequestRevisionCommand(caseId, "Revise", HUB_REVIEWER), ApplicationReviewProcess.hubRequestedRevision());

        resubmit("200000");

        assertThat(review).isEnded().hasPassed(Elements.END_INELIGIBLE);
    }

    @Test
    void the_applicant_is_reminded_before_the_revision_deadline_and_the_case_lapses_after_it() {
        ProcessInstance review = submit("40000");
        completeHubReview(new RequestRevisionCommand(caseId, "Revise", HUB_REVIEWER), ApplicationReviewProcess.hubRequestedRevision());

        passTime(now().plus(Duration.ofDays(24)));

        assertThat(review).isWaitingAt(Elements.CATCH_RESUBMITTED);
        assertThat(notifier.notices).containsExactly(
                new Notice(ApplicationReviewProcess.PROCESS_KEY, caseId, Notices.REVISION_DUE, CandidateGroups.city(CITY), null));

        passTime(now().plus(Duration.ofDays(7)));

        assertThat(review).isEnded().hasPassed(Elements.END_LAPSED);
        verify(commandGateway).sendAndWait(new LapseApplicationCommand(caseId, LapseApplicationDelegate.REASON, CommandDelegate.SYSTEM_ACTOR));
    }

    @Test
    void an_untouched_hub_review_is_escalated_to_the_hub_lead_then_the_central_team() {
        ProcessInstance review = submit("40000");

        passTime(now().plus(Duration.ofDays(11)));
        assertThat(notifier.notices).extracting(Notice::recipients).containsExactly(CandidateGroups.hubLeads(HUB));

        passTime(now().plus(Duration.ofDays(10)));
        assertThat(notifier.notices).extracting(Notice::recipients).containsExactly(CandidateGroups.hubLeads(HUB), CENTRAL_TEAM);
        assertThat(review).isWaitingAt(Elements.USER_HUB_REVIEW);
    }

    @Test
    void an_untouched_central_review_is_escalated_to_the_central_team() {
        ProcessInstance review = reachCentralReview("40000");

        passTime(now().plus(Duration.ofDays(11)));

        assertThat(notifier.notices).containsExactly(
                new Notice(ApplicationReviewProcess.PROCESS_KEY, caseId, Notices.REVIEW_OVERDUE, CENTRAL_TEAM, null));
        assertThat(review).isWaitingAt(Elements.USER_CENTRAL_REVIEW);
    }

    @Test
    void the_applicant_can_withdraw_during_any_review() {
        ProcessInstance review = reachCentralReview("40000");

        bridge.on(new ApplicationWithdrawnEvent(caseId, "The mayor changed priorities", APPLICANT), newEventId());

        assertThat(review).isEnded().hasPassed(Elements.END_WITHDRAWN);
    }

    @Test
    void a_rejected_command_leaves_the_task_open_and_says_why() {
        ProcessInstance review = submit("40000");
        SubmitReviewCommand review1 = new SubmitReviewCommand("review-1", List.of(), null, null, null, HUB_REVIEWER);
        doThrow(new BusinessRuleViolation("Score every criterion")).when(commandGateway).sendAndWait(review1);

        assertThatThrownBy(() -> completeHubReview(review1, ApplicationReviewProcess.hubForwarded()))
                .hasMessage("Score every criterion");

        assertThat(review).isWaitingAt(Elements.USER_HUB_REVIEW);
    }

    @Test
    void only_a_candidate_may_complete_a_task() {
        submit("40000");
        String hubReview = task(Elements.USER_HUB_REVIEW).getId();

        assertThatThrownBy(() -> processTasks.complete(hubReview, "someone.else", groups(CandidateGroups.hub("hub-europe")),
                new SubmitReviewCommand("review-1", List.of(), null, null, null, "someone.else"), ApplicationReviewProcess.hubForwarded()))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("is not among the people");

        processTasks.claim(hubReview, HUB_REVIEWER, HUB_REVIEWERS);
        assertThatThrownBy(() -> processTasks.claim(hubReview, "colleague", HUB_REVIEWERS))
                .hasMessageContaining("is claimed by " + HUB_REVIEWER);
        processTasks.unclaim(hubReview, HUB_REVIEWER, HUB_REVIEWERS);
        assertThat(task(Elements.USER_HUB_REVIEW).getAssignee()).isNull();
    }

    /** Submits and runs the eligibility check; the instance is taken while it waits for that job. */
    private ProcessInstance submit(String requestedUsd) {
        bridge.on(submittedEvent(requestedUsd), newEventId());
        ProcessInstance review = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId).singleResult();
        assertThat(review).isWaitingAt(Elements.TASK_CHECK_ELIGIBILITY);
        runDueJobs();
        return review;
    }

    private void resubmit(String requestedUsd) {
        bridge.on(new ApplicationResubmittedEvent(caseId, CITY, 2, content(requestedUsd), "Done", APPLICANT), newEventId());
        runDueJobs();
    }

    private ProcessInstance reachCentralReview(String requestedUsd) {
        ProcessInstance review = submit(requestedUsd);
        completeHubReview(new SubmitReviewCommand("review-1", List.of(), null, null, null, HUB_REVIEWER),
                ApplicationReviewProcess.hubForwarded());
        assertThat(review).isWaitingAt(Elements.USER_CENTRAL_REVIEW);
        return review;
    }

    private void completeHubReview(Object command, Map<String, Object> variables) {
        processTasks.complete(task(Elements.USER_HUB_REVIEW).getId(), HUB_REVIEWER, HUB_REVIEWERS, command, variables);
    }

    /** As the web layer does: ask the routing table, send its verdict in the command and the completion. */
    private void decide(DecisionType decisionType, Money approved) {
        decide(decisionType, approved, DECIDER);
    }

    private void decide(DecisionType decisionType, Money approved, String decider) {
        boolean secondApprovalRequired = routing.secondApprovalRequired(decisionType, approved);
        processTasks.complete(task(Elements.USER_CENTRAL_REVIEW).getId(), decider, CENTRAL,
                new DecideApplicationCommand(caseId, decisionType, approved, null, "Reasons", null, secondApprovalRequired, decider),
                ApplicationReviewProcess.centralDecided(decisionType, secondApprovalRequired, decider));
    }

    private ApplicationSubmittedEvent submittedEvent(String requestedUsd) {
        return new ApplicationSubmittedEvent(caseId, CITY, 1, content(requestedUsd), APPLICANT);
    }

    private static ApplicationContent content(String requestedUsd) {
        return new ApplicationContent("Youth forum", "Summary", Set.of(StrategicPriority.YOUTH_ENGAGEMENT), null,
                Money.usd(requestedUsd), List.of(), null, null, null, List.of(), null, null, false);
    }
}
