package org.strongcities.fund.process.award;

import java.util.Map;

/** Names in bpmn/award.bpmn: the one place Java code takes them from. Business key = award id. */
public final class AwardProcess {

    public static final String PROCESS_KEY = "award_lifecycle";
    public static final String RESOURCE = "bpmn/award.bpmn";

    public static final class Messages {
        /** Correlated on ReportSubmittedEvent to the obligation whose local reportId matches. */
        public static final String REPORT_SUBMITTED = "report_submitted";
        /** Correlated on TrancheRequestedEvent; starts one tranche payment sub-process. */
        public static final String TRANCHE_REQUESTED = "tranche_requested";
        /** Correlated on AmendmentProposedEvent; starts one amendment approval sub-process. */
        public static final String AMENDMENT_PROPOSED = "amendment_proposed";

        private Messages() {
        }
    }

    public static final class Variables {
        public static final String AWARD_ID = "awardId";
        public static final String APPLICATION_ID = "applicationId";
        public static final String CITY_ID = "cityId";
        public static final String HUB_ID = "hubId";
        /** The reporting schedule as text, see {@link ReportSchedule#encode}. */
        public static final String REPORTING_OBLIGATIONS = "reportingObligations";
        // Local to one reporting obligation.
        public static final String REPORT_ID = "reportId";
        public static final String REPORT_KIND = "reportKind";
        /** ISO date (yyyy-MM-dd). */
        public static final String REPORT_DUE_DATE = "reportDueDate";
        public static final String REPORT_OVERDUE = "reportOverdue";
        public static final String REPORT_ACCEPTED = "reportAccepted";
        // Local to one tranche payment.
        public static final String TRANCHE_ID = "trancheId";
        public static final String TRANCHE_REQUESTED_BY = "trancheRequestedBy";
        public static final String TRANCHE_APPROVED_BY = "trancheApprovedBy";
        // Local to one amendment.
        public static final String AMENDMENT_ID = "amendmentId";
        public static final String AMENDMENT_PROPOSED_BY = "amendmentProposedBy";

        private Variables() {
        }
    }

    public static final class Elements {
        public static final String START_AWARD_MADE = "start_award_made";
        public static final String SUBPROCESS_REPORT_OBLIGATION = "subprocess_report_obligation";
        public static final String RECEIVE_REPORT_SUBMITTED = "receive_report_submitted";
        public static final String TIMER_REPORT_REMINDER = "timer_report_reminder";
        public static final String TASK_REMIND_REPORT_DUE_SOON = "task_remind_report_due_soon";
        public static final String TIMER_REPORT_DUE = "timer_report_due";
        public static final String TASK_REMIND_REPORT_DUE_TODAY = "task_remind_report_due_today";
        public static final String TIMER_REPORT_OVERDUE = "timer_report_overdue";
        public static final String TASK_MARK_REPORT_OVERDUE = "task_mark_report_overdue";
        public static final String TASK_PLACE_REPORT_HOLD = "task_place_report_hold";
        public static final String RECEIVE_OVERDUE_REPORT_SUBMITTED = "receive_overdue_report_submitted";
        public static final String USER_REVIEW_REPORT = "user_review_report";
        public static final String GATEWAY_REPORT_ACCEPTED = "gateway_report_accepted";
        public static final String GATEWAY_REPORT_HOLD = "gateway_report_hold";
        public static final String TASK_LIFT_REPORT_HOLD = "task_lift_report_hold";
        public static final String END_REPORT_ACCEPTED = "end_report_accepted";
        public static final String USER_CLOSE_OUT = "user_close_out";
        public static final String END_CLOSED = "end_closed";
        public static final String START_TRANCHE_REQUESTED = "start_tranche_requested";
        public static final String USER_APPROVE_TRANCHE = "user_approve_tranche";
        public static final String USER_PAY_TRANCHE = "user_pay_tranche";
        public static final String END_TRANCHE_PAID = "end_tranche_paid";
        public static final String START_AMENDMENT_PROPOSED = "start_amendment_proposed";
        public static final String USER_APPROVE_AMENDMENT = "user_approve_amendment";
        public static final String END_AMENDMENT_DECIDED = "end_amendment_decided";

        private Elements() {
        }
    }

    /** Values of noticeKind in the model. */
    public static final class Notices {
        public static final String REPORT_DUE_SOON = "REPORT_DUE_SOON";
        public static final String REPORT_DUE_TODAY = "REPORT_DUE_TODAY";

        private Notices() {
        }
    }

    private AwardProcess() {
    }

    /** Variables to complete user_review_report with after AcceptReportCommand or RejectReportCommand. */
    public static Map<String, Object> reportReviewed(boolean accepted) {
        return Map.of(Variables.REPORT_ACCEPTED, accepted);
    }

    /** Variables to complete user_approve_tranche with: the payer must be someone else. */
    public static Map<String, Object> trancheApproved(String approvedBy) {
        return Map.of(Variables.TRANCHE_APPROVED_BY, approvedBy);
    }
}
