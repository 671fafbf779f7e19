package org.strongcities.fund.web.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The applicant's timeline, written by the case and award projections alike, and the JSON form in
 * which both keep structured parts of a case.
 */
@Component
class CaseTimeline {

    private final BatchedWrites writes;
    private final ObjectMapper json;

    CaseTimeline(BatchedWrites writes, ObjectMapper json) {
        this.writes = writes;
        this.json = json;
    }

    /** One step in plain status words; a re-delivered event finds its step already there. */
    void record(String eventId, String applicationId, Instant at, String word, String detail, String actor) {
        writes.write(BatchedWrites.Row.of("rm_case_event", eventId), """
                INSERT INTO rm_case_event (event_id, application_id, occurred_at, status_word, detail, actor)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""",
                eventId, applicationId, Instants.utc(at), word, detail, actor);
    }

    String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
