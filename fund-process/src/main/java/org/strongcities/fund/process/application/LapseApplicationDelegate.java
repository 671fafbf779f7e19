package org.strongcities.fund.process.application;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.strongcities.fund.domain.api.LapseApplicationCommand;
import org.strongcities.fund.process.CommandDelegate;
import org.strongcities.fund.process.application.ApplicationReviewProcess.Variables;

/** task_lapse_application: the revision deadline (timer_revision_lapse) passed without a resubmission. */
@Component(LapseApplicationDelegate.BEAN)
public class LapseApplicationDelegate extends CommandDelegate {

    public static final String BEAN = "lapseApplication";
    public static final String REASON = "The deadline for the revised application passed without a resubmission.";

    public LapseApplicationDelegate(CommandGateway commandGateway) {
        super(commandGateway);
    }

    @Override
    protected Object command(DelegateExecution execution) {
        return new LapseApplicationCommand(text(execution, Variables.APPLICATION_ID), REASON, SYSTEM_ACTOR);
    }
}
