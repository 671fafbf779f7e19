package org.strongcities.fund.web.platform;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.strongcities.fund.web.support.ApplicationTest;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two writers that loaded an aggregate at the same version both append its next event; PostgreSQL's
 * unique key on (aggregate, sequence) refuses the second. That must reach the caller as Axon's
 * ConcurrencyException (answered as "changed meanwhile, try again"), not as a storage failure.
 */
class EventStoreConflictTest extends ApplicationTest {

    @Autowired
    EventStorageEngine storage;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSecondEventAtOneSequenceIsAConcurrencyConflictAndNothingIsStored() {
        String aggregate = "conflict-probe-" + UUID.randomUUID();

        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly(); // a probe: nothing of it is kept
            storage.appendEvents(new GenericDomainEventMessage<>("Probe", aggregate, 0, "created"));
            storage.appendEvents(new GenericDomainEventMessage<>("Probe", aggregate, 1, "first writer"));
            assertThatThrownBy(() -> storage.appendEvents(new GenericDomainEventMessage<>("Probe", aggregate, 1, "second writer")))
                    .isInstanceOf(ConcurrencyException.class);
        });

        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class,
                aggregate)).isZero();
    }
}
