-- The same links, computed about four times faster.
--
-- Every committing writer links its events one after another under the chain's lock (V22), so the
-- time to link one row bounds the whole system's write rate. Measured on PostgreSQL 14 while
-- loading the benchmark's history: about 0.4 ms per row when the trigger calls the SQL functions
-- event_chain_canonical and event_chain_field (ten nested calls per row), about 0.1 ms with the
-- same encoding written out in the trigger. The bytes hashed do not change (V20 defines them;
-- CanonicalEvent.java and AuditChainTest check the two agree); event_chain_canonical stays, for
-- anyone who wants to recompute a link in SQL.
CREATE OR REPLACE FUNCTION event_chain_link() RETURNS TRIGGER
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    head_seq  BIGINT;
    head_hash BYTEA;
    canonical BYTEA;
    v_agg     BYTEA := convert_to(NEW.aggregateidentifier, 'UTF8');
    v_type    BYTEA := convert_to(NEW.type, 'UTF8');
    v_id      BYTEA := convert_to(NEW.eventidentifier, 'UTF8');
    v_ptype   BYTEA := convert_to(NEW.payloadtype, 'UTF8');
    v_prev    BYTEA := convert_to(NEW.payloadrevision, 'UTF8');
    v_time    BYTEA := convert_to(NEW."timestamp", 'UTF8');
BEGIN
    -- Each field: NULL as int4 -1, else its byte length as int4 and its bytes (see V20).
    canonical :=
           CASE WHEN NEW.globalindex IS NULL THEN '\xffffffff'::bytea ELSE '\x00000008'::bytea || int8send(NEW.globalindex) END
        || CASE WHEN v_agg IS NULL THEN '\xffffffff'::bytea ELSE int4send(octet_length(v_agg)) || v_agg END
        || CASE WHEN NEW.sequencenumber IS NULL THEN '\xffffffff'::bytea ELSE '\x00000008'::bytea || int8send(NEW.sequencenumber) END
        || CASE WHEN v_type IS NULL THEN '\xffffffff'::bytea ELSE int4send(octet_length(v_type)) || v_type END
        || CASE WHEN v_id IS NULL THEN '\xffffffff'::bytea ELSE int4send(octet_length(v_id)) || v_id END
        || CASE WHEN v_ptype IS NULL THEN '\xffffffff'::bytea ELSE int4send(octet_length(v_ptype)) || v_ptype END
        || CASE WHEN v_prev IS NULL THEN '\xffffffff'::bytea ELSE int4send(octet_length(v_prev)) || v_prev END
        || CASE WHEN v_time IS NULL THEN '\xffffffff'::bytea ELSE int4send(octet_length(v_time)) || v_time END
        || CASE WHEN NEW.payload IS NULL THEN '\xffffffff'::bytea ELSE int4send(octet_length(NEW.payload)) || NEW.payload END
        || CASE WHEN NEW.metadata IS NULL THEN '\xffffffff'::bytea ELSE int4send(octet_length(NEW.metadata)) || NEW.metadata END;

    PERFORM pg_advisory_xact_lock(7420001);
    SELECT chain_seq, hash INTO head_seq, head_hash FROM event_chain ORDER BY chain_seq DESC LIMIT 1;
    IF head_seq IS NULL THEN
        head_seq := 0;
        head_hash := '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
    END IF;
    INSERT INTO event_chain (chain_seq, event_identifier, global_index, previous_hash, hash)
    VALUES (head_seq + 1, NEW.eventidentifier, NEW.globalindex, head_hash, sha256(head_hash || canonical))
    ON CONFLICT (chain_seq) DO NOTHING;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'The event chain head moved while event % was being chained', NEW.eventidentifier
            USING ERRCODE = 'serialization_failure',
                  HINT = 'Retry the transaction; transactions that store events should run at READ COMMITTED.';
    END IF;
    RETURN NULL;
END
$$;
