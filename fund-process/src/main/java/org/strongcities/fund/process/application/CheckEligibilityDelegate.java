package org.strongcities.fund.process.application;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.strongcities.fund.domain.api.RecordEligibilityCommand;
import org.strongcities.fund.process.CommandDelegate;
import org.strongcities.fund.process.application.ApplicationReviewProcess.Decisions;
import org.strongcities.fund.process.application.ApplicationReviewProcess.Variables;

/**
 * task_check_eligibility: evaluates the eligibility table and records its answer on the
 * application. The delegate evaluates the table itself because the table has two outputs
 * (eligible, reason) and a map result could not be stored as a process variable.
 */
@Component(CheckEligibilityDelegate.BEAN)
public class CheckEligibilityDelegate extends CommandDelegate {

    public static final String BEAN = "checkEligibility";

    public CheckEligibilityDelegate(CommandGateway commandGateway) {
        super(commandGateway);
    }

    @Override
    protected Object command(DelegateExecution execution) {
        Map<String, Object> inputs = new HashMap<>();
        for (String input : new String[] {Variables.MEMBER_ACTIVE, Variables.HAS_OVERDUE_REPORTS,
                Variables.PRIORITY_ALIGNED, Variables.REQUESTED_AMOUNT_USD}) {
            inputs.put(input, execution.getVariable(input));
        }
        DmnDecisionResultEntries result = execution.getProcessEngineServices().getDecisionService()
                .evaluateDecisionByKey(Decisions.ELIGIBILITY).variables(inputs).evaluate().getSingleResult();
        boolean eligible = result.<Boolean>getEntry(Decisions.ELIGIBLE);
        String reason = result.getEntry(Decisions.REASON);
        // Routing copies for gateway_eligible and for people looking at the case in Cockpit.
        execution.setVariable(Variables.ELIGIBLE, eligible);
        execution.setVariable(Variables.ELIGIBILITY_REASON, reason);
        return new RecordEligibilityCommand(text(execution, Variables.APPLICATION_ID), eligible, reason, SYSTEM_ACTOR);
    }
}
