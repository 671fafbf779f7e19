package org.strongcities.fund.web.platform;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The storage engine as the embedded event store sees it, with one difference: a blocking read
 * (the only kind the store's shared event producer opens) ends after {@code maxEventsPerRead}
 * events, and the producer opens the next one from where it stopped.
 *
 * <p>Why: Axon's producer (EmbeddedEventStore 4.13) keeps the node that was newest when a read
 * began in a local variable until that read ends, and the read ends only when the database has
 * nothing new. Every cached event after that node stays reachable, however far the cache has been
 * trimmed. Reading a large backlog (events written while the projections were stopped, by a bulk
 * import, or by other nodes under sustained load) therefore kept every event of the backlog on the
 * heap: 272,000 of them filled 512 MB at the Network's full size (AxonFramework#2954). With reads
 * of bounded length the producer lets go of the old nodes after each one, and the cache stays at
 * its configured size. Nothing is skipped: the next read starts from the last event's token,
 * gaps included.
 */
final class BoundedTailingReads implements EventStorageEngine {

    private final EventStorageEngine engine;
    private final int maxEventsPerRead;

    BoundedTailingReads(EventStorageEngine engine, int maxEventsPerRead) {
        if (maxEventsPerRead < 1) {
            throw new IllegalArgumentException("A read must be allowed at least one event, not " + maxEventsPerRead);
        }
        this.engine = engine;
        this.maxEventsPerRead = maxEventsPerRead;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(trackingToken, mayBlock);
        return mayBlock ? events.limit(maxEventsPerRead) : events;
    }

    // Everything else is the engine's own behaviour, including the methods the interface gives a
    // default for, so that the JDBC engine's versions are the ones that run.

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        engine.appendEvents(events);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        engine.storeSnapshot(snapshot);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        return engine.readEvents(aggregateIdentifier);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return engine.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return engine.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return engine.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return engine.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return engine.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return engine.createTokenAt(dateTime);
    }
}
