package org.strongcities.fund.process.award;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.strongcities.fund.domain.api.MarkReportOverdueCommand;
import org.strongcities.fund.process.CommandDelegate;
import org.strongcities.fund.process.award.AwardProcess.Variables;

/** task_mark_report_overdue: the due date passed with no report in. */
@Component(MarkReportOverdueDelegate.BEAN)
public class MarkReportOverdueDelegate extends CommandDelegate {

    public static final String BEAN = "markReportOverdue";

    public MarkReportOverdueDelegate(CommandGateway commandGateway) {
        super(commandGateway);
    }

    @Override
    protected Object command(DelegateExecution execution) {
        // Lands on the obligation's own reportOverdue (declared by its input mapping), not on the process.
        execution.setVariable(Variables.REPORT_OVERDUE, true);
        return new MarkReportOverdueCommand(text(execution, Variables.AWARD_ID), text(execution, Variables.REPORT_ID), SYSTEM_ACTOR);
    }
}
