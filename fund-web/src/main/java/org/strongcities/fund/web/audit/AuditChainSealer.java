package org.strongcities.fund.web.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Links stored events into the audit chain shortly after they commit (V29). Every node runs one; the
 * database lets one seal at a time and the others skip their turn, so nodes never wait for each other.
 *
 * <p>A round links what is queued, {@value #BATCH} events per transaction, and then rests
 * {@value #REST_MILLIS} ms: an event is linked within about that long. Each round that links
 * something costs one WAL flush, so the rest weighs how soon an event is linked against how many
 * flushes linking adds when commands trickle in (under load a round links many). A failed round
 * (the database restarting, say) is logged and tried again next round; the queue is in the
 * database, so nothing is lost meanwhile.
 */
@Component
public class AuditChainSealer implements SmartLifecycle {

    static final int BATCH = 1_000;
    static final long REST_MILLIS = 500;

    private static final Logger log = LoggerFactory.getLogger(AuditChainSealer.class);

    private final JdbcTemplate jdbc;
    private ScheduledExecutorService rounds;

    public AuditChainSealer(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Links every event committed before the call (and any committed meanwhile), waiting for a sealer
     * on another node to finish first. Inside a transaction it links in that transaction, the
     * transaction's own uncommitted events included.
     *
     * @return the number of events it linked
     */
    public long sealAll() {
        long sealed = 0;
        int round;
        do {
            round = seal(true);
            sealed += round;
        } while (round == BATCH);
        return sealed;
    }

    /** Events stored and not yet linked, as this session sees them. */
    public long pending() {
        return jdbc.queryForObject("SELECT count(*) FROM event_chain_pending", Long.class);
    }

    private int seal(boolean wait) {
        return jdbc.queryForObject("SELECT event_chain_seal(?, ?)", Integer.class, BATCH, wait);
    }

    private void round() {
        try {
            while (seal(false) == BATCH) {
                // a backlog: go on without resting
            }
        } catch (RuntimeException failed) {
            log.warn("Linking stored events into the audit chain failed; trying again in {} ms: {}", REST_MILLIS,
                    failed.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        rounds = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "audit-chain-sealer");
            thread.setDaemon(true);
            return thread;
        });
        rounds.scheduleWithFixedDelay(this::round, REST_MILLIS, REST_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        rounds.shutdown();
        try {
            if (!rounds.awaitTermination(10, TimeUnit.SECONDS)) {
                rounds.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            rounds.shutdownNow();
            Thread.currentThread().interrupt();
        }
        rounds = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return rounds != null;
    }
}
