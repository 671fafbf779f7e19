-- A read model must take every fact the event store took.
--
-- The read models' text columns had lengths (VARCHAR(60) to VARCHAR(500)) that no command checked: a
-- payment reference of 300 characters, an earmark purpose of 450 or an application title of 600 was
-- stored as an event and then refused by its projection. The case projection then stopped at that event
-- and retried it for ever (no new case appeared anywhere), and the ledger projection skipped it (the
-- balances left the payment out). The domain now refuses one-line texts over 200 characters with a
-- message, but the limits of what a person may type belong to the domain, once; a projection has no one
-- to tell. So every text column of the tables the projections and the process notices write becomes
-- TEXT. In PostgreSQL VARCHAR(n) to TEXT changes no stored byte: no table or index is rewritten.
DO
$$
DECLARE
    col RECORD;
BEGIN
    FOR col IN
        SELECT c.table_name, c.column_name
        FROM information_schema.columns c
        WHERE c.table_schema = current_schema()
          AND (c.table_name LIKE 'rm\_%' OR c.table_name = 'notice')
          AND c.data_type = 'character varying'
        ORDER BY c.table_name, c.ordinal_position
    LOOP
        EXECUTE format('ALTER TABLE %I ALTER COLUMN %I TYPE TEXT', col.table_name, col.column_name);
    END LOOP;
END
$$;
