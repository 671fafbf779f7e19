-- Least privilege for the running application, and a guard against changing history by accident.
--
-- 1. Role fund_app: what the application should connect as. Migrations (Flyway) keep running as the
--    owner of the schema, the role that runs this script. fund_app is created NOLOGIN: the embedded
--    default keeps connecting as its owner. An operator of an external PostgreSQL makes it usable with
--        ALTER ROLE fund_app LOGIN PASSWORD '...';
--    then sets SPRING_DATASOURCE_USERNAME=fund_app (and _PASSWORD) for the application, and
--    SPRING_FLYWAY_USER / SPRING_FLYWAY_PASSWORD to the owner so that migrations still run as the owner
--    (README.md, "Audit trail and database roles").
--
--    fund_app may read and append events but never UPDATE, DELETE or TRUNCATE them; it may only read
--    the chain (links are written by the SECURITY DEFINER trigger of V20). Snapshots are a cache that
--    Axon replaces (it deletes the older snapshot), so DELETE is granted there. Every other table in
--    schema public (read models, accounts, Axon tokens and sagas, Camunda's act_* tables) gets
--    SELECT, INSERT, UPDATE, DELETE and TRUNCATE (projections truncate their tables when they are
--    rebuilt), now and (through default privileges) when created later by the owner. The role cannot drop or disable the triggers: that needs ownership of the table, and
--    session_replication_role needs a superuser.
--
--    Roles belong to the cluster, not the database: the role is created only if missing. If the owner
--    may not create roles (some managed services), a warning is raised, an administrator creates the
--    role and then runs   SELECT grant_fund_app_privileges();   as the owner.
--
-- 2. Guard: UPDATE, DELETE and TRUNCATE of domainevententry and event_chain fail for everybody,
--    the owner included, unless the session (or transaction) has opted in with
--        SET LOCAL fund.allow_event_maintenance = 'on';
--    Any maintenance done that way shows up in the verifier as a break, which is the point: the
--    setting exists for deliberate, documented repairs and for the tamper tests, not for normal work.

CREATE FUNCTION grant_fund_app_privileges() RETURNS VOID
    LANGUAGE plpgsql SET search_path = public, pg_temp AS
$$
BEGIN
    GRANT USAGE ON SCHEMA public TO fund_app;

    GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public TO fund_app;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO fund_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO fund_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO fund_app;

    -- The record: append and read only.
    REVOKE ALL ON domainevententry, event_chain, snapshotevententry FROM PUBLIC;
    REVOKE ALL ON domainevententry, event_chain, snapshotevententry FROM fund_app;
    GRANT SELECT, INSERT ON domainevententry TO fund_app;
    GRANT SELECT ON event_chain TO fund_app;
    GRANT SELECT, INSERT, DELETE ON snapshotevententry TO fund_app;

    -- The migration history is the owner's.
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        REVOKE ALL ON flyway_schema_history FROM fund_app;
        GRANT SELECT ON flyway_schema_history TO fund_app;
    END IF;
END
$$;

COMMENT ON FUNCTION grant_fund_app_privileges() IS
    'Grants the application role fund_app its least privileges; run as the schema owner (V21, README).';

DO
$$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fund_app') THEN
        BEGIN
            CREATE ROLE fund_app NOLOGIN;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE WARNING 'Cannot create role fund_app (%): create it as an administrator, then run '
                'SELECT grant_fund_app_privileges(); as the owner of the schema', SQLERRM;
        END;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fund_app') THEN
        PERFORM grant_fund_app_privileges();
    END IF;
END
$$;

CREATE FUNCTION event_history_guard() RETURNS TRIGGER
    LANGUAGE plpgsql AS
$$
BEGIN
    IF coalesce(current_setting('fund.allow_event_maintenance', true), '') <> 'on' THEN
        RAISE EXCEPTION '% on % is not allowed: stored events and their chain are append-only', TG_OP, TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'For a deliberate, documented repair: SET LOCAL fund.allow_event_maintenance = ''on''; '
                      'the audit verifier will then report the change.';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER domainevententry_history_guard
    BEFORE UPDATE OR DELETE ON domainevententry
    FOR EACH ROW EXECUTE FUNCTION event_history_guard();
CREATE TRIGGER domainevententry_history_guard_truncate
    BEFORE TRUNCATE ON domainevententry
    FOR EACH STATEMENT EXECUTE FUNCTION event_history_guard();
CREATE TRIGGER event_chain_history_guard
    BEFORE UPDATE OR DELETE ON event_chain
    FOR EACH ROW EXECUTE FUNCTION event_history_guard();
CREATE TRIGGER event_chain_history_guard_truncate
    BEFORE TRUNCATE ON event_chain
    FOR EACH STATEMENT EXECUTE FUNCTION event_history_guard();
