package org.strongcities.fund.web.readmodel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.strongcities.fund.web.platform.EmbeddedDatabase;
import org.strongcities.fund.web.support.ApplicationTest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of change, folded in memory, must leave the row the same statement leaves in the table.
 * A long random run of changes goes once through SQL, one statement at a time, and once through a fold
 * that keeps only a few rows in memory, so that rows are written out and changed again after by SQL.
 */
class ProjectionFoldTest {

    private static final String COLUMNS = """
            (a text, b integer, n numeric(20, 2) NOT NULL DEFAULT 0, first_at timestamptz, version integer NOT NULL DEFAULT 0,
             status text, note text, PRIMARY KEY (a, b))""";
    private static final ReadModelTable BY_SQL = new ReadModelTable("by_sql", List.of("a", "b"), false);
    private static final ReadModelTable BY_FOLD = new ReadModelTable("by_fold", List.of("a", "b"), false);
    private static final ReadModelTable LOG_BY_SQL = new ReadModelTable("log_by_sql", List.of("a", "b"), true);
    private static final ReadModelTable LOG_BY_FOLD = new ReadModelTable("log_by_fold", List.of("a", "b"), true);
    private static final String[] NOTES = {"plain", "tab\there", "line\nend", "back\\slash", "quote ' and \"", "Kampala – ünïcode",
            "\\N", "", null};

    private static EmbeddedDatabase database;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        database = EmbeddedDatabase.start(ApplicationTest.freshDataDirectory("projection-fold"), 0);
        jdbc = new JdbcTemplate(new SingleConnectionDataSource(database.jdbcUrl(), database.username(), "", true));
        for (String table : List.of("by_sql", "by_fold", "log_by_sql", "log_by_fold")) {
            jdbc.execute("CREATE TABLE " + table + " " + COLUMNS);
        }
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void foldingChangesInMemoryGivesTheRowsTheStatementsGive() {
        Random random = new Random(20261126L);
        ProjectionFold fold = new ProjectionFold(jdbc, 5);
        int reads = 0;
        for (int step = 0; step < 3_000; step++) {
            long seed = random.nextLong();
            RowChange bySql = change(new Random(seed), BY_SQL);
            jdbc.update(bySql.sql(), bySql.args());
            fold.apply(change(new Random(seed), BY_FOLD));
            if (step % 7 == 0) {
                String a = "k" + random.nextInt(4);
                int b = random.nextInt(6);
                Map<String, Object> fromFold = fold.read(BY_FOLD.row(a, b), "n", "version", "status");
                Map<String, Object> fromTable = BatchedWrites.select(jdbc, BY_SQL.row(a, b), "n", "version", "status");
                assertThat(fromFold == null).as("row %s/%s exists in both or neither", a, b).isEqualTo(fromTable == null);
                if (fromTable != null) {
                    assertThat((BigDecimal) fromFold.get("n")).isEqualByComparingTo((BigDecimal) fromTable.get("n"));
                    assertThat(fromFold.get("version")).isEqualTo(fromTable.get("version"));
                    assertThat(fromFold.get("status")).isEqualTo(fromTable.get("status"));
                    reads++;
                }
            }
            if (step % 3 == 0) {
                int b = step;
                String note = NOTES[random.nextInt(NOTES.length)];
                RowChange.Insert logged = RowChange.insert(LOG_BY_SQL.row("log", b)).set("note", note).set("first_at", at(random));
                jdbc.update(logged.sql(), logged.args());
                fold.apply(RowChange.insert(LOG_BY_FOLD.row("log", b)).set("note", note).set("first_at", logged.values().get("first_at")));
            }
        }
        // A whole minute prints without its seconds ("...T10:15Z"), which COPY must still read.
        RowChange.Insert onTheMinute = RowChange.insert(LOG_BY_SQL.row("minute", 0)).set("first_at",
                OffsetDateTime.parse("2026-11-26T10:15:00Z"));
        jdbc.update(onTheMinute.sql(), onTheMinute.args());
        fold.apply(RowChange.insert(LOG_BY_FOLD.row("minute", 0)).set("first_at", OffsetDateTime.parse("2026-11-26T10:15:00Z")));
        fold.finish();

        assertThat(reads).as("reads of rows held and written out").isGreaterThan(50);
        assertThat(rows("by_fold")).hasSizeGreaterThan(10).containsExactlyElementsOf(rows("by_sql"));
        assertThat(rows("log_by_fold")).hasSize(1_001).containsExactlyElementsOf(rows("log_by_sql"));
    }

    /** One change of every kind in turn, to one of 24 rows, drawn from {@code random}. */
    private static RowChange change(Random random, ReadModelTable table) {
        ReadModelTable.Row row = table.row("k" + random.nextInt(4), random.nextInt(6));
        BigDecimal amount = BigDecimal.valueOf(random.nextInt(100_000), 2);
        return switch (random.nextInt(9)) {
            case 0 -> RowChange.insert(row).set("n", amount).set("first_at", null).set("version", 0).set("status", "DUE")
                    .set("note", NOTES[random.nextInt(NOTES.length)]);
            case 1 -> RowChange.insert(row).set("n", amount).set("first_at", null).set("version", 1).set("status", "DUE")
                    .addingOnConflict("n");
            case 2 -> RowChange.update(row).add("n", amount);
            case 3 -> RowChange.update(row).keepFirst("first_at", at(random));
            case 4 -> RowChange.update(row).atLeast("version", random.nextInt(10));
            case 5 -> RowChange.update(row).set("status", random.nextBoolean() ? "REJECTED" : "ACCEPTED")
                    .set("note", NOTES[random.nextInt(NOTES.length)]);
            case 6 -> RowChange.update(row).set("status", "OVERDUE").onlyIfOneOf("status", "DUE", "REJECTED");
            case 7 -> RowChange.update(row).set("note", "revised").set("version", 5).onlyIfAtMost("version", random.nextInt(8));
            default -> RowChange.update(row).set("first_at", random.nextBoolean() ? null : at(random));
        };
    }

    private static OffsetDateTime at(Random random) {
        return Instant.ofEpochSecond(1_700_000_000L + random.nextInt(50_000_000), random.nextInt(1_000_000) * 1_000L)
                .atOffset(ZoneOffset.UTC);
    }

    private static List<String> rows(String table) {
        return jdbc.queryForList("SELECT (a, b, n, first_at, version, status, note)::text FROM " + table
                + " ORDER BY a, b", String.class);
    }
}
