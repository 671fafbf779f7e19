package org.strongcities.fund.web.platform;

import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Holds an aggregate's lock until the database transaction that holds its new events has ended.
 * <p>
 * Axon releases the lock when the unit of work of the command ends. When the command started its own
 * transaction, that is after the commit. A command sent inside a transaction it did not start (a process
 * step in Camunda's job, a task completed together with its command) ends its unit of work before that
 * transaction commits. Released then, the lock let another command load the aggregate without the
 * uncommitted events and append at the same sequence number, which makes PostgreSQL wait for the first
 * transaction; when that transaction then sent its next command to the same aggregate (the eligibility
 * check is followed by the start of the hub review), it waited for the lock: a deadlock that neither
 * PostgreSQL nor Axon can see, ended only after ten seconds by Axon's unit-of-work timeout (a city's
 * withdrawal failed so in CI). Held to the transaction's end, the other command waits for the lock
 * instead, and then loads the committed events.
 * <p>
 * The release runs on the thread that took the lock, as Axon's locks require: Spring calls
 * {@code afterCompletion} on the thread that ends the transaction. While Spring completes a
 * transaction its synchronizations are no longer active, so a release from there is immediate.
 */
public final class LocksHeldToTransactionEnd implements LockFactory {

    private final LockFactory locks;

    public LocksHeldToTransactionEnd(LockFactory locks) {
        this.locks = locks;
    }

    @Override
    public Lock obtainLock(String identifier) {
        Lock lock = locks.obtainLock(identifier);
        return new Lock() {
            @Override
            public void release() {
                if (TransactionSynchronizationManager.isSynchronizationActive()) {
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            lock.release();
                        }
                    });
                } else {
                    lock.release();
                }
            }

            @Override
            public boolean isHeld() {
                return lock.isHeld();
            }
        };
    }
}
