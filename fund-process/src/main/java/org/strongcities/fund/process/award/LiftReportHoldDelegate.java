package org.strongcities.fund.process.award;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.strongcities.fund.domain.api.LiftReportHoldCommand;
import org.strongcities.fund.process.CommandDelegate;
import org.strongcities.fund.process.award.AwardProcess.Variables;

/** task_lift_report_hold: the overdue report was accepted, payments to the city may resume. */
@Component(LiftReportHoldDelegate.BEAN)
public class LiftReportHoldDelegate extends CommandDelegate {

    public static final String BEAN = "liftReportHold";

    public LiftReportHoldDelegate(CommandGateway commandGateway) {
        super(commandGateway);
    }

    @Override
    protected Object command(DelegateExecution execution) {
        return new LiftReportHoldCommand(text(execution, Variables.CITY_ID), text(execution, Variables.AWARD_ID),
                text(execution, Variables.REPORT_ID), SYSTEM_ACTOR);
    }
}
