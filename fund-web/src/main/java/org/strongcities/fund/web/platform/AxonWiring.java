package org.strongcities.fund.web.platform;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.strongcities.fund.domain.CheckedAggregateCache;
import org.strongcities.fund.domain.FundDomain;
import org.strongcities.fund.process.HandledEvents;
import org.strongcities.fund.web.readmodel.CaseProjection;
import org.strongcities.fund.web.readmodel.DirectoryProjection;
import org.strongcities.fund.web.readmodel.LedgerProjection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Every event must say who caused it: the command gateway stamps each command with the signed-in
 * account and role, and the correlation providers copy that (and the causing message's ids) onto
 * every event the command produces.
 */
@Configuration(proxyBeanMethods = false)
public class AxonWiring {

    /**
     * Registers every aggregate and cross-aggregate command handler of the domain. Each aggregate type
     * keeps its most recently used aggregates, checked against the store before each use (see
     * {@link CheckedAggregateCache}): a case's steps come in bursts (a submission is followed by its
     * eligibility check and hub review within seconds) and a contribution funds many awards. An aggregate's
     * lock is held until the transaction with its new events ends (see {@link LocksHeldToTransactionEnd}).
     */
    @Bean
    ConfigurerModule fundDomain() {
        return new FundDomain(configuration -> new CheckedAggregateCache(configuration::eventStore, AGGREGATES_KEPT_PER_TYPE),
                configuration -> new LocksHeldToTransactionEnd(PessimisticLockFactory.usingDefaults()));
    }

    /**
     * An application with its kept versions is a few kilobytes; 4,096 of each type stay well inside the
     * heap and hold every case active at once at the Network's size.
     */
    static final int AGGREGATES_KEPT_PER_TYPE = 4_096;

    /**
     * The subscribing groups run inside the transaction of the command whose events they handle.
     * Axon's default error handler would only log a failure there and let the event commit without
     * its process step or routing fact; propagating the error rolls the whole command back instead
     * (a clash with another step of the same process as a conflict, see {@link ProcessStepConflicts}).
     */
    @Bean
    ConfigurerModule failTogetherInSubscribingGroups() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(HandledEvents.PROCESSING_GROUP, c -> new ProcessStepConflicts())
                .registerListenerInvocationErrorHandler(DirectoryProjection.GROUP, c -> PropagatingErrorHandler.instance());
    }

    /**
     * A tracking projection that cannot apply an event stops there and tries again (with Axon's back-off),
     * rather than logging it and going on: the ledger once went on past a payment it could not write, and
     * every balance after it left that payment out. A stopped projection is visible (its lag grows, the log
     * says why) and resumes where it stopped once the cause is mended; a skipped event is silent and stays
     * wrong until a rebuild.
     */
    @Bean
    ConfigurerModule projectionsStopAtAnEventTheyCannotApply() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(CaseProjection.GROUP, c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(LedgerProjection.GROUP, c -> PropagatingErrorHandler.instance());
    }

    /**
     * The JDBC storage engine as Axon's auto-configuration builds it (that configuration stands back
     * once the application declares its own event store, below), with one correction: two commands
     * that change one aggregate at once collide on its (aggregate, sequence) key. Axon's JDBC resolver
     * only knows the collision by the JDBC exception subclass, which the PostgreSQL driver does not
     * throw, so it reached the caller as a storage failure. Matched by PostgreSQL's unique-violation
     * state it is a ConcurrencyException, which the web layer answers with "changed meanwhile, try
     * again" and the finance commands retry.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(new SQLStateResolver(UNIQUE_VIOLATION))
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .build();
    }

    /**
     * Axon's embedded event store, as its auto-configuration builds it, over the storage engine with
     * bounded tailing reads (see {@link BoundedTailingReads} for the memory it saves). 1,000 events a
     * read costs one more query per thousand events.
     * <p>
     * The cache of recent events is a tenth of Axon's default. A projection that has read ahead on its
     * own looks for its place in the cache by walking it from the oldest event, comparing tokens by
     * equality. Under concurrent commands it often does not find it (two readers' tokens for one event
     * can differ in the gaps they carry), and then walks the whole cache twice for each batch. With
     * 10,000 events that walking was 8 % of the application's CPU in the benchmark's command load, and
     * under 0.5 % with 1,000. A projection more than 1,000 events behind reads from the database, as it
     * does when catching up.
     */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(new BoundedTailingReads(storageEngine, TAILING_READ_EVENTS))
                .cachedEvents(CACHED_EVENTS)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .build();
    }

    static final int TAILING_READ_EVENTS = 1_000;
    private static final int CACHED_EVENTS = 1_000;
    private static final String UNIQUE_VIOLATION = "23505";

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider actorCorrelationProvider() {
        return new SimpleCorrelationDataProvider(ActorMetaData.ACTOR, ActorMetaData.ROLE, ActorMetaData.REASON);
    }

    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> actorStampingInterceptor() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
                return (index, command) -> command.andMetaData(actorOf(command));
            }
        };
    }

    private static Map<String, Object> actorOf(CommandMessage<?> command) {
        Map<String, Object> stamp = new HashMap<>();
        if (command.getMetaData().containsKey(ActorMetaData.ACTOR)) {
            return stamp;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()) {
            stamp.put(ActorMetaData.ACTOR, authentication.getName());
            stamp.put(ActorMetaData.ROLE, authentication.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority).collect(Collectors.joining(",")));
        } else {
            stamp.put(ActorMetaData.ACTOR, ActorMetaData.SYSTEM);
            stamp.put(ActorMetaData.ROLE, ActorMetaData.SYSTEM);
        }
        return stamp;
    }
}
