package org.strongcities.fund.web.readmodel;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.strongcities.fund.web.readmodel.ReadModelTable.Row;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Where the tracking projections' changes go. While they follow the store, the changes of a batch of
 * events are held back and sent together just before the batch's transaction commits
 * ({@link WriteRounds}); outside a unit of work (nothing to commit with) a change runs at once. A
 * rebuild from the whole store instead folds them into rows in memory ({@link ProjectionFold}) on its
 * own thread, with the same handlers.
 */
@Component
class BatchedWrites {

    private static final String PENDING = BatchedWrites.class.getName() + ".pending";

    private final JdbcTemplate jdbc;
    private final ThreadLocal<ProjectionFold> rebuilding = new ThreadLocal<>();

    BatchedWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void write(RowChange change) {
        ProjectionFold fold = rebuilding.get();
        if (fold != null) {
            fold.apply(change);
        } else if (CurrentUnitOfWork.isStarted()) {
            pending().add(change);
        } else {
            jdbc.update(change.sql(), change.args());
        }
    }

    /**
     * Inserts a row at once, and says whether it is new: for the handlers that claim an event before
     * they add to a total. A rebuild reads each event once, so there every claim is new.
     */
    boolean insertNow(RowChange.Insert insert) {
        ProjectionFold fold = rebuilding.get();
        if (fold != null) {
            fold.apply(insert);
            return true;
        }
        return jdbc.update(insert.sql(), insert.args()) == 1;
    }

    /**
     * The named columns of a row as the changes before this one left it (null: there is no such row).
     * Sends the changes held for that row first.
     */
    Map<String, Object> read(Row row, String... columns) {
        ProjectionFold fold = rebuilding.get();
        if (fold != null) {
            return fold.read(row, columns);
        }
        if (CurrentUnitOfWork.isStarted()) {
            pending().send(row);
        }
        return select(jdbc, row, columns);
    }

    /** Runs {@code work} with this thread's changes folded into {@code fold} instead of sent. */
    <T> T foldingInto(ProjectionFold fold, Supplier<T> work) {
        rebuilding.set(fold);
        try {
            return work.get();
        } finally {
            rebuilding.remove();
        }
    }

    static Map<String, Object> select(JdbcTemplate jdbc, Row row, String... columns) {
        List<Map<String, Object>> found = jdbc.queryForList("SELECT " + String.join(", ", columns) + " FROM " + row.table().name()
                + " WHERE " + row.table().key().stream().map(k -> k + " = ?").collect(Collectors.joining(" AND ")),
                row.key().toArray());
        return found.isEmpty() ? null : found.get(0);
    }

    private WriteRounds pending() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING, key -> {
            WriteRounds pending = new WriteRounds(jdbc);
            batch.onPrepareCommit(u -> pending.send());
            return pending;
        });
    }
}
