-- Sign-in accounts. A role is bound to the one object it may act for: a focal point to its city,
-- a hub reviewer to its hub, a donor login to its donor.
CREATE TABLE account (
    username            VARCHAR(80)  NOT NULL PRIMARY KEY,
    display_name        VARCHAR(200) NOT NULL,
    password_hash       VARCHAR(200) NOT NULL,
    role                VARCHAR(40)  NOT NULL,
    city_id             VARCHAR(100),
    hub_id              VARCHAR(100),
    donor_id            VARCHAR(100),
    enabled             BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    password_changed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT account_role_known CHECK (role IN ('CITY_FOCAL_POINT', 'HUB_REVIEWER', 'HUB_LEAD', 'CENTRAL_REVIEWER',
        'FINANCE_OFFICER', 'FINANCE_APPROVER', 'DONOR', 'ADMINISTRATOR')),
    CONSTRAINT account_city_bound CHECK (role <> 'CITY_FOCAL_POINT' OR city_id IS NOT NULL),
    CONSTRAINT account_hub_bound CHECK (role NOT IN ('HUB_REVIEWER', 'HUB_LEAD') OR hub_id IS NOT NULL),
    CONSTRAINT account_donor_bound CHECK (role <> 'DONOR' OR donor_id IS NOT NULL)
);

-- Marks that the demo data was seeded once, so that a restart never seeds twice.
CREATE TABLE demo_seed (
    seeded_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
