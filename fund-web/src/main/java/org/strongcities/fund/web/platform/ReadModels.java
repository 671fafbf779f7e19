package org.strongcities.fund.web.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Read models are fed by tracking processors, a little behind the event store. After a person's
 * own command the next page must show its effect, so the web layer waits (briefly, with a bound)
 * until every projection has handled the newest stored event. Progress is read from the token
 * table rather than from this node's processors, because with several nodes the projection that
 * matters may run on another one.
 */
@Component
public class ReadModels {

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    public ReadModels(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    /** Returns once every tracking projection has handled the newest event stored so far, or after a few seconds. */
    public void awaitCaughtUp() {
        long newest = newestEvent();
        String[] projections = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(processor -> processor.getName())
                .toArray(String[]::new);
        if (projections.length == 0) {
            return;
        }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (slowestPosition(projections) < newest && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The global index of the newest stored event, -1 when the store is empty. */
    public long newestEvent() {
        return jdbc.queryForObject("SELECT coalesce(max(globalindex), -1) FROM domainevententry", Long.class);
    }

    /** How far a projection has read, on whichever node it runs: its slowest segment's position, -1 when unknown. */
    public long position(String projection) {
        return slowestPosition(new String[]{projection});
    }

    private long slowestPosition(String[] projections) {
        List<byte[]> tokens = jdbc.queryForList("SELECT token FROM tokenentry WHERE processorname = ANY (?)", byte[].class,
                (Object) projections);
        if (tokens.isEmpty()) {
            return -1;
        }
        long slowest = Long.MAX_VALUE;
        for (byte[] token : tokens) {
            slowest = Math.min(slowest, position(token));
        }
        return slowest;
    }

    /** The global index a serialized tracking token has reached (gap-aware or plain), -1 when unknown. */
    private long position(byte[] token) {
        if (token == null) {
            return -1;
        }
        try {
            JsonNode node = json.readTree(token);
            if (node.has("currentToken")) {
                // A replay in progress: its current position is what the read model shows.
                node = node.get("currentToken");
            }
            JsonNode index = node.has("index") ? node.get("index") : node.get("globalIndex");
            return index == null ? -1 : index.asLong();
        } catch (IOException e) {
            return -1;
        }
    }
}
