package org.strongcities.fund.web.readmodel;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The writes of the case projections, held back while a batch of events is handled and sent
 * together just before the batch's transaction commits: a few round trips per batch instead of one
 * per statement. A rebuild of 'cases' waited for PostgreSQL's answer to each of its 2-6 statements
 * per event.
 * <p>
 * Every write names the one row it changes ({@link Row}: its table and primary key) and may read
 * only that row, so writes to different rows commute. They go out in rounds: the first write of
 * every row, then the second, and so on, each round one JDBC batch per statement text. Each row
 * sees its writes in the order they were made. A handler that reads a row first sends that row's
 * writes ({@link #flush(Row)}). Outside a unit of work (nothing to commit with) a write runs at once.
 */
@Component
class BatchedWrites {

    private static final String PENDING = BatchedWrites.class.getName() + ".pending";
    /** Statement texts already found to write only the table their row names. */
    private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();

    private final JdbcTemplate jdbc;

    BatchedWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One row of a read-model table: the table and the values of its primary key, in key order. */
    record Row(String table, List<Object> key) {
        static Row of(String table, Object... key) {
            return new Row(table, List.of(key));
        }
    }

    /** Queues a statement that inserts or updates {@code row} alone, reading nothing but that row. */
    void write(Row row, String sql, Object... args) {
        requireOneTable(row.table(), sql);
        if (CurrentUnitOfWork.isStarted()) {
            pending().add(new Write(row, sql, args));
        } else {
            jdbc.update(sql, args);
        }
    }

    /**
     * Sends the writes queued for {@code row}, so that a handler reading it sees the events before it.
     * Sending them ahead of the other rows' writes is sound for the same reason the rounds are.
     */
    void flush(Row row) {
        if (CurrentUnitOfWork.isStarted()) {
            pending().send(row);
        }
    }

    /**
     * Reordering is only sound for a statement that touches its own row; one that selects or joins
     * could read a row whose writes the rounds moved. Checked once per statement text.
     */
    private static void requireOneTable(String table, String sql) {
        if (CHECKED.contains(sql)) {
            return;
        }
        String words = " " + sql.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ") + " ";
        if (!(words.startsWith(" insert into " + table + " ") || words.startsWith(" update " + table + " "))
                || words.contains(" select ") || words.contains(" from ")) {
            throw new IllegalArgumentException("Not an insert or update of " + table + " alone: " + sql);
        }
        CHECKED.add(sql);
    }

    private Pending pending() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING, key -> {
            Pending pending = new Pending();
            batch.onPrepareCommit(u -> pending.send());
            return pending;
        });
    }

    private record Write(Row row, String sql, Object[] args) {
    }

    private final class Pending {

        private final List<Write> writes = new ArrayList<>();

        void add(Write write) {
            writes.add(write);
        }

        void send(Row row) {
            for (Iterator<Write> queued = writes.iterator(); queued.hasNext(); ) {
                Write write = queued.next();
                if (write.row().equals(row)) {
                    queued.remove();
                    jdbc.update(write.sql(), write.args());
                }
            }
        }

        void send() {
            Map<Row, Integer> writesOfRow = new HashMap<>();
            List<Map<String, List<Object[]>>> rounds = new ArrayList<>();
            for (Write write : writes) {
                int round = writesOfRow.merge(write.row(), 1, Integer::sum) - 1;
                if (round == rounds.size()) {
                    rounds.add(new LinkedHashMap<>());
                }
                rounds.get(round).computeIfAbsent(write.sql(), sql -> new ArrayList<>()).add(write.args());
            }
            writes.clear();
            for (Map<String, List<Object[]>> round : rounds) {
                round.forEach((sql, args) -> {
                    if (args.size() == 1) {
                        jdbc.update(sql, args.get(0));
                    } else {
                        jdbc.batchUpdate(sql, args);
                    }
                });
            }
        }
    }
}
