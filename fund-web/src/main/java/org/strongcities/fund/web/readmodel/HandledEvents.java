package org.strongcities.fund.web.readmodel;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Remembers which events a projection has applied, for the handlers that add to totals and would
 * otherwise count a re-delivered event twice.
 */
@Component("readModelHandledEvents")
public class HandledEvents {

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;

    HandledEvents(JdbcTemplate jdbc, BatchedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /** True the first time this group sees the event; false on every re-delivery. */
    public boolean firstTime(String eventId, String processingGroup) {
        return writes.insertNow(RowChange.insert(ReadModelTable.HANDLED_EVENT.row(eventId, processingGroup)));
    }

    public void forget(String processingGroup) {
        jdbc.update("DELETE FROM rm_handled_event WHERE processing_group = ?", processingGroup);
    }
}
