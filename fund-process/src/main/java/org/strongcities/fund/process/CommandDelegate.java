package org.strongcities.fund.process;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A process step that records a fact: it sends exactly one domain command and waits for it, in
 * the transaction of the step. A rejected command fails the step, so the process does not move
 * on without the fact (in a job: retries, then an incident).
 */
public abstract class CommandDelegate implements JavaDelegate {

    /** The actor named in commands the process sends by itself (timers, routing). */
    public static final String SYSTEM_ACTOR = "system";

    private static final Logger log = LoggerFactory.getLogger(CommandDelegate.class);

    private final CommandGateway commandGateway;

    protected CommandDelegate(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /** The command for this step, built from the ids the process holds. */
    protected abstract Object command(DelegateExecution execution);

    @Override
    public void execute(DelegateExecution execution) {
        Object command = command(execution);
        log.info("Case {}: step {} sends {}", execution.getProcessBusinessKey(), execution.getCurrentActivityId(), command);
        commandGateway.sendAndWait(command);
    }

    protected static String text(DelegateExecution execution, String variableName) {
        return (String) execution.getVariable(variableName);
    }
}
