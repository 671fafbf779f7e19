package org.strongcities.fund.web.finance;

import org.strongcities.fund.web.platform.CommandFailures;
import org.strongcities.fund.web.platform.ReadModels;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.strongcities.fund.domain.api.BusinessRuleViolation;

import java.util.function.Supplier;


/**
 * Sends a finance command and turns a refusal into a form error: the domain's own words for a broken
 * rule, a plain "someone acted first" for a concurrent change. Anything else is a fault and propagates.
 */
@Component
class FinanceCommands {

    private final CommandGateway gateway;
    private final ReadModels readModels;

    FinanceCommands(CommandGateway gateway, ReadModels readModels) {
        this.gateway = gateway;
        this.readModels = readModels;
    }

    /**
     * Builds a command from the form's values. A value the domain refuses as it is made (an amount beyond
     * any grant, a rate typed the other way round, a reference too long to read) is a form error, as a
     * refused command is; null then.
     */
    <C> C build(Supplier<C> command, Errors errors) {
        try {
            return command.get();
        } catch (BusinessRuleViolation refused) {
            reject(errors, refused.getMessage());
            return null;
        }
    }

    boolean send(Object command, Errors errors) {
        return run(() -> gateway.sendAndWait(command), errors);
    }

    /** Runs an action that sends a command (for example completing a process task with it). */
    boolean run(Runnable action, Errors errors) {
        try {
            action.run();
            return true;
        } catch (RuntimeException failure) {
            if (causedBy(failure, ConcurrencyException.class)) {
                errors.reject("finance.error.stale");
                return false;
            }
            reject(errors, CommandFailures.userMessage(failure).orElseThrow(() -> failure));
            return false;
        }
    }

    /** The domain's own words for a broken rule, as the form's error. */
    private static void reject(Errors errors, String refusal) {
        errors.reject("finance.error.rule", new Object[]{refusal}, refusal);
    }

    /** So that the page after the redirect already shows the change (see ReadModels). */
    void awaitReadModel() {
        readModels.awaitCaughtUp();
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
