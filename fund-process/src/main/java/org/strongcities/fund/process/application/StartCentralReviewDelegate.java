package org.strongcities.fund.process.application;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.strongcities.fund.domain.api.StartCentralReviewCommand;
import org.strongcities.fund.process.CommandDelegate;
import org.strongcities.fund.process.application.ApplicationReviewProcess.Variables;

/** task_start_central_review: the application is now with the Central Team. */
@Component(StartCentralReviewDelegate.BEAN)
public class StartCentralReviewDelegate extends CommandDelegate {

    public static final String BEAN = "startCentralReview";

    public StartCentralReviewDelegate(CommandGateway commandGateway) {
        super(commandGateway);
    }

    @Override
    protected Object command(DelegateExecution execution) {
        return new StartCentralReviewCommand(text(execution, Variables.APPLICATION_ID), SYSTEM_ACTOR);
    }
}
