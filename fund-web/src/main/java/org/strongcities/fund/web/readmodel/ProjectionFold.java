package org.strongcities.fund.web.readmodel;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.strongcities.fund.web.readmodel.ReadModelTable.Row;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rows a rebuild makes, folded in memory from the changes of every event and written with
 * PostgreSQL's COPY: once per row instead of once per event and row, which is where a replay through
 * SQL statements spent its time (as much in PostgreSQL as in the JVM).
 * <p>
 * Rows of insert-only tables go straight to COPY. The other rows stay in memory while they are in use,
 * at most {@code rowsKept} of them: the least recently changed row is written out, and its later
 * changes (rare: a case's events come close together) go as SQL after every COPY, in order
 * ({@link WriteRounds}). Which rows were written out is kept as 64-bit hashes; a row that merely shares
 * a hash takes the same SQL path, which is slower but as right. Runs inside the rebuild's transaction.
 */
final class ProjectionFold {

    /** A COPY's worth of rows: sent when this much text is waiting. */
    private static final int COPY_CHUNK_CHARS = 4 << 20;
    /** Changes to rows written out, held at most: then sent, after the rows' COPY, so memory stays bounded. */
    private static final int CHANGES_AFTER_COPY = 10_000;

    private final JdbcTemplate jdbc;
    private final int rowsKept;
    private final LinkedHashMap<Row, Map<String, Object>> rows = new LinkedHashMap<>(1 << 16, 0.75f, true);
    private final Set<Long> writtenOut = new HashSet<>();
    private final WriteRounds afterCopy;
    /** Rows waiting for COPY, per table and set of columns (columns a row never set keep their default). */
    private final Map<ReadModelTable, Map<Long, Copy>> copies = new HashMap<>();
    /** Each table's columns as they are first seen, numbered: a row's set of columns is a bit mask of them. */
    private final Map<ReadModelTable, Map<String, Integer>> columnNumbers = new HashMap<>();
    private long rowsCopied;

    ProjectionFold(JdbcTemplate jdbc, int rowsKept) {
        this.jdbc = jdbc;
        this.rowsKept = rowsKept;
        this.afterCopy = new WriteRounds(jdbc);
    }

    void apply(RowChange change) {
        Row row = change.row();
        if (row.table().insertOnly()) {
            copy(row.table(), ((RowChange.Insert) change).fold(null));
            return;
        }
        Map<String, Object> held = rows.get(row);
        if (held != null) {
            change.fold(held);
        } else if (writtenOut.contains(hash(row))) {
            afterCopy.add(change);
            if (afterCopy.size() >= CHANGES_AFTER_COPY) {
                sendCopies();
                afterCopy.send();
            }
        } else {
            Map<String, Object> created = change.fold(null);
            if (created != null) {
                rows.put(row, created);
                writeOutLeastRecentIfFull();
            }
        }
    }

    Map<String, Object> read(Row row, String... columns) {
        if (row.table().insertOnly()) {
            throw new IllegalArgumentException(row.table().name() + " is insert-only: a rebuild does not keep its rows to read");
        }
        Map<String, Object> held = rows.get(row);
        if (held != null) {
            Map<String, Object> values = new HashMap<>();
            for (String column : columns) {
                values.put(column, RowChange.held(held, column));
            }
            return values;
        }
        if (!writtenOut.contains(hash(row))) {
            return null;
        }
        sendCopies();
        afterCopy.send(row);
        return BatchedWrites.select(jdbc, row, columns);
    }

    /**
     * Writes every row still in memory, then the changes that came after their rows were written out.
     * The fold can go on after it, for rows it has not held before (a rebuild's next pass).
     */
    void finish() {
        rows.forEach((row, columns) -> copy(row.table(), columns));
        rows.clear();
        writtenOut.clear();
        sendCopies();
        afterCopy.send();
    }

    /** Rows written by COPY so far. */
    long rowsWritten() {
        return rowsCopied;
    }

    private void writeOutLeastRecentIfFull() {
        if (rows.size() <= rowsKept) {
            return;
        }
        Iterator<Map.Entry<Row, Map<String, Object>>> oldest = rows.entrySet().iterator();
        Map.Entry<Row, Map<String, Object>> entry = oldest.next();
        oldest.remove();
        writtenOut.add(hash(entry.getKey()));
        copy(entry.getKey().table(), entry.getValue());
    }

    /** One COPY statement's rows waiting: a table and a set of columns, in column-name order. */
    private record Copy(String statement, String[] columns, StringBuilder text) {
    }

    private void copy(ReadModelTable table, Map<String, Object> columns) {
        Map<String, Integer> numbers = columnNumbers.computeIfAbsent(table, t -> new HashMap<>());
        long mask = 0;
        for (String column : columns.keySet()) {
            Integer number = numbers.get(column);
            if (number == null) {
                number = numbers.size();
                if (number == Long.SIZE) {
                    throw new IllegalStateException(table.name() + " has more columns than a rebuild can tell apart");
                }
                numbers.put(column, number);
            }
            mask |= 1L << number;
        }
        Copy copy = copies.computeIfAbsent(table, t -> new HashMap<>()).computeIfAbsent(mask, m -> {
            String[] names = new TreeSet<>(columns.keySet()).toArray(String[]::new);
            return new Copy("COPY " + table.name() + " (" + String.join(", ", names) + ") FROM STDIN", names, new StringBuilder());
        });
        StringBuilder text = copy.text();
        for (int i = 0; i < copy.columns().length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            appendCopyText(text, columns.get(copy.columns()[i]));
        }
        text.append('\n');
        rowsCopied++;
        if (text.length() > COPY_CHUNK_CHARS) {
            send(copy);
        }
    }

    private void sendCopies() {
        copies.values().forEach(ofTable -> ofTable.values().forEach(this::send));
    }

    private void send(Copy copy) {
        StringBuilder text = copy.text();
        if (text.isEmpty()) {
            return;
        }
        String rowsText = text.toString();
        text.setLength(0);
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy.statement(), new StringReader(rowsText));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** PostgreSQL's COPY text format: \N for null, and backslash, tab and line ends escaped. */
    static void appendCopyText(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        String plain = value instanceof BigDecimal number ? number.toPlainString() : value.toString();
        if (!needsEscaping(plain)) {
            text.append(plain);
            return;
        }
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    private static boolean needsEscaping(String plain) {
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /** 64 bits from the key values' own (cached) hashes: a collision only sends a row's changes the slower way. */
    private static long hash(Row row) {
        long hash = row.table().name().hashCode();
        for (Object value : row.key()) {
            hash = (hash ^ (hash >>> 29)) * 0x9E3779B97F4A7C15L + value.hashCode();
        }
        return hash;
    }
}
