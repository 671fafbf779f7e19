package org.strongcities.fund.web.platform;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.common.stream.BlockingStream;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Spliterators;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Axon's real embedded event store, tailing a backlog that keeps coming: the shape of a catch-up
 * after a bulk import, or of a node under sustained load from others. The storage engine here is a
 * sequence of generated events rather than PostgreSQL, because what is under test is the store's
 * producer and our bound on its reads; the benchmark shows the same at the Network's full size on
 * PostgreSQL (272,000 pinned events and an OutOfMemoryError before, a flat heap after).
 */
class BoundedTailingReadsTest {

    private static final int BACKLOG = 3_000;
    private static final int CACHE = 100;

    @Test
    void theProducerLetsGoOfEventsItHasPassedWhileTheBacklogKeepsComing() throws Exception {
        EndlessBacklog engine = new EndlessBacklog();
        EmbeddedEventStore store = storeOver(new BoundedTailingReads(engine, 200));
        try {
            WeakReference<TrackedEventMessage<?>> first = consumeWholeBacklog(store, engine);

            assertThat(collected(first)).as("the early event is garbage once the cache has moved past it").isTrue();
            assertThat(engine.blockingReads.get()).as("the producer read the backlog in several bounded reads")
                    .isGreaterThanOrEqualTo((BACKLOG - 50) / 200);
        } finally {
            engine.stop();
            store.shutDown();
        }
    }

    /** The failure this guards against: the same store over the engine as it is keeps every event. */
    @Test
    void withoutTheBoundTheProducerPinsEveryEventOfTheBacklog() throws Exception {
        EndlessBacklog engine = new EndlessBacklog();
        EmbeddedEventStore store = storeOver(engine);
        try {
            WeakReference<TrackedEventMessage<?>> first = consumeWholeBacklog(store, engine);

            assertThat(collected(first)).as("Axon's own producer keeps the early event reachable").isFalse();
            assertThat(engine.blockingReads.get()).isEqualTo(2);
        } finally {
            engine.stop();
            store.shutDown();
        }
    }

    @Test
    void readsThatDoNotBlockAndEveryOtherCallAreTheEnginesOwn() {
        EndlessBacklog engine = new EndlessBacklog();
        BoundedTailingReads bounded = new BoundedTailingReads(engine, 5);

        assertThat(bounded.readEvents(new GlobalSequenceTrackingToken(10), false).count()).isEqualTo(BACKLOG - 11);
        assertThat(bounded.readEvents(new GlobalSequenceTrackingToken(10), true).map(e -> index(e.trackingToken())))
                .containsExactly(11L, 12L, 13L, 14L, 15L);
        assertThat(bounded.createHeadToken()).isEqualTo(engine.createHeadToken());
    }

    /**
     * Tails every event of the backlog in order, each once, across the producer's reads, and returns a
     * weak reference to an early event from the shared stream.
     */
    private static WeakReference<TrackedEventMessage<?>> consumeWholeBacklog(EmbeddedEventStore store, EndlessBacklog engine)
            throws Exception {
        WeakReference<TrackedEventMessage<?>> first = null;
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            for (long expected = 0; expected < BACKLOG; expected++) {
                // Like a tracking processor, ask again: the store may answer "nothing yet" before the timeout.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (!stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
                    assertThat(System.nanoTime()).as("event %d arrives within 5 s", expected).isLessThan(deadline);
                }
                TrackedEventMessage<?> event = stream.nextAvailable();
                assertThat(index(event.trackingToken())).isEqualTo(expected);
                engine.consumed.set(expected);
                if (expected == 60) { // from the shared stream, after the producer's first read
                    first = new WeakReference<>(event);
                }
            }
            return first;
        }
    }

    private static boolean collected(WeakReference<?> reference) throws InterruptedException {
        for (int attempt = 0; attempt < 10 && reference.get() != null; attempt++) {
            System.gc();
            Thread.sleep(50);
        }
        return reference.get() == null;
    }

    private static EmbeddedEventStore storeOver(EventStorageEngine engine) {
        return EmbeddedEventStore.builder().storageEngine(engine).cachedEvents(CACHE).fetchDelay(10).build();
    }

    private static long index(TrackingToken token) {
        return ((GlobalSequenceTrackingToken) token).getGlobalIndex();
    }

    /**
     * Events 0 to BACKLOG-1. A read that may not block sees the first 20 (the head when the consumer
     * opened its stream), so the consumer soon joins the shared stream, and no read runs more than
     * half the cache ahead of the consumer, so it never falls behind the cache. The producer's first read ends
     * at a lull (event 50), as it would at the head of a quiet store; from then on the backlog keeps
     * coming: a blocking read goes on to the end and waits for more, as a database under sustained
     * load never answers "nothing new".
     */
    private static final class EndlessBacklog implements EventStorageEngine {
        private static final long FIRST_LULL = 50;
        private static final long AHEAD = CACHE / 2;
        final AtomicInteger blockingReads = new AtomicInteger();
        /** The newest event the consumer has taken: the database never gets far ahead of the reader. */
        final AtomicLong consumed = new AtomicLong(-1);
        private volatile boolean stopped;

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
            long from = token == null ? 0 : index(token) + 1;
            if (mayBlock) {
                blockingReads.incrementAndGet();
            }
            long end = mayBlock ? (from < FIRST_LULL ? FIRST_LULL : Long.MAX_VALUE) : (token == null ? 20 : BACKLOG);
            return StreamSupport.stream(new Spliterators.AbstractSpliterator<TrackedEventMessage<?>>(Long.MAX_VALUE, java.util.Spliterator.ORDERED) {
                private long next = from;

                @Override
                public boolean tryAdvance(Consumer<? super TrackedEventMessage<?>> action) {
                    while ((next >= BACKLOG || mayBlock && next > consumed.get() + AHEAD) && !stopped) {
                        if (next >= end) {
                            return false;
                        }
                        sleep();
                    }
                    if (stopped || next >= end) {
                        return false;
                    }
                    action.accept(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(next++),
                            GenericEventMessage.asEventMessage("event " + next)));
                    return true;
                }
            }, false);
        }

        void stop() {
            stopped = true;
        }

        private static void sleep() {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public TrackingToken createHeadToken() {
            return new GlobalSequenceTrackingToken(BACKLOG - 1);
        }

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            throw new UnsupportedOperationException("read-only backlog");
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            throw new UnsupportedOperationException("read-only backlog");
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            return DomainEventStream.empty();
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            return Optional.empty();
        }
    }
}
