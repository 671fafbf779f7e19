package org.strongcities.fund.web.audit;

import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import org.strongcities.fund.domain.api.DonorRegisteredEvent;
import org.strongcities.fund.domain.api.DonorType;
import org.strongcities.fund.domain.api.RegisterDonorCommand;
import org.strongcities.fund.web.support.ApplicationTest;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Stores events through the real Axon stack, tampers with them directly in PostgreSQL and shows that
 * the verifier reports each kind of tampering. Every test runs in a transaction that is rolled back,
 * so the shared database (and the other test classes) keep an intact chain.
 */
class AuditChainTest extends ApplicationTest {

    @Autowired
    AuditChainVerifier verifier;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    DataSource dataSource;
    @Autowired
    CommandGateway commandGateway;
    @Autowired
    EventStore eventStore;
    @Autowired
    AuditChainSealer sealer;
    @Autowired
    WebApplicationContext context;
    @Autowired
    UserDetailsService users;

    private static final String MAINTENANCE = "SET LOCAL fund.allow_event_maintenance = 'on'";

    /** An event stored by a test, with its place in the chain. */
    record Stored(String eventIdentifier, long globalIndex, long chainSeq, String aggregateIdentifier) {
    }

    @Test
    void anIntactChainHoldsAndCountsEveryEvent() {
        rollingBack(() -> {
            List<Stored> events = storeEvents(3);
            ChainVerification result = verifier.verify();
            // Events another session commits after the verifier's sealing wait in the queue, unchecked.
            long stored = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class) - sealer.pending();
            byte[] head = jdbc.queryForObject("SELECT hash FROM event_chain ORDER BY chain_seq DESC LIMIT 1", byte[].class);

            assertThat(result.holds()).isTrue();
            assertThat(result.firstBreak()).isNull();
            assertThat(result.eventsChecked()).isEqualTo(stored).isGreaterThanOrEqualTo(3);
            assertThat(result.headHash()).isEqualTo(CanonicalEvent.hex(head));
            assertThat(events.get(2).chainSeq()).isEqualTo(events.get(0).chainSeq() + 2);
            // who did it travels in the hashed metadata
            String metadata = new String(jdbc.queryForObject("SELECT metadata FROM domainevententry WHERE eventidentifier = ?",
                    byte[].class, events.get(0).eventIdentifier()), StandardCharsets.UTF_8);
            assertThat(metadata).contains("\"actor\"").contains("\"actorRole\"");
            return null;
        });
    }

    /**
     * A command is acknowledged once its events are stored; linking them comes after and never holds it
     * up. Until V29 every event-storing commit waited for the chain's lock, held here by a sealer that
     * does not finish: the command then hung until it was released.
     */
    @Test
    void storingAnEventNeverWaitsForTheChainAndIsLinkedSoonAfter() throws Exception {
        String donorId = "audit-test-" + UUID.randomUUID();
        try (Connection sealing = dataSource.getConnection()) {
            sealing.setAutoCommit(false);
            try (Statement statement = sealing.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(7420001)");
            }
            CompletableFuture.runAsync(() -> commandGateway.sendAndWait(new RegisterDonorCommand(donorId,
                    "Audit test donor", DonorType.FUND, null, null, "audit-test"))).get(10, TimeUnit.SECONDS);
            assertThat(linksOf(donorId)).as("linked while the chain is busy").isZero();
            sealing.rollback();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (linksOf(donorId) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(linksOf(donorId)).as("linked by the sealer once the chain is free").isEqualTo(1);
        assertThat(verifier.verify().holds()).isTrue();
    }

    private long linksOf(String aggregateIdentifier) {
        return jdbc.queryForObject("SELECT count(*) FROM event_chain c JOIN domainevententry e "
                + "ON e.eventidentifier = c.event_identifier WHERE e.aggregateidentifier = ?", Long.class, aggregateIdentifier);
    }

    @Test
    void javaAndDatabaseEncodeAnEventTheSameWay() {
        byte[] fromDatabase = jdbc.queryForObject(
                "SELECT event_chain_canonical(7, 'ağg-✓', 0, NULL, 'id-1', 'x.Type', NULL, '2025-01-01T00:00:00Z', "
                        + "'\\x00ff'::bytea, NULL)", byte[].class);
        CanonicalEvent event = new CanonicalEvent(7L, "ağg-✓", 0L, null, "id-1", "x.Type", null, "2025-01-01T00:00:00Z",
                new byte[]{0, (byte) 0xff}, null);
        assertThat(event.canonicalBytes()).isEqualTo(fromDatabase);
        byte[] hashFromDatabase = jdbc.queryForObject("SELECT sha256(?::bytea || ?::bytea)", byte[].class,
                CanonicalEvent.GENESIS, fromDatabase);
        assertThat(event.chainHash(CanonicalEvent.GENESIS)).isEqualTo(hashFromDatabase);
    }

    @Test
    void anEditedPayloadIsReportedAsAChangedEvent() {
        ChainVerification result = verifyAfterTampering(events -> jdbc.update(
                "UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                        + "'Audit test donor', 'Someone else'), 'UTF8') WHERE eventidentifier = ?",
                events.get(1).eventIdentifier()), events -> events.get(1));
        assertBreak(result, BreakKind.EVENT_CHANGED);
    }

    @Test
    void theBrokenTrailPageNamesTheKindOfBreakInWords() {
        String page = rollingBack(() -> {
            List<Stored> events = storeEvents(3);
            jdbc.execute(MAINTENANCE);
            jdbc.update("UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                    + "'Audit test donor', 'Someone else'), 'UTF8') WHERE eventidentifier = ?", events.get(1).eventIdentifier());
            // The page is asked in the same thread, so it sees the tampering inside this transaction.
            try {
                return MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build()
                        .perform(get("/audit").with(user(users.loadUserByUsername("finance.officer"))))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(page).contains("The trail is broken.", "<td>An event was changed</td>").doesNotContain("EVENT_CHANGED");
    }

    @Test
    void rewritingWhoDidItIsReportedAsAChangedEvent() {
        ChainVerification result = verifyAfterTampering(events -> jdbc.update(
                "UPDATE domainevententry SET metadata = convert_to('{\"actor\":\"someone.else\"}', 'UTF8') "
                        + "WHERE eventidentifier = ?", events.get(0).eventIdentifier()), events -> events.get(0));
        assertBreak(result, BreakKind.EVENT_CHANGED);
    }

    @Test
    void aDeletedEventIsReported() {
        ChainVerification result = verifyAfterTampering(events -> jdbc.update(
                "DELETE FROM domainevententry WHERE eventidentifier = ?", events.get(1).eventIdentifier()),
                events -> events.get(1));
        assertBreak(result, BreakKind.EVENT_DELETED);
    }

    @Test
    void anEventDeletedTogetherWithItsLinkIsReportedAsARemovedLink() {
        ChainVerification result = verifyAfterTampering(events -> {
            jdbc.update("DELETE FROM domainevententry WHERE eventidentifier = ?", events.get(1).eventIdentifier());
            jdbc.update("DELETE FROM event_chain WHERE event_identifier = ?", events.get(1).eventIdentifier());
        }, events -> events.get(2));
        assertBreak(result, BreakKind.LINK_REMOVED);
    }

    @Test
    void aForgedEventWithoutALinkIsReported() {
        String forged = UUID.randomUUID().toString();
        ChainVerification result = rollingBack(() -> {
            storeEvents(1);
            // As a superuser could: bypass the triggers for this transaction only.
            jdbc.execute("SET LOCAL session_replication_role = replica");
            jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, "
                            + "payload, payloadtype, payloadrevision, \"timestamp\", metadata) "
                            + "VALUES ('forged-donor', 0, 'Donor', ?, convert_to('{\"donorId\":\"forged-donor\"}', 'UTF8'), "
                            + "?, '1', '2025-01-01T00:00:00Z', convert_to('{\"actor\":\"admin\"}', 'UTF8'))",
                    forged, DonorRegisteredEvent.class.getName());
            jdbc.execute("SET LOCAL session_replication_role = DEFAULT");
            return verifier.verify();
        });
        assertThat(result.holds()).isFalse();
        assertThat(result.firstBreak().kind()).isEqualTo(BreakKind.EVENT_INSERTED);
        assertThat(result.firstBreak().eventIdentifier()).isEqualTo(forged);
        assertThat(result.firstBreak().chainSeq()).isNull();
    }

    @Test
    void swappedLinksAreReportedAsReordered() {
        ChainVerification result = verifyAfterTampering(events -> {
            long first = events.get(0).chainSeq();
            long second = events.get(1).chainSeq();
            jdbc.update("UPDATE event_chain SET chain_seq = 999999999 WHERE chain_seq = ?", first);
            jdbc.update("UPDATE event_chain SET chain_seq = ? WHERE chain_seq = ?", first, second);
            jdbc.update("UPDATE event_chain SET chain_seq = ? WHERE chain_seq = 999999999", second);
        }, events -> new Stored(events.get(1).eventIdentifier(), events.get(1).globalIndex(), events.get(0).chainSeq(), null));
        assertBreak(result, BreakKind.LINK_REORDERED);
    }

    @Test
    void swappedHashesAreReportedAsARewrittenLink() {
        ChainVerification result = verifyAfterTampering(events -> jdbc.update(
                "UPDATE event_chain c SET hash = o.hash FROM event_chain o "
                        + "WHERE (c.chain_seq, o.chain_seq) IN ((?, ?), (?, ?))",
                events.get(0).chainSeq(), events.get(1).chainSeq(), events.get(1).chainSeq(), events.get(0).chainSeq()),
                events -> events.get(0));
        assertBreak(result, BreakKind.LINK_CHANGED);
    }

    @Test
    void theVerifierChangesNothing() {
        rollingBack(() -> {
            List<Stored> events = storeEvents(2);
            jdbc.execute(MAINTENANCE);
            jdbc.update("UPDATE domainevententry SET payloadrevision = '2' WHERE eventidentifier = ?",
                    events.get(0).eventIdentifier());
            String before = snapshotOfTheRecord();
            assertThat(verifier.verify().holds()).isFalse();
            assertThat(verifier.verify().holds()).isFalse();
            assertThat(snapshotOfTheRecord()).isEqualTo(before);
            return null;
        });
    }

    @Test
    void historyCannotBeChangedByAccidentEvenByTheOwner() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                String id = UUID.randomUUID().toString();
                try (Statement statement = connection.createStatement()) {
                    statement.execute(insertEvent(id));
                    statement.execute("SELECT event_chain_seal(1000, true)");
                }
                expectRefused(connection, "UPDATE domainevententry SET type = type", "not allowed");
                expectRefused(connection, "DELETE FROM domainevententry", "not allowed");
                expectRefused(connection, "TRUNCATE domainevententry", "not allowed");
                expectRefused(connection, "UPDATE event_chain SET hash = hash", "not allowed");
                expectRefused(connection, "DELETE FROM event_chain", "not allowed");
                expectRefused(connection, "TRUNCATE event_chain", "not allowed");
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        assertThat(verifier.verify().holds()).isTrue();
    }

    @Test
    void theApplicationRoleMayAppendEventsButNeverChangeThem() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                String asApp = "SET LOCAL ROLE fund_app; SET LOCAL fund.allow_event_maintenance = 'on'; ";
                expectRefused(connection, asApp + "UPDATE domainevententry SET type = type", "permission denied");
                expectRefused(connection, asApp + "DELETE FROM domainevententry", "permission denied");
                expectRefused(connection, asApp + "TRUNCATE domainevententry", "permission denied");
                expectRefused(connection, asApp + "UPDATE event_chain SET hash = hash", "permission denied");
                expectRefused(connection, asApp + "DELETE FROM event_chain", "permission denied");
                expectRefused(connection, asApp + "INSERT INTO event_chain (chain_seq, event_identifier, global_index, "
                        + "previous_hash, hash) VALUES (999999999, 'x', 1, sha256(''), sha256(''))", "permission denied");
                expectRefused(connection, asApp + "DELETE FROM event_chain_pending", "permission denied");
                expectRefused(connection, asApp + "INSERT INTO event_chain_pending VALUES (999999999)", "permission denied");
                expectRefused(connection, asApp + "ALTER TABLE domainevententry DISABLE TRIGGER event_chain_queue",
                        "must be owner");
                expectRefused(connection, asApp + "DROP TRIGGER domainevententry_history_guard ON domainevententry",
                        "must be owner");

                // It can append, the trigger queues what it appends, and the sealer (running as the
                // application) links it.
                String id = UUID.randomUUID().toString();
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET LOCAL ROLE fund_app");
                    statement.execute(insertEvent(id));
                    var queued = statement.executeQuery("SELECT count(*) FROM event_chain_pending p JOIN domainevententry e "
                            + "ON e.globalindex = p.global_index WHERE e.eventidentifier = '" + id + "'");
                    queued.next();
                    assertThat(queued.getLong(1)).isEqualTo(1);
                    statement.execute("SELECT event_chain_seal(1000, true)");
                    var links = statement.executeQuery("SELECT count(*) FROM event_chain WHERE event_identifier = '" + id + "'");
                    links.next();
                    assertThat(links.getLong(1)).isEqualTo(1);
                    // and it can read everything it needs, the read models and Camunda's tables included
                    statement.executeQuery("SELECT count(*) FROM account").close();
                    statement.executeQuery("SELECT count(*) FROM tokenentry").close();
                    // and rebuild a read model, which truncates it (rolled back with the rest)
                    statement.execute("TRUNCATE demo_seed");
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    @Test
    void theApplicationRoleMayWorkOnEveryOtherTableCamundasIncluded() {
        List<String> lacking = jdbc.queryForList("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
                   AND c.relname NOT IN ('domainevententry', 'event_chain', 'event_chain_pending', 'snapshotevententry',
                                         'flyway_schema_history')
                   AND NOT has_table_privilege('fund_app', c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE')
                """, String.class);
        assertThat(lacking).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_class WHERE relname LIKE 'act_ru_%'", Long.class))
                .isPositive();
        assertThat(jdbc.queryForObject("SELECT has_table_privilege('fund_app', 'snapshotevententry', 'SELECT, INSERT, DELETE')"
                + " AND NOT has_table_privilege('fund_app', 'snapshotevententry', 'UPDATE')", Boolean.class)).isTrue();
    }

    // --- helpers

    private ChainVerification verifyAfterTampering(Consumer<List<Stored>> tampering,
                                                   java.util.function.Function<List<Stored>, Stored> expectedAt) {
        Stored[] expected = new Stored[1];
        ChainVerification result = rollingBack(() -> {
            List<Stored> events = storeEvents(3);
            assertThat(verifier.verify().holds()).as("the chain holds before tampering").isTrue();
            jdbc.execute(MAINTENANCE);
            tampering.accept(events);
            expected[0] = expectedAt.apply(events);
            return verifier.verify();
        });
        assertThat(result.holds()).isFalse();
        assertThat(result.firstBreak().eventIdentifier()).isEqualTo(expected[0].eventIdentifier());
        assertThat(result.firstBreak().chainSeq()).isEqualTo(expected[0].chainSeq());
        assertThat(result.firstBreak().globalIndex()).isEqualTo(expected[0].globalIndex());
        assertThat(result.eventsChecked()).isLessThan(expected[0].chainSeq());
        return result;
    }

    private static void assertBreak(ChainVerification result, BreakKind kind) {
        assertThat(result.firstBreak().kind()).as(result.firstBreak().explanation()).isEqualTo(kind);
        assertThat(result.firstBreak().explanation()).isNotBlank();
    }

    /**
     * Runs the body in one transaction that is always rolled back: the shared database never sees it.
     * The events it stores are linked inside it ({@link #storeEvents}), as the sealer would link them
     * after a commit.
     */
    private <T> T rollingBack(Supplier<T> body) {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        return transaction.execute(status -> {
            status.setRollbackOnly();
            return body.get();
        });
    }

    /** Registers donors through the command gateway (or, until the aggregates are wired, the event store). */
    private List<Stored> storeEvents(int count) {
        List<String> aggregates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String donorId = "audit-test-" + UUID.randomUUID();
            aggregates.add(donorId);
            try {
                commandGateway.sendAndWait(new RegisterDonorCommand(donorId, "Audit test donor", DonorType.FUND, null,
                        null, "audit-test"));
            } catch (NoHandlerForCommandException notWiredYet) {
                eventStore.publish(new GenericDomainEventMessage<>("Donor", donorId, 0,
                        new DonorRegisteredEvent(donorId, "Audit test donor", DonorType.FUND, null, null, "audit-test"),
                        MetaData.from(Map.of("actor", "audit-test", "actorRole", "ROLE_ADMINISTRATOR",
                                "reason", "audit chain test"))));
            }
        }
        sealer.sealAll();
        return jdbc.query("SELECT e.eventidentifier, e.globalindex, c.chain_seq, e.aggregateidentifier "
                        + "FROM domainevententry e JOIN event_chain c ON c.event_identifier = e.eventidentifier "
                        + "WHERE e.aggregateidentifier = ANY (?) ORDER BY c.chain_seq",
                (rs, row) -> new Stored(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4)),
                (Object) aggregates.toArray(String[]::new));
    }

    private static String insertEvent(String eventIdentifier) {
        return "INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, payload, "
                + "payloadtype, \"timestamp\") VALUES ('audit-sql-" + eventIdentifier + "', 0, 'Donor', '" + eventIdentifier
                + "', '\\x7b7d'::bytea, 'x.Type', '2025-01-01T00:00:00Z')";
    }

    private String snapshotOfTheRecord() {
        return jdbc.queryForObject("SELECT md5(string_agg(x, ',' ORDER BY x)) FROM ("
                + "SELECT md5(e::text) AS x FROM domainevententry e UNION ALL SELECT md5(c::text) FROM event_chain c) t",
                String.class);
    }

    private static void expectRefused(Connection connection, String sql, String message) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SAVEPOINT attempt");
            assertThatThrownBy(() -> statement.execute(sql)).as(sql)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining(message)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("42501"));
            statement.execute("ROLLBACK TO SAVEPOINT attempt");
        }
    }
}
