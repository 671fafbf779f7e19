package org.strongcities.fund.web.finance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.strongcities.fund.web.security.Role;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The audit trail of one contribution or award, read straight from the event store (the record,
 * not a read model): who (actor and role from the metadata), when, what (the event and its facts)
 * and why (the reason in the metadata or the event).
 */
@Service
class AuditTrail {

    /** One stored event as a person reads it. */
    record Step(long sequence, String when, String actor, String role, String what, String why, String details,
                String correlationId) {
    }

    /** Facts that are not worth a column: ids repeated in every event and the actor already shown. */
    private static final Set<String> SKIPPED = Set.of("actor", "contributionId", "awardId");
    private static final Set<String> REASONS = Set.of("reason", "rationaleForApplicant", "rationale");
    private static final int LONGEST_VALUE = 240;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final FinanceFormat format;

    AuditTrail(JdbcTemplate jdbc, ObjectMapper json, FinanceFormat format) {
        this.jdbc = jdbc;
        this.json = json;
        this.format = format;
    }

    List<Step> of(String aggregateId) {
        return jdbc.query("""
                SELECT sequencenumber, payloadtype, payload, metadata, "timestamp" FROM domainevententry
                WHERE aggregateidentifier = ? ORDER BY sequencenumber""",
                (rs, row) -> step(rs.getLong("sequencenumber"), rs.getString("payloadtype"), rs.getBytes("payload"),
                        rs.getBytes("metadata"), rs.getString("timestamp")), aggregateId);
    }

    private Step step(long sequence, String payloadType, byte[] payload, byte[] metadata, String timestamp) {
        JsonNode event = read(payload);
        JsonNode meta = read(metadata);
        String actor = text(meta, "actor");
        if (actor == null) {
            actor = text(event, "actor");
        }
        String why = text(meta, "reason");
        for (String field : REASONS) {
            if (why == null) {
                why = text(event, field);
            }
        }
        return new Step(sequence, when(timestamp), actor, role(text(meta, "actorRole")), what(payloadType), why,
                details(event), text(meta, "correlationId"));
    }

    /** "org.….ReceiptRecordedEvent" → "Receipt recorded". */
    static String what(String payloadType) {
        String name = payloadType.substring(payloadType.lastIndexOf('.') + 1);
        name = name.substring(name.lastIndexOf('$') + 1);
        if (name.endsWith("Event")) {
            name = name.substring(0, name.length() - "Event".length());
        }
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (i > 0 && Character.isUpperCase(c)) {
                words.append(' ').append(Character.toLowerCase(c));
            } else {
                words.append(c);
            }
        }
        return words.toString();
    }

    /** "ROLE_FINANCE_OFFICER" → "Finance officer"; anything else as stored. */
    static String role(String stored) {
        if (stored == null) {
            return null;
        }
        List<String> labels = new ArrayList<>();
        for (String authority : stored.split(",")) {
            String name = authority.trim().replaceFirst("^ROLE_", "");
            try {
                labels.add(Role.valueOf(name).label());
            } catch (IllegalArgumentException notARole) {
                labels.add(name);
            }
        }
        return String.join(", ", labels);
    }

    private String when(String timestamp) {
        try {
            return format.when(Instant.parse(timestamp));
        } catch (DateTimeParseException | NullPointerException unreadable) {
            return timestamp;
        }
    }

    /** The event's facts as "name: value" pairs; amounts as "USD 1,000.00", nested structures as compact JSON. */
    private String details(JsonNode event) {
        if (event == null || !event.isObject()) {
            return "";
        }
        List<String> facts = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = event.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (SKIPPED.contains(field.getKey()) || REASONS.contains(field.getKey()) || field.getValue().isNull()) {
                continue;
            }
            facts.add(field.getKey() + ": " + value(field.getValue()));
        }
        return String.join("; ", facts);
    }

    private String value(JsonNode node) {
        if (node.isObject() && node.has("amount") && node.has("currency") && node.size() == 2) {
            return format.money(new BigDecimal(node.get("amount").asText()), node.get("currency").asText());
        }
        if (node.isObject() && node.has("converted") && node.has("rate")) {
            return value(node.get("original")) + " → " + value(node.get("converted")) + " at " + node.get("rate").asText()
                    + " (" + node.path("source").asText() + ", " + node.path("valueDate").asText() + ")";
        }
        String text = node.isValueNode() ? node.asText() : node.toString();
        return text.length() > LONGEST_VALUE ? text.substring(0, LONGEST_VALUE) + "…" : text;
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
