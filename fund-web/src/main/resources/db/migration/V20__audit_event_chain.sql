-- Tamper-evident trail: every row stored in domainevententry gets a link in event_chain, written by
-- a trigger in the same transaction, so no application code path (Axon, a script, a future module)
-- can store an event without chaining it.
--
--   hash(n) = sha256( hash(n-1) || canonical(event row of link n) ),   hash(0) = 32 zero bytes
--
-- canonical(event row) is the concatenation, in this order, of the columns
--   globalindex, aggregateidentifier, sequencenumber, type, eventidentifier,
--   payloadtype, payloadrevision, "timestamp", payload, metadata
-- each encoded as a field:
--   NULL           -> int4 -1 (the 4 bytes FF FF FF FF), nothing else
--   bigint         -> int4 8, then the value as 8 bytes big-endian two's complement (int8send)
--   text/varchar   -> int4 byte length, then the UTF-8 bytes
--   bytea          -> int4 byte length, then the bytes
-- all int4 lengths big-endian (int4send). Length prefixes make the encoding unambiguous: no two
-- different rows encode to the same bytes. The metadata column holds Axon's MetaData as JSON and
-- carries actor, actorRole, correlationId, traceId and reason, so who did it and why is covered too.
-- org.strongcities.fund.web.audit.CanonicalEvent implements the same encoding in Java; change both
-- together, never one.
--
-- Ordering: chain_seq is gapless (previous + 1, not a sequence, because a rolled-back transaction
-- would leave a sequence gap that looks like a deleted link). Concurrent writers cannot fork the
-- chain: the trigger takes a transaction-scoped advisory lock (key 7420001, used for nothing else)
-- before it reads the head, and holds it until commit. Under READ COMMITTED (the default, which
-- Axon and Camunda use) the head read after the lock is always the latest committed link. A
-- transaction at REPEATABLE READ or SERIALIZABLE whose snapshot predates another writer's commit
-- cannot see that head: its insert then collides on chain_seq and fails with a serialization
-- failure (SQLSTATE 40001, retry the transaction) instead of forking the chain.

CREATE TABLE event_chain (
    chain_seq        BIGINT       NOT NULL PRIMARY KEY,
    event_identifier VARCHAR(255) NOT NULL UNIQUE,
    global_index     BIGINT       NOT NULL,
    previous_hash    BYTEA        NOT NULL,
    hash             BYTEA        NOT NULL,
    chained_at       TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT event_chain_seq_positive CHECK (chain_seq > 0),
    CONSTRAINT event_chain_hash_length CHECK (octet_length(hash) = 32 AND octet_length(previous_hash) = 32)
);

COMMENT ON TABLE event_chain IS
    'One link per stored event: hash = sha256(previous_hash || canonical event row). Written only by the '
    'trigger event_chain_link on domainevententry; verified by AuditChainVerifier (GET /audit/verify).';

CREATE FUNCTION event_chain_field(value BYTEA) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT CASE WHEN value IS NULL THEN '\xffffffff'::bytea ELSE int4send(octet_length(value)) || value END
$$;

CREATE FUNCTION event_chain_canonical(globalindex BIGINT, aggregateidentifier TEXT, sequencenumber BIGINT,
                                      type TEXT, eventidentifier TEXT, payloadtype TEXT, payloadrevision TEXT,
                                      event_timestamp TEXT, payload BYTEA, metadata BYTEA) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT event_chain_field(int8send(globalindex))
    || event_chain_field(convert_to(aggregateidentifier, 'UTF8'))
    || event_chain_field(int8send(sequencenumber))
    || event_chain_field(convert_to(type, 'UTF8'))
    || event_chain_field(convert_to(eventidentifier, 'UTF8'))
    || event_chain_field(convert_to(payloadtype, 'UTF8'))
    || event_chain_field(convert_to(payloadrevision, 'UTF8'))
    || event_chain_field(convert_to(event_timestamp, 'UTF8'))
    || event_chain_field(payload)
    || event_chain_field(metadata)
$$;

-- SECURITY DEFINER: the application role may insert events but not links (see V21), so the link is
-- written with the owner's rights, and only by this trigger. search_path is pinned so that the
-- function cannot be steered to other objects.
CREATE FUNCTION event_chain_link() RETURNS TRIGGER
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    head_seq  BIGINT;
    head_hash BYTEA;
BEGIN
    PERFORM pg_advisory_xact_lock(7420001);
    SELECT chain_seq, hash INTO head_seq, head_hash FROM event_chain ORDER BY chain_seq DESC LIMIT 1;
    IF head_seq IS NULL THEN
        head_seq := 0;
        head_hash := '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
    END IF;
    INSERT INTO event_chain (chain_seq, event_identifier, global_index, previous_hash, hash)
    VALUES (head_seq + 1, NEW.eventidentifier, NEW.globalindex, head_hash,
            sha256(head_hash || event_chain_canonical(NEW.globalindex, NEW.aggregateidentifier, NEW.sequencenumber,
                                                      NEW.type, NEW.eventidentifier, NEW.payloadtype,
                                                      NEW.payloadrevision, NEW."timestamp", NEW.payload,
                                                      NEW.metadata)))
    ON CONFLICT (chain_seq) DO NOTHING;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'The event chain head moved while event % was being chained', NEW.eventidentifier
            USING ERRCODE = 'serialization_failure',
                  HINT = 'Retry the transaction; transactions that store events should run at READ COMMITTED.';
    END IF;
    RETURN NULL;
END
$$;

-- Events stored before this migration: chain them once, in the order Axon reads them.
DO
$$
DECLARE
    event     RECORD;
    seq       BIGINT := 0;
    prev_hash BYTEA := '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
    new_hash  BYTEA;
BEGIN
    LOCK TABLE domainevententry IN SHARE MODE;
    FOR event IN SELECT * FROM domainevententry ORDER BY globalindex LOOP
        seq := seq + 1;
        new_hash := sha256(prev_hash || event_chain_canonical(event.globalindex, event.aggregateidentifier,
                                                              event.sequencenumber, event.type,
                                                              event.eventidentifier, event.payloadtype,
                                                              event.payloadrevision, event."timestamp",
                                                              event.payload, event.metadata));
        INSERT INTO event_chain (chain_seq, event_identifier, global_index, previous_hash, hash)
        VALUES (seq, event.eventidentifier, event.globalindex, prev_hash, new_hash);
        prev_hash := new_hash;
    END LOOP;
END
$$;

CREATE TRIGGER event_chain_link
    AFTER INSERT ON domainevententry
    FOR EACH ROW EXECUTE FUNCTION event_chain_link();
