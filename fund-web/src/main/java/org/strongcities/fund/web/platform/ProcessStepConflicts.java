package org.strongcities.fund.web.platform;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.camunda.bpm.engine.OptimisticLockingException;

/**
 * The error handler of the process bridge, which runs in the transaction of the command whose events
 * it hands to the processes. Every failure propagates, so that the command is rolled back whole. A
 * process instance changed by another transaction at the same moment (a person withdrawing while the
 * process's own job moves the case on) is a conflict like two commands on one aggregate: it leaves as
 * Axon's ConcurrencyException, which the web layer answers with "changed at the same moment, try
 * again" and the finance commands retry, instead of as an engine failure.
 */
final class ProcessStepConflicts implements ListenerInvocationErrorHandler {

    @Override
    public void onError(Exception exception, EventMessage<?> event, EventMessageHandler eventHandler) throws Exception {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockingException conflict) {
                throw new ConcurrencyException("The process of this case was changed at the same moment by another step ("
                        + event.getPayloadType().getSimpleName() + ")", conflict);
            }
        }
        throw exception;
    }
}
