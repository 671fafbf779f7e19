package org.strongcities.fund.web.platform;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.strongcities.fund.domain.api.BusinessRuleViolation;

import java.util.Optional;

/**
 * The message a person can act on when a command is refused, or empty when the failure is a bug
 * that must surface as an error instead of being shown as if it were the user's mistake.
 */
public final class CommandFailures {

    private CommandFailures() {
    }

    public static Optional<String> userMessage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BusinessRuleViolation || t instanceof IllegalArgumentException) {
                return Optional.ofNullable(t.getMessage());
            }
            if (t instanceof AggregateNotFoundException) {
                return Optional.of("That record does not exist (any more): go back to the list and open it again.");
            }
            if (t instanceof ConcurrencyException) {
                return Optional.of("Someone else changed this record at the same moment: reload the page and try again.");
            }
            if (t instanceof CommandExecutionException execution && execution.getDetails().isPresent()) {
                return Optional.of(String.valueOf(execution.getDetails().get()));
            }
        }
        return Optional.empty();
    }

    /** Runs a command and turns a refusal into its message; anything else is rethrown. */
    public static Optional<String> attempt(Runnable command) {
        try {
            command.run();
            return Optional.empty();
        } catch (RuntimeException failure) {
            return Optional.of(userMessage(failure).orElseThrow(() -> failure));
        }
    }
}
