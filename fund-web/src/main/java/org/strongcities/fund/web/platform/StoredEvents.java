package org.strongcities.fund.web.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;

/**
 * The stored events of one aggregate, straight from the event store, as the staff's history pages
 * read them: the one place that says what an event is called, who caused it and why. Payloads can
 * hold internal review comments, so only staff pages may show them.
 */
@Component
public class StoredEvents {

    /**
     * Payload fields that say why, in the words of the person who acted, in the order they are preferred
     * (the metadata's reason comes before all of them). A list: a set's iteration order would differ
     * between JVMs, and with it the reason shown for an event carrying two of them.
     */
    public static final List<String> REASONS = List.of("reason", "rationaleForApplicant", "rationale");

    /** One stored event; payload and metadata are null when they are not JSON. */
    public record StoredEvent(long sequence, String payloadType, String timestamp, JsonNode payload, JsonNode metadata,
                              byte[] storedPayload) {

        /** "org.….ApplicationSubmittedEvent" → "Application submitted". */
        public String name() {
            String name = payloadType.substring(payloadType.lastIndexOf('.') + 1);
            name = name.substring(name.lastIndexOf('$') + 1);
            if (name.endsWith("Event")) {
                name = name.substring(0, name.length() - "Event".length());
            }
            StringBuilder words = new StringBuilder();
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                words.append(i > 0 && Character.isUpperCase(c) ? " " + Character.toLowerCase(c) : String.valueOf(c));
            }
            return words.toString();
        }

        /** Who caused it: the signed-in account the command carried, else the actor the event names. */
        public String actor() {
            String actor = text(metadata, "actor");
            return actor != null ? actor : text(payload, "actor");
        }

        public String actorRole() {
            return text(metadata, "actorRole");
        }

        public String why() {
            String why = text(metadata, "reason");
            for (String field : REASONS) {
                if (why == null) {
                    why = text(payload, field);
                }
            }
            return why;
        }

        public String correlationId() {
            return text(metadata, "correlationId");
        }
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public StoredEvents(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Oldest first. */
    public List<StoredEvent> of(String aggregateId) {
        return jdbc.query("""
                SELECT sequencenumber, payloadtype, "timestamp", metadata, payload FROM domainevententry
                WHERE aggregateidentifier = ? ORDER BY sequencenumber""",
                (rs, row) -> {
                    byte[] payload = rs.getBytes("payload");
                    return new StoredEvent(rs.getLong("sequencenumber"), rs.getString("payloadtype"), rs.getString("timestamp"),
                            read(payload), read(rs.getBytes("metadata")), payload);
                }, aggregateId);
    }

    private JsonNode read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            return json.readTree(bytes);
        } catch (IOException unreadable) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.hasNonNull(field)) {
            return null;
        }
        JsonNode value = node.get(field);
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
