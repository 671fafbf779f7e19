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
        writes.write(RowChange.insert(ReadModelTable.CASE_EVENT.row(eventId)).set("application_id", applicationId)
                .set("occurred_at", Instants.utc(at)).set("status_word", word).set("detail", detail).set("actor", actor));
    }

    String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
