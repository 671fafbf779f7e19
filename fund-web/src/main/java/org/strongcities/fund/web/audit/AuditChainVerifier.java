package org.strongcities.fund.web.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * Walks the event chain written by the database (V20, V29) and reports the first place where it
 * does not hold. It recomputes every hash in Java with {@link CanonicalEvent}, the same encoding as
 * the database, so a database function that was quietly replaced cannot vouch for itself.
 *
 * <p>It first has every event committed so far linked ({@link AuditChainSealer#sealAll()}), so the
 * walk covers them all. It then reads in one read-only REPEATABLE READ transaction, so the walk and
 * the check for unlinked events see the same snapshot, and streams the links in chain order with a
 * server-side cursor ({@value #FETCH_SIZE} rows per round trip), so millions of events need little
 * memory. Besides linking what is queued, it modifies nothing: a broken chain is reported, not repaired.
 *
 * <p>What a hash chain cannot show on its own is that the newest links were cut off together with
 * their events: compare {@link ChainVerification#headHash()} and the count with an earlier run.
 */
@Service
public class AuditChainVerifier {

    static final int FETCH_SIZE = 1000;

    private static final Logger log = LoggerFactory.getLogger(AuditChainVerifier.class);

    private static final String WALK = """
            SELECT c.chain_seq, c.event_identifier, c.global_index, c.previous_hash, c.hash,
                   e.globalindex, e.aggregateidentifier, e.sequencenumber, e.type, e.eventidentifier,
                   e.payloadtype, e.payloadrevision, e."timestamp", e.payload, e.metadata
              FROM event_chain c
              LEFT JOIN domainevententry e ON e.eventidentifier = c.event_identifier
             ORDER BY c.chain_seq
            """;

    private static final String UNLINKED = """
            SELECT e.globalindex, e.eventidentifier
              FROM domainevententry e
             WHERE NOT EXISTS (SELECT 1 FROM event_chain c WHERE c.event_identifier = e.eventidentifier)
               AND NOT EXISTS (SELECT 1 FROM event_chain_pending p WHERE p.global_index = e.globalindex)
             ORDER BY e.globalindex
             LIMIT 1
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final AuditChainSealer sealer;

    public AuditChainVerifier(DataSource dataSource, PlatformTransactionManager transactionManager,
                              AuditChainSealer sealer) {
        this.sealer = sealer;
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.readOnly.setName("audit-chain-verification");
    }

    public ChainVerification verify() {
        long started = System.nanoTime();
        sealer.sealAll();
        ChainVerification result = readOnly.execute(status -> walkAndCheck());
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (result.holds()) {
            log.info("Audit chain holds: {} events checked in {} ms", result.eventsChecked(), millis);
        } else {
            log.warn("Audit chain is broken after {} events ({} ms): {}", result.eventsChecked(), millis,
                    result.firstBreak());
        }
        return result;
    }

    private ChainVerification walkAndCheck() {
        Walk walk = new Walk();
        ChainBreak firstBreak = jdbc.query(WALK, (ResultSet rs) -> {
            while (rs.next()) {
                ChainBreak found = walk.next(Link.of(rs));
                if (found != null) {
                    return found;
                }
            }
            return walk.end();
        });
        if (firstBreak != null) {
            return ChainVerification.broken(walk.verified, firstBreak, walk.previousHash);
        }
        List<ChainBreak> unlinked = jdbc.query(UNLINKED, (rs, row) -> new ChainBreak(null, rs.getString(2),
                rs.getLong(1), BreakKind.EVENT_INSERTED,
                "Event " + rs.getString(2) + " (global index " + rs.getLong(1) + ") has no link in the chain: "
                        + "it is neither linked nor queued for linking, so it was stored bypassing the chain's trigger."));
        if (!unlinked.isEmpty()) {
            return ChainVerification.broken(walk.verified, unlinked.get(0), walk.previousHash);
        }
        return ChainVerification.intact(walk.verified, walk.previousHash);
    }

    /** One row of the walk: a link and, if it still exists, its event row. */
    private record Link(long chainSeq, String eventIdentifier, long globalIndex, byte[] previousHash, byte[] hash,
                        CanonicalEvent event) {

        static Link of(ResultSet rs) throws SQLException {
            CanonicalEvent event = null;
            if (rs.getString(10) != null) {
                event = new CanonicalEvent(rs.getLong(6), rs.getString(7), rs.getLong(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getBytes(14),
                        rs.getBytes(15));
            }
            return new Link(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBytes(4), rs.getBytes(5), event);
        }

        Long eventGlobalIndex() {
            return event == null ? globalIndex : event.globalIndex();
        }
    }

    /** The state of a walk in chain order; {@link #next} returns the first break, or null to go on. */
    private static final class Walk {
        private long expectedSeq = 1;
        private byte[] previousHash = CanonicalEvent.GENESIS;
        private long verified;
        private Link mismatch;
        private byte[] mismatchRecomputed;

        ChainBreak next(Link link) {
            if (mismatch != null) {
                return explainMismatch(link.previousHash());
            }
            if (link.chainSeq() != expectedSeq) {
                String missing = link.chainSeq() == expectedSeq + 1 ? "position " + expectedSeq + " was"
                        : "positions " + expectedSeq + " to " + (link.chainSeq() - 1) + " were";
                return at(link, BreakKind.LINK_REMOVED, "The chain jumps from position " + (expectedSeq - 1) + " to "
                        + link.chainSeq() + ": " + missing + " removed.");
            }
            if (!Arrays.equals(link.previousHash(), previousHash)) {
                return at(link, BreakKind.LINK_REORDERED, "Link " + link.chainSeq() + " does not follow link "
                        + (expectedSeq - 1) + ": it names " + CanonicalEvent.hex(link.previousHash())
                        + " as the previous hash, but the previous link's hash is " + CanonicalEvent.hex(previousHash)
                        + ". Links were reordered, or one was rewritten or removed.");
            }
            if (link.event() == null) {
                return at(link, BreakKind.EVENT_DELETED, "Event " + link.eventIdentifier() + " (global index "
                        + link.globalIndex() + ") of link " + link.chainSeq() + " is no longer stored: it was deleted.");
            }
            byte[] recomputed = link.event().chainHash(previousHash);
            if (!Arrays.equals(recomputed, link.hash())) {
                // Whether the event or the link was rewritten shows in what the next link expects.
                mismatch = link;
                mismatchRecomputed = recomputed;
                return null;
            }
            if (link.event().globalIndex() != link.globalIndex()) {
                return at(link, BreakKind.LINK_CHANGED, "Link " + link.chainSeq() + " records global index "
                        + link.globalIndex() + " for event " + link.eventIdentifier() + ", whose global index is "
                        + link.event().globalIndex() + ": the link was rewritten.");
            }
            verified++;
            previousHash = link.hash();
            expectedSeq++;
            return null;
        }

        ChainBreak end() {
            return mismatch == null ? null : explainMismatch(null);
        }

        private ChainBreak explainMismatch(byte[] nextPreviousHash) {
            Link link = mismatch;
            if (nextPreviousHash != null && Arrays.equals(nextPreviousHash, mismatchRecomputed)) {
                return at(link, BreakKind.LINK_CHANGED, "The hash stored in link " + link.chainSeq()
                        + " was rewritten: event " + link.eventIdentifier()
                        + " still hashes to the value the next link expects.");
            }
            String which = nextPreviousHash == null
                    ? " (it is the newest link, so its stored hash may have been rewritten instead)"
                    : "";
            return at(link, BreakKind.EVENT_CHANGED, "Event " + link.eventIdentifier() + " (global index "
                    + link.event().globalIndex() + ") no longer matches link " + link.chainSeq()
                    + ": its content (payload, metadata or another column) was changed after it was stored" + which + ".");
        }

        private static ChainBreak at(Link link, BreakKind kind, String explanation) {
            return new ChainBreak(link.chainSeq(), link.eventIdentifier(), link.eventGlobalIndex(), kind, explanation);
        }
    }
}
