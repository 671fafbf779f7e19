package org.strongcities.fund.web.platform;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.strongcities.fund.domain.api.ApplicationContent;
import org.strongcities.fund.domain.api.ApplicationDraftSavedEvent;
import org.strongcities.fund.domain.api.ApplicationSubmittedEvent;
import org.strongcities.fund.domain.api.BudgetLine;
import org.strongcities.fund.domain.api.CreateApplicationDraftCommand;
import org.strongcities.fund.domain.api.Indicator;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.SaveApplicationDraftCommand;
import org.strongcities.fund.domain.api.StrategicPriority;
import org.strongcities.fund.domain.api.SubmitApplicationCommand;
import org.strongcities.fund.domain.api.SupportType;
import org.strongcities.fund.web.finance.FinanceFixture;
import org.strongcities.fund.web.support.ApplicationTest;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two writers of one aggregate. When both loaded it at the same version and append its next event,
 * PostgreSQL's unique key on (aggregate, sequence) refuses the second; that must reach the caller as
 * Axon's ConcurrencyException (answered as "changed meanwhile, try again"), not as a storage failure.
 * When one writer appended before the other loads it, the other must decide on the newer state even
 * though it keeps the aggregate in its cache.
 */
class EventStoreConflictTest extends ApplicationTest {

    @Autowired
    EventStorageEngine storage;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;

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

    @Test
    void aCommandDecidesOnWhatAnotherNodeAppendedAfterThisNodeCachedTheAggregate() {
        String focal = "focal.cachetown";
        String city = new FinanceFixture(commands, jdbc).city("Cachetown", focal);
        String application = FinanceFixture.unique("cached-app");
        commands.sendAndWait(new CreateApplicationDraftCommand(application, city, focal));
        commands.sendAndWait(new SaveApplicationDraftCommand(application, content("Saved here"), focal));

        // The other node's save: its own transaction, below this node's repository and its cache.
        long last = jdbc.queryForObject("SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, application);
        transaction.executeWithoutResult(status -> storage.appendEvents(new GenericDomainEventMessage<>("Application",
                application, last + 1, new ApplicationDraftSavedEvent(application, content("Saved on the other node"), focal),
                MetaData.with(ActorMetaData.ACTOR, focal))));

        commands.sendAndWait(new SubmitApplicationCommand(application, null, focal));

        assertThat(jdbc.queryForObject("""
                SELECT convert_from(payload, 'UTF8')::jsonb -> 'content' ->> 'title' FROM domainevententry
                WHERE aggregateidentifier = ? AND payloadtype = ?""", String.class, application,
                ApplicationSubmittedEvent.class.getName())).isEqualTo("Saved on the other node");
    }

    /**
     * A process step that sends two commands to one aggregate in a transaction it did not start (the
     * eligibility check, then the start of the hub review), while the city sends its own command to the
     * same aggregate. The city's command must wait until the step's transaction has ended and then go on
     * from both of its events; it must not slip in between the two and deadlock with the second.
     */
    @Test
    void aCommandWaitsUntilTheTransactionThatChangedItsAggregateEnds() throws Exception {
        String focal = "focal.locktown";
        String city = new FinanceFixture(commands, jdbc).city("Locktown", focal);
        String application = FinanceFixture.unique("locked-app");
        commands.sendAndWait(new CreateApplicationDraftCommand(application, city, focal));

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch firstStepSent = new CountDownLatch(1);
            CompletableFuture<Thread> cityThread = new CompletableFuture<>();
            Future<?> processStep = threads.submit(() -> transaction.executeWithoutResult(status -> {
                commands.sendAndWait(new SaveApplicationDraftCommand(application, content("First step"), focal));
                firstStepSent.countDown();
                awaitWaiting(cityThread.join());
                commands.sendAndWait(new SaveApplicationDraftCommand(application, content("Second step"), focal));
            }));
            assertThat(firstStepSent.await(30, TimeUnit.SECONDS)).isTrue();
            Future<?> citySave = threads.submit(() -> {
                cityThread.complete(Thread.currentThread());
                commands.sendAndWait(new SaveApplicationDraftCommand(application, content("The city's save"), focal));
            });

            processStep.get(60, TimeUnit.SECONDS);
            citySave.get(60, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        assertThat(jdbc.queryForList("""
                SELECT convert_from(payload, 'UTF8')::jsonb -> 'content' ->> 'title' FROM domainevententry
                WHERE aggregateidentifier = ? AND payloadtype = ? ORDER BY sequencenumber""", String.class, application,
                ApplicationDraftSavedEvent.class.getName())).containsExactly("First step", "Second step", "The city's save");
    }

    /** Until {@code waiter} waits for the aggregate's lock, or for another transaction in PostgreSQL. */
    private void awaitWaiting(Thread waiter) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Arrays.stream(waiter.getStackTrace()).noneMatch(frame -> frame.getClassName().startsWith(
                PessimisticLockFactory.class.getName()))
                && jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'", Long.class) == 0) {
            assertThat(System.nanoTime()).as("the city's command waits").isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    private static ApplicationContent content(String title) {
        LocalDate start = FinanceFixture.START;
        return new ApplicationContent(title, "Summary of " + title, Set.of(StrategicPriority.YOUTH_ENGAGEMENT),
                SupportType.COMMUNITY_YOUTH_ENGAGEMENT, Money.usd("20000"), List.of(new BudgetLine("Workshops", Money.usd("20000"))),
                start, start.plusYears(1), "Objectives", List.of(new Indicator("Youth reached", "0", "200")), "Risks",
                "Do no harm", false);
    }
}
