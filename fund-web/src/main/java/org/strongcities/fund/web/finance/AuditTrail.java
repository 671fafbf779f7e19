package org.strongcities.fund.web.finance;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Service;
import org.strongcities.fund.web.platform.StoredEvents;
import org.strongcities.fund.web.security.Role;

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
    private static final int LONGEST_VALUE = 240;

    private final StoredEvents stored;
    private final FinanceFormat format;

    AuditTrail(StoredEvents stored, FinanceFormat format) {
        this.stored = stored;
        this.format = format;
    }

    List<Step> of(String aggregateId) {
        return stored.of(aggregateId).stream().map(event -> new Step(event.sequence(), when(event.timestamp()), event.actor(),
                Role.labelsOf(event.actorRole()), event.name(), event.why(), details(event.payload()), event.correlationId())).toList();
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
            if (SKIPPED.contains(field.getKey()) || StoredEvents.REASONS.contains(field.getKey()) || field.getValue().isNull()) {
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
}
