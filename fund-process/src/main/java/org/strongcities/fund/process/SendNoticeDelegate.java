package org.strongcities.fund.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Reminders and escalations. What and to whom is written in the model as the input parameters
 * noticeKind and noticeRecipients of the service task, so one delegate serves every notice.
 */
@Component(SendNoticeDelegate.BEAN)
public class SendNoticeDelegate implements JavaDelegate {

    public static final String BEAN = "sendNotice";
    public static final String NOTICE_KIND = "noticeKind";
    public static final String NOTICE_RECIPIENTS = "noticeRecipients";
    /** Set inside a reporting obligation of the award process; absent elsewhere. */
    private static final String REPORT_ID = "reportId";

    private final ProcessNotifier notifier;

    public SendNoticeDelegate(ProcessNotifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String processKey = execution.getProcessDefinitionId().split(":")[0];
        notifier.send(new Notice(processKey, execution.getProcessBusinessKey(),
                (String) execution.getVariableLocal(NOTICE_KIND), (String) execution.getVariableLocal(NOTICE_RECIPIENTS),
                (String) execution.getVariable(REPORT_ID)));
    }
}
