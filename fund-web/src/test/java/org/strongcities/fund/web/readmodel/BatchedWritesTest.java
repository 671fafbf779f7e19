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

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchedWritesTest {

    private static EmbeddedDatabase database;
    private static CountingJdbc jdbc;
    private final BatchedWrites writes = new BatchedWrites(jdbc);

    private static final ReadModelTable TALLY = new ReadModelTable("tally", List.of("id"), false);

    @BeforeAll
    static void start() {
        database = EmbeddedDatabase.start(ApplicationTest.freshDataDirectory("batched-writes"), 0);
        jdbc = new CountingJdbc(new SingleConnectionDataSource(database.jdbcUrl(), database.username(), "", true));
        jdbc.execute("CREATE TABLE tally (id integer PRIMARY KEY, n numeric NOT NULL, steps text NOT NULL)");
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
                writes.write(RowChange.update(TALLY.row(id)).set("n", BigDecimal.valueOf(10L * id)).set("steps", "in,times"));
            }
            // Only right after the row's second write gives 75; before it, 70.
            writes.write(RowChange.update(TALLY.row(7)).add("n", BigDecimal.valueOf(5)).set("steps", "in,times,plus"));
            assertThat(jdbc.calls).as("nothing is sent before the batch commits").isEmpty();
        });

        assertThat(row(1)).containsEntry("n", new BigDecimal("10")).containsEntry("steps", "in,times");
        assertThat(row(7)).containsEntry("n", new BigDecimal("75")).containsEntry("steps", "in,times,plus");
        assertThat(jdbc.queryForObject("SELECT sum(n) FROM tally", Long.class)).isEqualTo(10L * 5050 + 5);
        assertThat(jdbc.calls).as("201 writes in three rounds, one JDBC batch each")
                .containsExactly("batch 100", "batch 100", "update");
    }

    @Test
    void aHandlerThatReadsARowFirstSendsThatRowsWritesAlone() {
        inBatch(() -> {
            insert(1, 1);
            insert(2, 2);
            writes.write(RowChange.update(TALLY.row(1)).set("n", BigDecimal.TEN).set("steps", "in,times"));
            assertThat(writes.read(TALLY.row(1), "n")).containsEntry("n", BigDecimal.TEN);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM tally WHERE id = 2", Integer.class)).isZero();
            assertThat(writes.read(TALLY.row(3), "n")).as("no such row").isNull();
            writes.write(RowChange.update(TALLY.row(1)).add("n", BigDecimal.ONE).set("steps", "in,times,plus"));
        });
        assertThat(row(1)).containsEntry("n", new BigDecimal("11")).containsEntry("steps", "in,times,plus");
        assertThat(row(2)).containsEntry("n", new BigDecimal("2"));
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
        assertThat(row(1)).containsEntry("n", BigDecimal.ONE);
    }

    @Test
    void anInsertOnlyTableTakesNoUpdates() {
        ReadModelTable log = new ReadModelTable("tally", List.of("id"), true);
        assertThatThrownBy(() -> RowChange.update(log.row(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("insert-only");
        assertThatThrownBy(() -> TALLY.row(1, 2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keyed by [id]");
    }

    private void insert(int id, int n) {
        writes.write(RowChange.insert(TALLY.row(id)).set("n", BigDecimal.valueOf(n)).set("steps", "in"));
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
