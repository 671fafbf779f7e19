package org.strongcities.fund.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;

/**
 * The stored events of one aggregate (an application or an award), straight from the event store:
 * what happened, when, who did it in which role, and the full payload. Payloads can hold internal
 * review comments, so only staff pages may show them.
 */
@Component
class EventHistory {

    public record Entry(long sequence, String event, String timestamp, String actor, String actorRole, String reason,
                 String payload) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    EventHistory(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<Entry> of(String aggregateId) {
        return jdbc.query("""
                SELECT sequencenumber, payloadtype, "timestamp", metadata, payload FROM domainevententry
                WHERE aggregateidentifier = ? ORDER BY sequencenumber""",
                (rs, row) -> {
                    JsonNode meta = read(rs.getBytes("metadata"));
                    return new Entry(rs.getLong("sequencenumber"), eventName(rs.getString("payloadtype")),
                            rs.getString("timestamp"), text(meta, "actor"), text(meta, "actorRole"), text(meta, "reason"),
                            pretty(rs.getBytes("payload")));
                }, aggregateId);
    }

    /** "org.strongcities.fund.domain.api.ApplicationSubmittedEvent" → "Application submitted". */
    static String eventName(String payloadType) {
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

    private JsonNode read(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return json.readTree(bytes);
        } catch (IOException unreadable) {
            return null;
        }
    }

    private String pretty(byte[] payload) {
        JsonNode node = read(payload);
        if (node == null) {
            return payload == null ? "" : new String(payload, java.nio.charset.StandardCharsets.UTF_8);
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException unwritable) {
            return node.toString();
        }
    }

    private static String text(JsonNode node, String field) {
        return node == null || !node.hasNonNull(field) ? null : node.get(field).asText();
    }
}
