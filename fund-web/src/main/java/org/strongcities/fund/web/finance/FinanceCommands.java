package org.strongcities.fund.web.finance;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.strongcities.fund.domain.api.BusinessRuleViolation;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Sends a finance command and turns a refusal into a form error: the domain's own words for a broken
 * rule, a plain "someone acted first" for a concurrent change. Anything else is a fault and propagates.
 */
@Component
class FinanceCommands {

    private static final Duration READ_MODEL_WAIT = Duration.ofSeconds(3);

    private final CommandGateway gateway;

    FinanceCommands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    boolean send(Object command, Errors errors) {
        return run(() -> gateway.sendAndWait(command), errors);
    }

    /** Runs an action that sends a command (for example completing a process task with it). */
    boolean run(Runnable action, Errors errors) {
        try {
            action.run();
            return true;
        } catch (BusinessRuleViolation refused) {
            rule(errors, refused);
        } catch (ConcurrencyException stale) {
            errors.reject("finance.error.stale");
        } catch (CommandExecutionException failed) {
            if (failed.getCause() instanceof BusinessRuleViolation refused) {
                rule(errors, refused);
            } else if (failed.getCause() instanceof ConcurrencyException) {
                errors.reject("finance.error.stale");
            } else {
                throw failed;
            }
        }
        return false;
    }

    /**
     * Waits briefly until the read model shows the change, so that the page after the redirect shows it
     * too; the projections usually take milliseconds. Gives up quietly: the page then says what it has.
     */
    static void awaitReadModel(BooleanSupplier shown) {
        long deadline = System.nanoTime() + READ_MODEL_WAIT.toNanos();
        while (!shown.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void rule(Errors errors, BusinessRuleViolation refused) {
        errors.reject("finance.error.rule", new Object[]{refused.getMessage()}, refused.getMessage());
    }
}
