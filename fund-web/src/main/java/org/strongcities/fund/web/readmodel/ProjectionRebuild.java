package org.strongcities.fund.web.readmodel;

import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.postgresql.PGStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Rebuilds a tracking projection's tables from the whole event store, in one transaction: its tables
 * emptied (its reset handlers), every event read once in order and handled by the projection's own
 * handlers with their changes folded in memory ({@link ProjectionFold}), the rows written with COPY,
 * and its tokens set to the last event read. Readers of those tables wait for the commit and then see
 * the new rows; a failure leaves the old ones as they were.
 * <p>
 * Resetting the tokens and letting the processor replay gives the same rows (ProjectionRebuildTest
 * compares both with the rows the projection wrote as it went), but sends a statement per event and
 * row, which at the Network's size took minutes. The projection stops on this node for the rebuild and
 * starts again after it; on another node it must be stopped first (its claim on the tokens refuses the
 * rebuild).
 */
@Component
public class ProjectionRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionRebuild.class);


    /** Axon's JDBC storage engine treats missing events this far behind the newest as gaps that may still fill. */
    private static final int GAP_WINDOW = 10_000;
    private static final int EVENTS_PER_READ = 1_000;

    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Serializer serializer;
    private final Configuration axon;
    private final BatchedWrites writes;
    /** With no upcaster, a stored event's type is the type its handler takes, so the read can skip the others. */
    private final boolean storedTypesAreFinal;
    /**
     * Events a pass reads, at most. Cases run for months, so the rows of a whole store's cases in flight
     * do not fit in memory at once; each pass reads the events of a share of the aggregates (by a hash of
     * their id), whose rows do fit. Every row belongs to one aggregate's events (the same rule that lets
     * 'cases' run in segments), so the passes never meet.
     */
    private final int eventsPerPass;
    /**
     * Rows held in memory at once, at most: a case's rows take a kilobyte or two. A pass's rows fit, so
     * normally none is written out before its last change.
     */
    private final int rowsKept;

    ProjectionRebuild(EventProcessingConfiguration processing, TokenStore tokens, DataSource dataSource, JdbcTemplate jdbc,
                      PlatformTransactionManager transactions, @Qualifier("eventSerializer") Serializer serializer,
                      Configuration axon, BatchedWrites writes, ObjectProvider<EventUpcaster> upcasters,
                      @Value("${fund.rebuild.events-per-pass:200000}") int eventsPerPass,
                      @Value("${fund.rebuild.rows-kept:100000}") int rowsKept) {
        this.processing = processing;
        this.tokens = tokens;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.serializer = serializer;
        this.axon = axon;
        this.writes = writes;
        this.storedTypesAreFinal = upcasters.stream().findAny().isEmpty();
        this.eventsPerPass = eventsPerPass;
        this.rowsKept = rowsKept;
    }

    /** What a rebuild read and wrote. */
    public record Rebuilt(String group, long eventsRead, long eventsHandled, int passes, long rowsWritten, double seconds) {
    }

    public Rebuilt rebuild(String group) {
        StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException("There is no tracking projection called '" + group + "'"));
        EventHandlerInvoker invoker = ((AbstractEventProcessor) processor).eventHandlerInvoker();
        boolean wasRunning = processor.isRunning();
        long start = System.nanoTime();
        processor.shutDown();
        try {
            Rebuilt rebuilt = transaction.execute(status -> {
                int[] segments = claimTokens(group);
                invoker.performReset();
                ProjectionFold fold = new ProjectionFold(jdbc, rowsKept);
                StreamRead read = writes.foldingInto(fold, () -> readAndHandle(invoker, storedTypesHandled(invoker), fold));
                long rows = fold.rowsWritten();
                for (int segment : segments) {
                    tokens.storeToken(read.token(), group, segment);
                    tokens.releaseClaim(group, segment);
                }
                return new Rebuilt(group, read.events, read.handled, read.passes, rows, (System.nanoTime() - start) / 1e9);
            });
            LOG.info("Projection '{}' rebuilt from {} events ({} handled, in {} pass(es)) into {} rows in {} s", group,
                    rebuilt.eventsRead(), rebuilt.eventsHandled(), rebuilt.passes(), rebuilt.rowsWritten(),
                    String.format("%.1f", rebuilt.seconds()));
            return rebuilt;
        } finally {
            if (wasRunning) {
                processor.start();
            }
        }
    }

    /** Claims every segment's token inside the rebuild's transaction: refused while another node holds one. */
    private int[] claimTokens(String group) {
        int[] segments = tokens.fetchSegments(group);
        if (segments.length == 0) {
            throw new IllegalStateException("Projection '" + group + "' has no tokens yet: start the application once first");
        }
        for (int segment : segments) {
            try {
                tokens.fetchToken(group, segment);
            } catch (UnableToClaimTokenException held) {
                throw new IllegalStateException("Projection '" + group + "' is running on another node (segment " + segment
                        + "): stop it there before rebuilding it", held);
            }
        }
        return segments;
    }

    /**
     * Every stored event (of the given types, or all when null), read on a connection of its own (one
     * snapshot of the store, by cursors), upcast and deserialised as the processor would, and handled by
     * the projection's handlers: in passes over shares of the aggregates, each in the store's order, its
     * rows written when it ends. Every position is counted, read or skipped, for the token. No handler
     * of a projection reads an event's metadata, so it is not read.
     */
    private StreamRead readAndHandle(EventHandlerInvoker invoker, List<String> types, ProjectionFold fold) {
        StreamRead read = new StreamRead();
        ExecutorService deserialiser = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "rebuild-deserialiser"));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            read.counted(connection, types);
            read.passes = (int) Math.max(1, (read.toHandle + eventsPerPass - 1) / eventsPerPass);
            for (int pass = 0; pass < read.passes; pass++) {
                readPass(connection, types, pass, read.passes, invoker, read, deserialiser);
                fold.finish();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the event store for a rebuild", e);
        } finally {
            deserialiser.shutdownNow();
        }
        return read;
    }

    private void readPass(Connection connection, List<String> types, int pass, int passes, EventHandlerInvoker invoker,
                          StreamRead read, ExecutorService deserialiser) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT globalindex, type, aggregateidentifier, sequencenumber, eventidentifier, "timestamp", payloadtype,
                    payloadrevision, payload FROM domainevententry WHERE (? OR payloadtype = ANY (?))
                    AND (hashtext(aggregateidentifier) & 2147483647) % ? = ? ORDER BY globalindex""")) {
            ofTypes(select, types);
            select.setInt(3, passes);
            select.setInt(4, pass);
            // Binary results from the first execution: bytea as bytes, not hexadecimal text to decode.
            select.unwrap(PGStatement.class).setPrepareThreshold(-1);
            select.setFetchSize(EVENTS_PER_READ);
            List<TrackedEventData<?>> batch = new ArrayList<>(EVENTS_PER_READ);
            Future<List<TrackedEventMessage<?>>> ahead = CompletableFuture.completedFuture(List.of());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long index = rows.getLong(1);
                    batch.add(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(index), new GenericDomainEventEntry<>(
                            rows.getString(2), rows.getString(3), rows.getLong(4), rows.getString(5), rows.getString(6),
                            rows.getString(7), rows.getString(8), rows.getBytes(9), NO_METADATA)));
                    if (batch.size() == EVENTS_PER_READ) {
                        ahead = handleAndDeserialiseNext(ahead, batch, invoker, read, deserialiser);
                        batch = new ArrayList<>(EVENTS_PER_READ);
                    }
                }
            }
            ahead = handleAndDeserialiseNext(ahead, batch, invoker, read, deserialiser);
            handle(done(ahead), invoker, read);
        }
    }

    /**
     * Deserialising an event is the largest part of rebuilding from it and depends on that event alone,
     * so the next batch is deserialised on another thread while this one handles the batch before it,
     * in order. Returns the next batch's deserialising.
     */
    private Future<List<TrackedEventMessage<?>>> handleAndDeserialiseNext(Future<List<TrackedEventMessage<?>>> ahead,
                                                                        List<TrackedEventData<?>> next,
                                                                        EventHandlerInvoker invoker, StreamRead read,
                                                                        ExecutorService deserialiser) {
        Future<List<TrackedEventMessage<?>>> deserialising = deserialiser.submit(() -> deserialised(next, invoker));
        handle(done(ahead), invoker, read);
        return deserialising;
    }

    /** The events of a batch the projection handles, with payload and timestamp already deserialised. */
    private List<TrackedEventMessage<?>> deserialised(List<TrackedEventData<?>> batch, EventHandlerInvoker invoker) {
        return EventUtils.upcastAndDeserializeTrackedEvents(batch.stream(), serializer, axon.upcasterChain())
                .filter(event -> invoker.canHandle(event, Segment.ROOT_SEGMENT))
                .peek(event -> {
                    event.getPayload();
                    event.getTimestamp();
                })
                .collect(Collectors.toList());
    }

    private static List<TrackedEventMessage<?>> done(Future<List<TrackedEventMessage<?>>> deserialising) {
        try {
            return deserialising.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The rebuild was interrupted", e);
        }
    }

    /** Binds "(? OR payloadtype = ANY (?))", the first two parameters: every type when {@code types} is null. */
    private static void ofTypes(PreparedStatement statement, List<String> types) throws SQLException {
        statement.setBoolean(1, types == null);
        statement.setArray(2, statement.getConnection().createArrayOf("varchar", types == null ? new Object[0] : types.toArray()));
    }

    private static final byte[] NO_METADATA = "{}".getBytes(StandardCharsets.UTF_8);

    /**
     * The stored type names of the events the projection handles, or null (read every event) when that
     * cannot be told from the handlers: an upcaster may turn one stored type into another, and a handler
     * of a type that is not final also takes its subtypes.
     */
    private List<String> storedTypesHandled(EventHandlerInvoker invoker) {
        if (!storedTypesAreFinal) {
            return null;
        }
        List<Class<?>> types = new ArrayList<>();
        for (EventMessageHandler handler : handlers(invoker)) {
            if (!(handler instanceof AnnotationEventHandlerAdapter annotated)) {
                return null;
            }
            AnnotatedHandlerInspector.inspectType(annotated.getTargetType()).getHandlers(annotated.getTargetType())
                    .filter(member -> member.canHandleMessageType(EventMessage.class))
                    .forEach(member -> types.add(member.payloadType()));
        }
        if (types.stream().anyMatch(type -> !Modifier.isFinal(type.getModifiers()))) {
            return null;
        }
        return types.stream().map(type -> serializer.typeForClass(type).getName()).distinct().toList();
    }

    private static List<EventMessageHandler> handlers(EventHandlerInvoker invoker) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return multi.delegates().stream().flatMap(delegate -> handlers(delegate).stream()).toList();
        }
        if (invoker instanceof SimpleEventHandlerInvoker simple) {
            return simple.eventHandlers();
        }
        throw new IllegalStateException("Cannot tell the handlers of " + invoker.getClass().getName());
    }

    private static void handle(List<TrackedEventMessage<?>> events, EventHandlerInvoker invoker, StreamRead read) {
        for (TrackedEventMessage<?> event : events) {
            handle(event, invoker);
            read.handled++;
        }
    }

    private static void handle(TrackedEventMessage<?> event, EventHandlerInvoker invoker) {
        try {
            invoker.handle(event, Segment.ROOT_SEGMENT);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Event " + event.getIdentifier() + " could not be applied", e);
        }
    }

    /**
     * How far the read came, as the token the projection resumes from: the newest position in the
     * snapshot, and the missing positions just before it, which a transaction still open when the read
     * began may yet fill. Taken on the reading connection before its read, so from the same snapshot.
     */
    private static final class StreamRead {
        private long last = -1;
        private final TreeSet<Long> missing = new TreeSet<>();
        private long events;
        private long toHandle;
        private long handled;
        private int passes;

        void counted(Connection connection, List<String> types) throws SQLException {
            try (PreparedStatement newest = connection.prepareStatement("""
                    SELECT count(*), count(*) FILTER (WHERE ? OR payloadtype = ANY (?)), coalesce(max(globalindex), -1)
                    FROM domainevententry""")) {
                ofTypes(newest, types);
                try (ResultSet row = newest.executeQuery()) {
                    row.next();
                    events = row.getLong(1);
                    toHandle = row.getLong(2);
                    last = row.getLong(3);
                }
            }
            try (PreparedStatement recent = connection.prepareStatement(
                    "SELECT globalindex FROM domainevententry WHERE globalindex > ? ORDER BY globalindex")) {
                recent.setLong(1, last - GAP_WINDOW);
                long expected = Math.max(0, last - GAP_WINDOW + 1);
                try (ResultSet rows = recent.executeQuery()) {
                    while (rows.next()) {
                        long index = rows.getLong(1);
                        for (long gap = expected; gap < index; gap++) {
                            missing.add(gap);
                        }
                        expected = index + 1;
                    }
                }
            }
        }

        TrackingToken token() {
            return last < 0 ? null : GapAwareTrackingToken.newInstance(last, missing);
        }
    }
}
