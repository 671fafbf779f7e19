package org.strongcities.fund.web.platform;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Read models are fed by tracking processors, a few milliseconds behind the event store. After a
 * person's own command the next page must show its effect, so the web layer waits (briefly, with a
 * bound) until the processors on this node have caught up with the newest stored event.
 */
@Component
public class ReadModels {

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;

    public ReadModels(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    /** Returns once every streaming processor has handled the newest event stored so far, or after a few seconds. */
    public void awaitCaughtUp() {
        Long newest = jdbc.queryForObject("SELECT coalesce(max(globalindex), -1) FROM domainevententry", Long.class);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!caughtUp(newest) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean caughtUp(long newest) {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::isRunning)
                .allMatch(processor -> processor.processingStatus().values().stream()
                        .allMatch(status -> position(status).orElse(-1) >= newest));
    }

    private static OptionalLong position(EventTrackerStatus status) {
        return status.getCurrentPosition();
    }
}
