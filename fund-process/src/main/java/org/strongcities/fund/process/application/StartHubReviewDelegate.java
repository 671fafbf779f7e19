package org.strongcities.fund.process.application;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.strongcities.fund.domain.api.StartHubReviewCommand;
import org.strongcities.fund.process.CommandDelegate;
import org.strongcities.fund.process.application.ApplicationReviewProcess.Variables;

/** task_start_hub_review: the application is now with the Regional Hub. */
@Component(StartHubReviewDelegate.BEAN)
public class StartHubReviewDelegate extends CommandDelegate {

    public static final String BEAN = "startHubReview";

    public StartHubReviewDelegate(CommandGateway commandGateway) {
        super(commandGateway);
    }

    @Override
    protected Object command(DelegateExecution execution) {
        return new StartHubReviewCommand(text(execution, Variables.APPLICATION_ID), SYSTEM_ACTOR);
    }
}
