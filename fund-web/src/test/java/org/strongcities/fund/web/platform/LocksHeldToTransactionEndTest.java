package org.strongcities.fund.web.platform;

import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.strongcities.fund.web.support.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule itself; EventStoreConflictTest shows the deadlock it prevents, through the real commands. */
class LocksHeldToTransactionEndTest extends ApplicationTest {

    @Autowired
    TransactionTemplate transaction;

    private final LocksHeldToTransactionEnd locks = new LocksHeldToTransactionEnd(PessimisticLockFactory.usingDefaults());

    @Test
    void outsideATransactionALockIsReleasedAtOnce() {
        Lock lock = locks.obtainLock("application-1");
        lock.release();
        assertThat(lock.isHeld()).isFalse();
    }

    @Test
    void insideATransactionALockIsReleasedWhenTheTransactionCommits() {
        Lock lock = transaction.execute(status -> {
            Lock taken = locks.obtainLock("application-2");
            taken.release();
            assertThat(taken.isHeld()).as("held until the transaction ends").isTrue();
            return taken;
        });
        assertThat(lock.isHeld()).isFalse();
    }

    @Test
    void insideATransactionALockIsReleasedWhenTheTransactionRollsBack() {
        Lock lock = transaction.execute(status -> {
            Lock taken = locks.obtainLock("application-3");
            taken.release();
            status.setRollbackOnly();
            return taken;
        });
        assertThat(lock.isHeld()).isFalse();
    }

    @Test
    void aLockTakenTwiceInOneTransactionIsReleasedBothTimesAtItsEnd() {
        Lock[] taken = new Lock[2];
        transaction.executeWithoutResult(status -> {
            // Two commands of one process step on the same aggregate.
            taken[0] = locks.obtainLock("application-4");
            taken[0].release();
            taken[1] = locks.obtainLock("application-4");
            taken[1].release();
        });
        assertThat(taken[1].isHeld()).isFalse();
    }
}
