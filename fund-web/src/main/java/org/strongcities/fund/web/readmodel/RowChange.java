package org.strongcities.fund.web.readmodel;

import org.strongcities.fund.web.readmodel.ReadModelTable.Row;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One change a projection makes to one read-model row, kept as data rather than as SQL text. While the
 * projections follow the store it is sent as a statement ({@link #sql()}, {@link #args()}); when they
 * are rebuilt from the whole store it is applied to the row held in memory ({@link #fold}), and the
 * rows go to the table once, at the end. Both meanings of each kind of change are written here, side
 * by side, so that a replay cannot come to another row than the statements would.
 * <p>
 * A change touches its own row and reads nothing else, which is what lets {@link BatchedWrites} send
 * the changes of different rows in any order.
 */
abstract sealed class RowChange permits RowChange.Insert, RowChange.Update {

    private final Row row;

    private RowChange(Row row) {
        this.row = row;
    }

    Row row() {
        return row;
    }

    /** A new row; a row already there is left alone (or, with {@link Insert#addingOnConflict}, added to). */
    static Insert insert(Row row) {
        return new Insert(row);
    }

    /** A change to a row; a row that is not there stays not there, as an UPDATE that matches nothing. */
    static Update update(Row row) {
        if (row.table().insertOnly()) {
            throw new IllegalArgumentException(row.table().name() + " is insert-only: its rows are never updated");
        }
        return new Update(row);
    }

    abstract String sql();

    abstract Object[] args();

    /**
     * The row after this change, given the row before it (null: there is none); null if there still is
     * none. Works on {@code columns} in place. A change that needs a column the row does not hold fails:
     * in memory, unlike in the table, there is no column default to fall back on.
     */
    abstract Map<String, Object> fold(Map<String, Object> columns);

    /** Inserts a row with the given columns besides its key. */
    static final class Insert extends RowChange {

        private final Map<String, Object> values = new LinkedHashMap<>();
        private String addedOnConflict;

        private Insert(Row row) {
            super(row);
        }

        Insert set(String column, Object value) {
            values.put(column, value);
            return this;
        }

        /** When the row is already there, adds this insert's value of {@code column} to the row's. */
        Insert addingOnConflict(String column) {
            if (!values.containsKey(column)) {
                throw new IllegalArgumentException("Set " + column + " before adding it on conflict");
            }
            addedOnConflict = column;
            return this;
        }

        Map<String, Object> values() {
            return values;
        }

        @Override
        String sql() {
            List<String> key = row().table().key();
            List<String> columns = new ArrayList<>(key);
            columns.addAll(values.keySet());
            String table = row().table().name();
            return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ") ON CONFLICT (" + String.join(", ", key)
                    + (addedOnConflict == null ? ") DO NOTHING"
                    : ") DO UPDATE SET " + addedOnConflict + " = " + table + "." + addedOnConflict + " + EXCLUDED." + addedOnConflict);
        }

        @Override
        Object[] args() {
            List<Object> args = new ArrayList<>(row().key());
            args.addAll(values.values());
            return args.toArray();
        }

        @Override
        Map<String, Object> fold(Map<String, Object> columns) {
            if (columns == null) {
                Map<String, Object> created = new LinkedHashMap<>();
                List<String> key = row().table().key();
                for (int i = 0; i < key.size(); i++) {
                    created.put(key.get(i), row().key().get(i));
                }
                created.putAll(values);
                return created;
            }
            if (addedOnConflict != null) {
                columns.put(addedOnConflict, plus(held(columns, addedOnConflict), values.get(addedOnConflict)));
            }
            return columns;
        }
    }

    /** Sets columns of a row, each in one of the ways SQL can from the row's own value. */
    static final class Update extends RowChange {

        private enum Way { SET, ADD, KEEP_FIRST, AT_LEAST }

        private record Assignment(String column, Way way, Object value) {
        }

        private final List<Assignment> assignments = new ArrayList<>();
        private String guardColumn;
        private boolean guardAtMost;
        private List<Object> guardValues = List.of();

        private Update(Row row) {
            super(row);
        }

        Update set(String column, Object value) {
            return assign(column, Way.SET, value);
        }

        /** column = column + value */
        Update add(String column, BigDecimal value) {
            return assign(column, Way.ADD, value);
        }

        /** column = coalesce(column, value): the first value set stays. */
        Update keepFirst(String column, Object value) {
            return assign(column, Way.KEEP_FIRST, value);
        }

        /** column = greatest(column, value) */
        Update atLeast(String column, Comparable<?> value) {
            return assign(column, Way.AT_LEAST, value);
        }

        /** Only when the row's {@code column} is at most {@code value}. */
        Update onlyIfAtMost(String column, Comparable<?> value) {
            guardColumn = column;
            guardAtMost = true;
            guardValues = List.of(value);
            return this;
        }

        /** Only when the row's {@code column} is one of {@code values}. */
        Update onlyIfOneOf(String column, Object... values) {
            guardColumn = column;
            guardAtMost = false;
            guardValues = List.of(values);
            return this;
        }

        private Update assign(String column, Way way, Object value) {
            assignments.add(new Assignment(column, way, value));
            return this;
        }

        @Override
        String sql() {
            StringBuilder sql = new StringBuilder("UPDATE ").append(row().table().name()).append(" SET ");
            sql.append(assignments.stream().map(a -> a.column() + " = " + switch (a.way()) {
                case SET -> "?";
                case ADD -> a.column() + " + ?";
                case KEEP_FIRST -> "coalesce(" + a.column() + ", ?)";
                case AT_LEAST -> "greatest(" + a.column() + ", ?)";
            }).collect(Collectors.joining(", ")));
            sql.append(" WHERE ").append(row().table().key().stream().map(k -> k + " = ?").collect(Collectors.joining(" AND ")));
            if (guardColumn != null) {
                sql.append(" AND ").append(guardColumn).append(guardAtMost ? " <= ?"
                        : " IN (" + guardValues.stream().map(v -> "?").collect(Collectors.joining(", ")) + ")");
            }
            return sql.toString();
        }

        @Override
        Object[] args() {
            List<Object> args = new ArrayList<>();
            assignments.forEach(a -> args.add(a.value()));
            args.addAll(row().key());
            args.addAll(guardValues);
            return args.toArray();
        }

        @Override
        Map<String, Object> fold(Map<String, Object> columns) {
            if (columns == null || !guardHolds(columns)) {
                return columns;
            }
            for (Assignment a : assignments) {
                Object value = switch (a.way()) {
                    case SET -> a.value();
                    case ADD -> plus(held(columns, a.column()), a.value());
                    case KEEP_FIRST -> held(columns, a.column()) != null ? columns.get(a.column()) : a.value();
                    case AT_LEAST -> greatest(held(columns, a.column()), a.value());
                };
                columns.put(a.column(), value);
            }
            return columns;
        }

        /** As SQL compares: a null on either side is not a match. */
        private boolean guardHolds(Map<String, Object> columns) {
            if (guardColumn == null) {
                return true;
            }
            Object held = held(columns, guardColumn);
            if (held == null) {
                return false;
            }
            if (guardAtMost) {
                Object limit = guardValues.get(0);
                return limit != null && compare(held, limit) <= 0;
            }
            return guardValues.stream().anyMatch(v -> Objects.equals(held, v));
        }
    }

    /** A column of a row held in memory, which a change or a handler reads: the row's insert must have set it. */
    static Object held(Map<String, Object> columns, String column) {
        if (!columns.containsKey(column)) {
            throw new IllegalStateException("A change or a handler reads " + column + ", which the insert of the row did not "
                    + "set: set it there, so that a rebuild in memory knows its value");
        }
        return columns.get(column);
    }

    /** As SQL adds: null plus anything is null. */
    private static Object plus(Object held, Object added) {
        return held == null || added == null ? null : ((BigDecimal) held).add((BigDecimal) added);
    }

    /** As PostgreSQL's greatest(): nulls are ignored. */
    private static Object greatest(Object held, Object value) {
        if (held == null) {
            return value;
        }
        return value == null || compare(held, value) >= 0 ? held : value;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }
}
