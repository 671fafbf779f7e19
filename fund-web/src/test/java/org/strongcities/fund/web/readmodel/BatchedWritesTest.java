package org.strongcities.fund.web.readmodel;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.strongcities.fund.web.platform.EmbeddedDatabase;
import org.strongcities.fund.web.support.ApplicationTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchedWritesTest {

    private static EmbeddedDatabase database;
    private static CountingJdbc jdbc;
    private final BatchedWrites writes = new BatchedWrites(jdbc);

    @BeforeAll
    static void start() {
        database = EmbeddedDatabase.start(ApplicationTest.freshDataDirectory("batched-writes"), 0);
        jdbc = new CountingJdbc(new SingleConnectionDataSource(database.jdbcUrl(), database.username(), "", true));
        jdbc.execute("CREATE TABLE tally (id integer PRIMARY KEY, n integer NOT NULL, steps text NOT NULL)");
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @BeforeEach
    void empty() {
        jdbc.execute("TRUNCATE tally");
        jdbc.calls.clear();
    }

    @Test
    void eachRowTakesItsWritesInOrderWhileTheRowsGoTogether() {
        inBatch(() -> {
            for (int id = 1; id <= 100; id++) {
                insert(id, id);
                // Reads its own row: only right after the insert of that row.
                writes.write(BatchedWrites.Row.of("tally", id), "UPDATE tally SET n = n * 10, steps = steps || ',times' WHERE id = ?", id);
            }
            writes.write(BatchedWrites.Row.of("tally", 7), "UPDATE tally SET n = n + 5, steps = steps || ',plus' WHERE id = ?", 7);
            assertThat(jdbc.calls).as("nothing is sent before the batch commits").isEmpty();
        });

        assertThat(row(1)).containsEntry("n", 10).containsEntry("steps", "in,times");
        assertThat(row(7)).containsEntry("n", 75).containsEntry("steps", "in,times,plus");
        assertThat(jdbc.queryForObject("SELECT sum(n) FROM tally", Long.class)).isEqualTo(10L * 5050 + 5);
        assertThat(jdbc.calls).as("201 writes in three rounds, one JDBC batch each")
                .containsExactly("batch 100", "batch 100", "update");
    }

    @Test
    void aHandlerThatReadsARowFirstSendsThatRowsWritesAlone() {
        inBatch(() -> {
            insert(1, 1);
            insert(2, 2);
            writes.write(BatchedWrites.Row.of("tally", 1), "UPDATE tally SET n = n * 10, steps = steps || ',times' WHERE id = ?", 1);
            writes.flush(BatchedWrites.Row.of("tally", 1));
            assertThat(jdbc.queryForObject("SELECT n FROM tally WHERE id = 1", Integer.class)).isEqualTo(10);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM tally WHERE id = 2", Integer.class)).isZero();
            writes.write(BatchedWrites.Row.of("tally", 1), "UPDATE tally SET n = n + 1, steps = steps || ',plus' WHERE id = ?", 1);
        });
        assertThat(row(1)).containsEntry("n", 11).containsEntry("steps", "in,times,plus");
        assertThat(row(2)).containsEntry("n", 2);
    }

    @Test
    void aRolledBackBatchSendsNothing() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        insert(1, 1);
        batch.rollback();
        assertThat(jdbc.calls).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tally", Integer.class)).isZero();
    }

    @Test
    void outsideABatchAWriteRunsAtOnce() {
        insert(1, 1);
        assertThat(jdbc.calls).containsExactly("update");
        assertThat(row(1)).containsEntry("n", 1);
    }

    @Test
    void aStatementThatCouldReadOrWriteAnotherRowIsRefused() {
        assertThatThrownBy(() -> writes.write(BatchedWrites.Row.of("tally", 1),
                "UPDATE tally SET n = (SELECT max(n) FROM tally) WHERE id = ?", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Not an insert or update of tally alone");
        assertThatThrownBy(() -> writes.write(BatchedWrites.Row.of("other", 1),
                "INSERT INTO tally (id, n, steps) VALUES (?, 1, 'in')", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(jdbc.calls).isEmpty();
    }

    private void insert(int id, int n) {
        writes.write(BatchedWrites.Row.of("tally", id), "INSERT INTO tally (id, n, steps) VALUES (?, ?, 'in')", id, n);
    }

    private static void inBatch(Runnable handlers) {
        DefaultUnitOfWork.startAndGet(null).execute(handlers);
    }

    private static Map<String, Object> row(int id) {
        return jdbc.queryForMap("SELECT n, steps FROM tally WHERE id = ?", id);
    }

    /** Counts the statements and batches sent, each one round trip. */
    private static final class CountingJdbc extends JdbcTemplate {
        final List<String> calls = new ArrayList<>();

        CountingJdbc(SingleConnectionDataSource dataSource) {
            super(dataSource);
        }

        @Override
        public int update(String sql, Object... args) {
            calls.add("update");
            return super.update(sql, args);
        }

        @Override
        public int[] batchUpdate(String sql, List<Object[]> batchArgs) {
            calls.add("batch " + batchArgs.size());
            return super.batchUpdate(sql, batchArgs);
        }
    }
}
