package org.strongcities.fund.process;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes the bridge idempotent: the id of every event it acted on is recorded in
 * process_bridge_handled_event in the same transaction as the process step, so a re-delivered
 * event finds its id and does nothing, and a rolled-back step leaves no id behind.
 */
@Component
public class HandledEvents {

    /** The processing group of the bridge; the web app runs it as a subscribing processor. */
    public static final String PROCESSING_GROUP = "process-bridge";

    private final JdbcTemplate jdbc;

    public HandledEvents(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** True the first time an event id is seen; false on every re-delivery. */
    public boolean firstDelivery(String eventId) {
        return jdbc.update("insert into process_bridge_handled_event (event_id) values (?) on conflict do nothing", eventId) == 1;
    }
}
