package org.strongcities.fund.process.application;

import java.util.Map;
import org.strongcities.fund.domain.api.DecisionType;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.ReviewStage;

/**
 * Names in bpmn/application_review.bpmn, eligibility.dmn and central_approval.dmn: the one place
 * Java code takes them from. Business key = application id.
 */
public final class ApplicationReviewProcess {

    public static final String PROCESS_KEY = "application_review";
    public static final String RESOURCE = "bpmn/application_review.bpmn";
    public static final String ELIGIBILITY_RESOURCE = "bpmn/eligibility.dmn";
    public static final String CENTRAL_APPROVAL_RESOURCE = "bpmn/central_approval.dmn";

    /** Decision keys with their input and output names (eligibility inputs are process variables of the same name). */
    public static final class Decisions {
        public static final String ELIGIBILITY = "eligibility";
        public static final String ELIGIBLE = "eligible";
        public static final String REASON = "reason";
        public static final String SECOND_APPROVAL_REQUIRED = "second_approval_required";
        public static final String APPROVED_AMOUNT_USD = "approvedAmountUsd";
        public static final String APPROVED_CURRENCY = "approvedCurrency";
        public static final String SECOND_APPROVAL_REQUIRED_OUTPUT = "secondApprovalRequired";

        private Decisions() {
        }
    }

    public static final class Messages {
        /** Correlated on ApplicationResubmittedEvent with the new routing copies. */
        public static final String RESUBMITTED = "application_resubmitted";
        /** Correlated on ApplicationWithdrawnEvent; interrupts the whole review. */
        public static final String WITHDRAWN = "application_withdrawn";

        private Messages() {
        }
    }

    /** Process variables: ids and routing copies only; amounts are copies for routing, never the record. */
    public static final class Variables {
        public static final String APPLICATION_ID = "applicationId";
        public static final String CITY_ID = "cityId";
        public static final String HUB_ID = "hubId";
        // Eligibility inputs (names of the eligibility.dmn inputs).
        public static final String MEMBER_ACTIVE = "memberActive";
        public static final String HAS_OVERDUE_REPORTS = "hasOverdueReports";
        public static final String PRIORITY_ALIGNED = "priorityAligned";
        /** Requested amount in US dollars as a double for the table; null when requested in another currency. */
        public static final String REQUESTED_AMOUNT_USD = "requestedAmountUsd";
        public static final String REQUESTED_CURRENCY = "requestedCurrency";
        // Eligibility outputs copied by the checkEligibility delegate.
        public static final String ELIGIBLE = "eligible";
        public static final String ELIGIBILITY_REASON = "eligibilityReason";
        /** HUB or CENTRAL: the stage that asked for the revision, where a resubmission goes back to. */
        public static final String REVISION_STAGE = "revisionStage";
        /** A {@link HubOutcome} name. */
        public static final String HUB_OUTCOME = "hubOutcome";
        /** A {@link CentralOutcome} name. */
        public static final String CENTRAL_OUTCOME = "centralOutcome";
        /** The verdict of second_approval_required, from {@link SecondApprovalRouting}; routes gateway_amount_threshold. */
        public static final String SECOND_APPROVAL_REQUIRED = "secondApprovalRequired";
        /** The Central Team member who decided; the second approver must be someone else. */
        public static final String DECIDED_BY = "decidedBy";
        /** A {@link SecondApprovalOutcome} name; routes gateway_second_approval_outcome. */
        public static final String SECOND_APPROVAL_OUTCOME = "secondApprovalOutcome";

        private Variables() {
        }
    }

    public static final class Elements {
        public static final String START_SUBMITTED = "start_submitted";
        public static final String TASK_CHECK_ELIGIBILITY = "task_check_eligibility";
        public static final String GATEWAY_ELIGIBLE = "gateway_eligible";
        public static final String GATEWAY_REVIEW_STAGE = "gateway_review_stage";
        public static final String TASK_START_HUB_REVIEW = "task_start_hub_review";
        public static final String USER_HUB_REVIEW = "user_hub_review";
        public static final String TIMER_REVIEW_ESCALATION = "timer_review_escalation";
        public static final String TIMER_REVIEW_ESCALATION_CENTRAL = "timer_review_escalation_central";
        public static final String TASK_NOTIFY_HUB_LEAD = "task_notify_hub_lead";
        public static final String TASK_NOTIFY_CENTRAL_TEAM_OF_HUB_REVIEW = "task_notify_central_team_of_hub_review";
        public static final String GATEWAY_HUB_OUTCOME = "gateway_hub_outcome";
        public static final String SUBPROCESS_REVISION = "subprocess_revision";
        public static final String CATCH_RESUBMITTED = "catch_resubmitted";
        public static final String TIMER_REVISION_REMINDER = "timer_revision_reminder";
        public static final String TASK_REMIND_APPLICANT = "task_remind_applicant";
        public static final String TIMER_REVISION_LAPSE = "timer_revision_lapse";
        public static final String TASK_LAPSE_APPLICATION = "task_lapse_application";
        public static final String TASK_START_CENTRAL_REVIEW = "task_start_central_review";
        public static final String USER_CENTRAL_REVIEW = "user_central_review";
        public static final String TIMER_CENTRAL_REVIEW_ESCALATION = "timer_central_review_escalation";
        public static final String TASK_NOTIFY_CENTRAL_TEAM_OF_CENTRAL_REVIEW = "task_notify_central_team_of_central_review";
        public static final String GATEWAY_CENTRAL_OUTCOME = "gateway_central_outcome";
        public static final String GATEWAY_AMOUNT_THRESHOLD = "gateway_amount_threshold";
        public static final String USER_SECOND_APPROVAL = "user_second_approval";
        public static final String GATEWAY_SECOND_APPROVAL_OUTCOME = "gateway_second_approval_outcome";
        public static final String GATEWAY_APPROVAL_KIND = "gateway_approval_kind";
        public static final String SUBPROCESS_WITHDRAWAL = "subprocess_withdrawal";
        public static final String START_WITHDRAWN = "start_withdrawn";
        public static final String END_AWARDED = "end_awarded";
        public static final String END_PARTIALLY_AWARDED = "end_partially_awarded";
        public static final String END_DECLINED = "end_declined";
        public static final String END_WITHDRAWN = "end_withdrawn";
        public static final String END_LAPSED = "end_lapsed";
        public static final String END_INELIGIBLE = "end_ineligible";

        private Elements() {
        }
    }

    /** Values of noticeKind in the model. */
    public static final class Notices {
        public static final String REVIEW_OVERDUE = "REVIEW_OVERDUE";
        public static final String REVISION_DUE = "REVISION_DUE";

        private Notices() {
        }
    }

    /** How the hub completes its review. */
    public enum HubOutcome {
        /** The hub submitted its review and recommendation: on to the Central Team. */
        FORWARD,
        /** The hub asked the applicant for a revision. */
        REVISE
    }

    /** How the Central Team completes its review: a decision, or a request for revision. */
    public enum CentralOutcome {
        APPROVE_IN_FULL, APPROVE_PARTIALLY, DECLINE, REVISE;

        static CentralOutcome of(DecisionType decisionType) {
            return valueOf(decisionType.name());
        }
    }

    /** How the second approver completes user_second_approval. */
    public enum SecondApprovalOutcome {
        /** The decision takes effect. */
        CONFIRMED,
        /** The decision is dropped: back to the Central Team's review, for a new decision. */
        WITHHELD
    }

    private ApplicationReviewProcess() {
    }

    /** Variables to complete user_hub_review with after the hub submitted its review. */
    public static Map<String, Object> hubForwarded() {
        return Map.of(Variables.HUB_OUTCOME, HubOutcome.FORWARD.name());
    }

    /** Variables to complete user_hub_review with after RequestRevisionCommand. */
    public static Map<String, Object> hubRequestedRevision() {
        return Map.of(Variables.HUB_OUTCOME, HubOutcome.REVISE.name(), Variables.REVISION_STAGE, ReviewStage.HUB.name());
    }

    /** Variables to complete user_central_review with after RequestRevisionCommand. */
    public static Map<String, Object> centralRequestedRevision() {
        return Map.of(Variables.CENTRAL_OUTCOME, CentralOutcome.REVISE.name(), Variables.REVISION_STAGE, ReviewStage.CENTRAL.name());
    }

    /**
     * Variables to complete user_central_review with after DecideApplicationCommand: the same
     * secondApprovalRequired verdict as in the command, and the decider, whom the second approval
     * refuses.
     */
    public static Map<String, Object> centralDecided(DecisionType decisionType, boolean secondApprovalRequired, String decidedBy) {
        return Map.of(Variables.CENTRAL_OUTCOME, CentralOutcome.of(decisionType).name(),
                Variables.SECOND_APPROVAL_REQUIRED, secondApprovalRequired,
                Variables.DECIDED_BY, decidedBy);
    }

    /**
     * Variables to complete user_second_approval with after ConfirmDecisionCommand. Always set: a case whose
     * confirmation was withheld before comes to this task again, and must not take the withheld way twice.
     */
    public static Map<String, Object> secondApprovalConfirmed() {
        return Map.of(Variables.SECOND_APPROVAL_OUTCOME, SecondApprovalOutcome.CONFIRMED.name());
    }

    /** Variables to complete user_second_approval with after WithholdConfirmationCommand: back to user_central_review. */
    public static Map<String, Object> secondApprovalWithheld() {
        return Map.of(Variables.SECOND_APPROVAL_OUTCOME, SecondApprovalOutcome.WITHHELD.name());
    }

    /** A routing copy for the decision tables: the dollar amount as a double, null in another currency. */
    public static Double usdForRouting(Money amount) {
        return amount != null && amount.isUsd() ? amount.amount().doubleValue() : null;
    }
}
