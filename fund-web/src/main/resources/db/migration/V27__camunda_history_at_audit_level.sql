-- Camunda keeps its history at the audit level from now on (application.yml says why). Camunda
-- refuses to start when its configured level differs from the one its database recorded, so a
-- database made at the full level (3) is moved to audit (2) here. The history rows already
-- written stay. On a fresh database Camunda's tables do not exist yet, and Camunda records the
-- audit level itself when it creates them.
DO $$
BEGIN
    IF to_regclass('act_ge_property') IS NOT NULL THEN
        UPDATE act_ge_property SET value_ = '2' WHERE name_ = 'historyLevel' AND value_ = '3';
    END IF;
END
$$;
