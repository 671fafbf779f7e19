package org.strongcities.fund.web.benchmark;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Where the application's database sessions spend a load: PostgreSQL's own view of each session
 * (pg_stat_activity: running, waiting for the client, for a lock, for the WAL flush), sampled every
 * 50 ms. It is how the audit chain's lock showed up as the bottleneck of the command load: a
 * profile of the JVM alone shows threads waiting on a socket, not why.
 */
final class DatabaseWaits {

    private final Map<String, LongAdder> samples = new ConcurrentHashMap<>();
    private final Thread sampler;

    private DatabaseWaits(JdbcTemplate jdbc) {
        sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    jdbc.query("""
                            SELECT CASE WHEN state = 'idle' THEN 'idle between transactions'
                                        WHEN state = 'idle in transaction' THEN 'in a transaction, waiting for the application'
                                        WHEN wait_event IS NULL THEN 'running a statement'
                                        ELSE 'waiting on ' || wait_event_type || ':' || wait_event END
                            FROM pg_stat_activity
                            WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND datname = current_database()""",
                            (RowCallbackHandler) r -> samples.computeIfAbsent(r.getString(1), k -> new LongAdder()).increment());
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    return;
                }
            }
        }, "benchmark-database-waits");
        sampler.setDaemon(true);
    }

    static DatabaseWaits sample(JdbcTemplate jdbc) {
        DatabaseWaits waits = new DatabaseWaits(jdbc);
        waits.sampler.start();
        return waits;
    }

    /** Stops sampling; the shares of the non-idle samples, largest first. */
    String stop() {
        sampler.interrupt();
        Map<String, Long> counts = samples.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("idle between"))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()));
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return "no busy sessions sampled";
        }
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(4)
                .map(e -> String.format("%s %.0f%%", e.getKey(), 100.0 * e.getValue() / total))
                .collect(Collectors.joining("; "));
    }
}
