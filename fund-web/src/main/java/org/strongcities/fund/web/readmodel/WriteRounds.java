package org.strongcities.fund.web.readmodel;

import org.springframework.jdbc.core.JdbcTemplate;
import org.strongcities.fund.web.readmodel.ReadModelTable.Row;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes held back and sent together: the first change of every row, then the second, and so on,
 * each round one JDBC batch per statement text. Each row sees its changes in the order they were
 * made; changes of different rows commute, since each touches and reads its own row alone
 * ({@link RowChange}). A few round trips for a batch of events instead of one per statement.
 */
final class WriteRounds {

    private final JdbcTemplate jdbc;
    private final List<RowChange> changes = new ArrayList<>();

    WriteRounds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(RowChange change) {
        changes.add(change);
    }

    int size() {
        return changes.size();
    }

    /** Sends the changes held for {@code row} now, ahead of the others: sound for the same reason the rounds are. */
    void send(Row row) {
        for (Iterator<RowChange> held = changes.iterator(); held.hasNext(); ) {
            RowChange change = held.next();
            if (change.row().equals(row)) {
                held.remove();
                jdbc.update(change.sql(), change.args());
            }
        }
    }

    void send() {
        Map<Row, Integer> changesOfRow = new HashMap<>();
        List<Map<String, List<Object[]>>> rounds = new ArrayList<>();
        for (RowChange change : changes) {
            int round = changesOfRow.merge(change.row(), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new LinkedHashMap<>());
            }
            rounds.get(round).computeIfAbsent(change.sql(), sql -> new ArrayList<>()).add(change.args());
        }
        changes.clear();
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
