package org.strongcities.fund.web.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import org.strongcities.fund.web.platform.StoredEvents;
import org.strongcities.fund.web.platform.StoredEvents.StoredEvent;
import org.strongcities.fund.web.security.Role;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The stored events of one aggregate (an application or an award) for the live status page: what
 * happened, when, who did it in which role (in words), why, and the full payload. Payloads can hold internal
 * review comments, so only staff pages may show them.
 */
@Component
class EventHistory {

    public record Entry(long sequence, String event, String timestamp, String actor, String actorRole, String reason,
                 String payload) {
    }

    private final StoredEvents stored;
    private final ObjectMapper json;

    EventHistory(StoredEvents stored, ObjectMapper json) {
        this.stored = stored;
        this.json = json;
    }

    List<Entry> of(String aggregateId) {
        return stored.of(aggregateId).stream().map(event -> new Entry(event.sequence(), event.name(), event.timestamp(),
                event.actor(), Role.labelsOf(event.actorRole()), event.why(), pretty(event))).toList();
    }

    private String pretty(StoredEvent event) {
        if (event.payload() == null) {
            return event.storedPayload() == null ? "" : new String(event.storedPayload(), StandardCharsets.UTF_8);
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(event.payload());
        } catch (IOException unwritable) {
            return event.payload().toString();
        }
    }
}
