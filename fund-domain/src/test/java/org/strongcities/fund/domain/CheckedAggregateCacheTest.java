package org.strongcities.fund.domain;

import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.strongcities.fund.domain.api.ApplicationContent;
import org.strongcities.fund.domain.api.ApplicationDraftSavedEvent;
import org.strongcities.fund.domain.api.ApplicationSubmittedEvent;
import org.strongcities.fund.domain.api.BusinessRuleViolation;
import org.strongcities.fund.domain.api.CreateApplicationDraftCommand;
import org.strongcities.fund.domain.api.FocalPoint;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.PopulationBand;
import org.strongcities.fund.domain.api.Region;
import org.strongcities.fund.domain.api.RegisterMemberCityCommand;
import org.strongcities.fund.domain.api.SaveApplicationDraftCommand;
import org.strongcities.fund.domain.api.SubmitApplicationCommand;
import org.strongcities.fund.domain.api.WithdrawApplicationCommand;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.strongcities.fund.domain.application.ApplicationTest.content;

/**
 * Commands run against cached aggregates, through FundDomain on a real Axon configuration: an
 * aggregate's stream is read once while nothing else writes it, and read again as soon as another
 * writer (another node, an import) has appended to it, so no command decides on a stale state.
 */
class CheckedAggregateCacheTest {

    private final AtomicInteger streamReads = new AtomicInteger();
    private InMemoryEventStorageEngine storage;
    private Configuration axon;

    @BeforeEach
    void start() {
        storage = new InMemoryEventStorageEngine() {
            @Override
            public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
                if (aggregateIdentifier.equals("app-1")) {
                    streamReads.incrementAndGet();
                }
                return super.readEvents(aggregateIdentifier, firstSequenceNumber);
            }

            /** As the JDBC engine answers it, with one lookup and not by reading the stream. */
            @Override
            public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
                return super.readEvents(aggregateIdentifier, 0).asStream().map(DomainEventMessage::getSequenceNumber)
                        .max(Long::compareTo);
            }
        };
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> JacksonSerializer.defaultSerializer())
                .configureEmbeddedEventStore(c -> storage);
        new FundDomain(c -> new CheckedAggregateCache(c::eventStore, 2), c -> PessimisticLockFactory.usingDefaults()).configureModule(configurer);
        axon = configurer.buildConfiguration();
        axon.start();
        send(new RegisterMemberCityCommand("city-dakar", "Dakar", "SN", Region.WEST_AFRICA, "hub-wa", PopulationBand.FROM_1M_TO_5M,
                List.of(new FocalPoint("amina", "Amina Diallo", null)), true, false, "admin"));
        send(new CreateApplicationDraftCommand("app-1", "city-dakar", "amina"));
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    @Test
    void anAggregateNobodyElseWritesIsNotReadFromItsEventsAgain() {
        send(new SaveApplicationDraftCommand("app-1", content("20000"), "amina"));
        int afterFirstSave = streamReads.get();
        send(new SaveApplicationDraftCommand("app-1", content("21000"), "amina"));
        send(new SaveApplicationDraftCommand("app-1", content("22000"), "amina"));
        send(new SubmitApplicationCommand("app-1", null, "amina"));

        assertThat(streamReads.get()).isEqualTo(afterFirstSave);
        assertThat(submitted().content().requestedAmount()).isEqualTo(Money.usd("22000"));
    }

    @Test
    void anEventAppendedByAnotherWriterIsSeenByTheNextCommand() {
        send(new SaveApplicationDraftCommand("app-1", content("20000"), "amina"));
        ApplicationContent savedElsewhere = content("35000");
        storage.appendEvents(new GenericDomainEventMessage<>("Application", "app-1", lastSequence() + 1,
                new ApplicationDraftSavedEvent("app-1", savedElsewhere, "amina")));
        int before = streamReads.get();

        send(new SubmitApplicationCommand("app-1", null, "amina"));

        assertThat(streamReads.get()).isGreaterThan(before);
        assertThat(submitted().content()).isEqualTo(savedElsewhere);
    }

    @Test
    void aRefusedCommandStoresNothingAndTheNextCommandSeesTheStoredState() {
        send(new WithdrawApplicationCommand("app-1", "Not this year", "amina"));
        assertThatThrownBy(() -> send(new SaveApplicationDraftCommand("app-1", content("20000"), "amina")))
                .isInstanceOf(BusinessRuleViolation.class);
        assertThatThrownBy(() -> send(new SubmitApplicationCommand("app-1", content("20000"), "amina")))
                .isInstanceOf(BusinessRuleViolation.class);
        assertThat(axon.eventStore().readEvents("app-1").asStream().count()).isEqualTo(2);
    }

    @Test
    void aggregatesBeyondTheCapacityAreReadFromTheirEventsAgain() {
        send(new SaveApplicationDraftCommand("app-1", content("20000"), "amina"));
        send(new CreateApplicationDraftCommand("app-2", "city-dakar", "amina"));
        send(new CreateApplicationDraftCommand("app-3", "city-dakar", "amina"));
        int before = streamReads.get();

        send(new SubmitApplicationCommand("app-1", null, "amina"));

        assertThat(streamReads.get()).isGreaterThan(before);
        assertThat(submitted().content().requestedAmount()).isEqualTo(Money.usd("20000"));
    }

    private long lastSequence() {
        return axon.eventStore().lastSequenceNumberFor("app-1").orElseThrow();
    }

    private ApplicationSubmittedEvent submitted() {
        return axon.eventStore().readEvents("app-1").asStream().map(DomainEventMessage::getPayload)
                .filter(ApplicationSubmittedEvent.class::isInstance).map(ApplicationSubmittedEvent.class::cast)
                .reduce((first, second) -> second).orElseThrow();
    }

    private void send(Object command) {
        axon.commandGateway().sendAndWait(command);
    }
}
