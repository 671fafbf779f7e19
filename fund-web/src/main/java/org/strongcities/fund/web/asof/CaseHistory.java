package org.strongcities.fund.web.asof;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Rebuilds a case as it stood at a moment from the event store itself, not from the read models:
 * the application's events up to then, and the events of its award (if one had been made by then)
 * up to then, folded into a {@link CaseState}.
 */
@Service
public class CaseHistory {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public CaseHistory(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The case after every event stored at or before {@code cutoff}. */
    public CaseState asOf(String applicationId, Instant cutoff) {
        CaseState state = CaseState.none(applicationId);
        for (StoredEvent event : eventsOf(applicationId, cutoff)) {
            state = state.apply(event.payload(), event.at());
        }
        if (state.awardId() != null) {
            for (StoredEvent event : eventsOf(state.awardId(), cutoff)) {
                state = state.apply(event.payload(), event.at());
            }
        }
        return state;
    }

    private record StoredEvent(Object payload, Instant at) {
    }

    /**
     * The aggregate's events in their order. The "timestamp" column is an ISO-8601 text, whose
     * lexical order is not time order (fractions of a second vary in length), so the cut is made
     * on the parsed instant.
     */
    private List<StoredEvent> eventsOf(String aggregateId, Instant cutoff) {
        return jdbc.query("""
                        SELECT payloadtype, payloadrevision, payload, "timestamp" FROM domainevententry
                        WHERE aggregateidentifier = ? ORDER BY sequencenumber""",
                (rs, row) -> new Object[]{rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4)},
                aggregateId).stream()
                .filter(row -> !parse((String) row[3]).isAfter(cutoff))
                .map(row -> new StoredEvent(serializer.deserialize(new SimpleSerializedObject<>((byte[]) row[2],
                        byte[].class, (String) row[0], (String) row[1])), parse((String) row[3])))
                .toList();
    }

    private static Instant parse(String timestamp) {
        return OffsetDateTime.parse(timestamp).toInstant();
    }
}
