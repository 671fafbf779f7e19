-- Link events after they commit, in batches, instead of inside every committing transaction.
--
-- Since V22 each transaction that stored events linked them at COMMIT under one advisory lock, and
-- held that lock through its own WAL flush. Every event-storing commit of the whole system, on every
-- node, therefore waited for the previous one to reach the disk: PostgreSQL could not group commits,
-- and adding application nodes could not add write capacity. In the benchmark's draft saves each
-- command waited 0.85 to 1.5 ms on that lock (pg_stat_statements), about a third of its time.
--
-- Now:
-- 1. A plain AFTER INSERT trigger (no lock) queues each stored event in event_chain_pending, in the
--    transaction that stores it: an event commits only together with its place in the queue, so
--    nothing can be stored and then forgotten by the chain.
-- 2. event_chain_seal(max_events, wait) links queued events in one transaction, in global index order,
--    and removes them from the queue. One sealer at a time, cluster-wide (the same advisory lock, now
--    held by the sealer only); the links and the chain's guarantees are those of V20: one unforked,
--    gapless sequence, hash(n) = sha256(hash(n-1) || canonical(event row)), the same bytes (V20, V25).
--    The application calls it every few hundred milliseconds on each node (AuditChainSealer), with
--    wait = false, so nodes never queue behind each other; the verifier calls it with wait = true
--    before it walks the chain, so that it checks everything committed so far.
--
-- What changes for the record: an event is linked a fraction of a second after it commits, not at the
-- same instant. Until then it is in the queue, which only the owner can change (like the chain), and
-- the verifier reports an event that is neither linked nor queued as inserted behind the chain's back.
-- Transparency logs that must take many writers (Certificate Transparency's merge delay) make the
-- same trade.
CREATE TABLE event_chain_pending (
    global_index BIGINT NOT NULL PRIMARY KEY
);

COMMENT ON TABLE event_chain_pending IS
    'Stored events not yet linked into event_chain; written only by the trigger event_chain_queue, '
    'emptied only by event_chain_seal (V29).';

DROP TRIGGER event_chain_link ON domainevententry;
DROP FUNCTION event_chain_link();

-- SECURITY DEFINER: the application role may read the queue but not write it (below).
CREATE FUNCTION event_chain_queue() RETURNS TRIGGER
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
BEGIN
    INSERT INTO event_chain_pending (global_index) VALUES (NEW.globalindex);
    RETURN NULL;
END
$$;

CREATE TRIGGER event_chain_queue
    AFTER INSERT ON domainevententry
    FOR EACH ROW EXECUTE FUNCTION event_chain_queue();

-- Links up to max_events queued events and returns how many it linked. With wait = false it returns 0
-- at once when another session is sealing. Under READ COMMITTED (the default) every statement below
-- sees the latest commits, the previous sealer's included, once the lock is held.
CREATE FUNCTION event_chain_seal(max_events INTEGER, wait BOOLEAN) RETURNS INTEGER
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    head_seq  BIGINT;
    head_hash BYTEA;
    next_hash BYTEA;
    canonical BYTEA;
    sealed    BIGINT[] := '{}';
    e         RECORD;
    v_agg     BYTEA;
    v_type    BYTEA;
    v_id      BYTEA;
    v_ptype   BYTEA;
    v_prev    BYTEA;
    v_time    BYTEA;
BEGIN
    IF wait THEN
        PERFORM pg_advisory_xact_lock(7420001);
    ELSIF NOT pg_try_advisory_xact_lock(7420001) THEN
        RETURN 0;
    END IF;
    SELECT chain_seq, hash INTO head_seq, head_hash FROM event_chain ORDER BY chain_seq DESC LIMIT 1;
    IF head_seq IS NULL THEN
        head_seq := 0;
        head_hash := '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
    END IF;
    FOR e IN SELECT d.*
               FROM event_chain_pending p
               JOIN domainevententry d ON d.globalindex = p.global_index
              ORDER BY p.global_index
              LIMIT max_events
    LOOP
        v_agg := convert_to(e.aggregateidentifier, 'UTF8');
        v_type := convert_to(e.type, 'UTF8');
        v_id := convert_to(e.eventidentifier, 'UTF8');
        v_ptype := convert_to(e.payloadtype, 'UTF8');
        v_prev := convert_to(e.payloadrevision, 'UTF8');
        v_time := convert_to(e."timestamp", 'UTF8');
        -- Each field: NULL as int4 -1, else its byte length as int4 and its bytes (V20, written out as in V25).
        canonical :=
               CASE WHEN e.globalindex IS NULL THEN '\xffffffff'::bytea ELSE '\x00000008'::bytea || int8send(e.globalindex) END
            || CASE WHEN v_agg IS NULL THEN '\xffffffff'::bytea ELSE int4send(octet_length(v_agg)) || v_agg END
            || CASE WHEN e.sequencenumber IS NULL THEN '\xffffffff'::bytea ELSE '\x00000008'::bytea || int8send(e.sequencenumber) END
            || CASE WHEN v_type IS NULL THEN '\xffffffff'::bytea ELSE int4send(octet_length(v_type)) || v_type END
            || CASE WHEN v_id IS NULL THEN '\xffffffff'::bytea ELSE int4send(octet_length(v_id)) || v_id END
            || CASE WHEN v_ptype IS NULL THEN '\xffffffff'::bytea ELSE int4send(octet_length(v_ptype)) || v_ptype END
            || CASE WHEN v_prev IS NULL THEN '\xffffffff'::bytea ELSE int4send(octet_length(v_prev)) || v_prev END
            || CASE WHEN v_time IS NULL THEN '\xffffffff'::bytea ELSE int4send(octet_length(v_time)) || v_time END
            || CASE WHEN e.payload IS NULL THEN '\xffffffff'::bytea ELSE int4send(octet_length(e.payload)) || e.payload END
            || CASE WHEN e.metadata IS NULL THEN '\xffffffff'::bytea ELSE int4send(octet_length(e.metadata)) || e.metadata END;
        next_hash := sha256(head_hash || canonical);
        head_seq := head_seq + 1;
        INSERT INTO event_chain (chain_seq, event_identifier, global_index, previous_hash, hash)
        VALUES (head_seq, e.eventidentifier, e.globalindex, head_hash, next_hash);
        head_hash := next_hash;
        sealed := sealed || e.globalindex;
    END LOOP;
    DELETE FROM event_chain_pending WHERE global_index = ANY (sealed);
    RETURN cardinality(sealed);
END
$$;

COMMENT ON FUNCTION event_chain_seal(INTEGER, BOOLEAN) IS
    'Links up to max_events queued events into event_chain (V29); called by AuditChainSealer and AuditChainVerifier.';

-- The queue, like the chain, is the owner's: the application may read it, and may call
-- event_chain_seal (which writes with the owner's rights), but may not add or remove entries itself.
CREATE OR REPLACE FUNCTION grant_fund_app_privileges() RETURNS VOID
    LANGUAGE plpgsql SET search_path = public, pg_temp AS
$$
BEGIN
    GRANT USAGE ON SCHEMA public TO fund_app;

    GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public TO fund_app;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO fund_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO fund_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO fund_app;

    -- The record: append and read only.
    REVOKE ALL ON domainevententry, event_chain, event_chain_pending, snapshotevententry FROM PUBLIC;
    REVOKE ALL ON domainevententry, event_chain, event_chain_pending, snapshotevententry FROM fund_app;
    GRANT SELECT, INSERT ON domainevententry TO fund_app;
    GRANT SELECT ON event_chain, event_chain_pending TO fund_app;
    GRANT SELECT, INSERT, DELETE ON snapshotevententry TO fund_app;

    -- The migration history is the owner's.
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        REVOKE ALL ON flyway_schema_history FROM fund_app;
        GRANT SELECT ON flyway_schema_history TO fund_app;
    END IF;
END
$$;

DO
$$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fund_app') THEN
        PERFORM grant_fund_app_privileges();
    END IF;
END
$$;
