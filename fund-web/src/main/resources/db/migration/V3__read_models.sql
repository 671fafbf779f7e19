-- Read models. Every table here is rebuilt from the event store by the projections in
-- org.strongcities.fund.web.readmodel; nothing here is the truth, so each can be truncated and
-- replayed. Rows that record one event are keyed by the event id, which makes a re-delivered
-- event a no-op.

CREATE TABLE rm_hub (
    hub_id            VARCHAR(100) PRIMARY KEY,
    name              VARCHAR(200) NOT NULL,
    region            VARCHAR(60)  NOT NULL,
    host_organisation VARCHAR(200)
);

CREATE TABLE rm_city (
    city_id         VARCHAR(100) PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    country_code    CHAR(2)      NOT NULL,
    region          VARCHAR(60)  NOT NULL,
    hub_id          VARCHAR(100),
    population_band VARCHAR(40),
    membership      VARCHAR(20)  NOT NULL,
    focal_points    TEXT,
    registered_at   TIMESTAMPTZ  NOT NULL
);

CREATE TABLE rm_city_hold (
    city_id   VARCHAR(100) NOT NULL,
    award_id  VARCHAR(100) NOT NULL,
    report_id VARCHAR(100) NOT NULL,
    placed_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (city_id, award_id, report_id)
);

CREATE TABLE rm_donor (
    donor_id      VARCHAR(100) PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    donor_type    VARCHAR(40)  NOT NULL,
    country_code  CHAR(2),
    iati_org_ref  VARCHAR(100),
    registered_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE rm_contribution (
    contribution_id  VARCHAR(100)   PRIMARY KEY,
    donor_id         VARCHAR(100)   NOT NULL,
    pledged_amount   NUMERIC(20, 4) NOT NULL,
    pledged_currency CHAR(3)        NOT NULL,
    period_start     DATE,
    period_end       DATE,
    earmark_kind     VARCHAR(20)    NOT NULL,
    earmark_value    VARCHAR(200),
    signed_at        TIMESTAMPTZ    NOT NULL
);
CREATE INDEX rm_contribution_donor ON rm_contribution (donor_id);

-- One row per money movement of a contribution, in USD, so that every balance (and every balance
-- as of a past date) is a sum over this table.
CREATE TABLE rm_ledger_entry (
    event_id          VARCHAR(100)   PRIMARY KEY,
    contribution_id   VARCHAR(100)   NOT NULL,
    award_id          VARCHAR(100),
    entry_kind        VARCHAR(20)    NOT NULL,
    amount_usd        NUMERIC(20, 2) NOT NULL,
    original_amount   NUMERIC(20, 4),
    original_currency CHAR(3),
    rate              NUMERIC(20, 10),
    rate_source       VARCHAR(200),
    value_date        DATE,
    reference         VARCHAR(200),
    occurred_at       TIMESTAMPTZ    NOT NULL,
    CONSTRAINT rm_ledger_entry_kind CHECK (entry_kind IN ('RECEIVED', 'COMMITTED', 'RELEASED', 'DISBURSED', 'REFUNDED'))
);
CREATE INDEX rm_ledger_entry_contribution ON rm_ledger_entry (contribution_id, occurred_at);
CREATE INDEX rm_ledger_entry_award ON rm_ledger_entry (award_id);

CREATE TABLE rm_application (
    application_id     VARCHAR(100) PRIMARY KEY,
    city_id            VARCHAR(100) NOT NULL,
    status             VARCHAR(40)  NOT NULL,
    version            INTEGER      NOT NULL DEFAULT 0,
    title              VARCHAR(500),
    summary            TEXT,
    priorities         TEXT,
    support_type       VARCHAR(60),
    requested_amount   NUMERIC(20, 4),
    requested_currency CHAR(3),
    sensitive          BOOLEAN      NOT NULL DEFAULT FALSE,
    draft_content      TEXT,
    decision_type      VARCHAR(40),
    approved_amount    NUMERIC(20, 4),
    approved_currency  CHAR(3),
    conditions         TEXT,
    rationale_for_applicant TEXT,
    decided_by         VARCHAR(80),
    award_id           VARCHAR(100),
    created_at         TIMESTAMPTZ  NOT NULL,
    submitted_at       TIMESTAMPTZ,
    decided_at         TIMESTAMPTZ,
    updated_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX rm_application_city ON rm_application (city_id);
CREATE INDEX rm_application_status ON rm_application (status);

CREATE TABLE rm_application_version (
    application_id        VARCHAR(100) NOT NULL,
    version               INTEGER      NOT NULL,
    content               TEXT         NOT NULL,
    response_to_reviewers TEXT,
    submitted_by          VARCHAR(80),
    submitted_at          TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (application_id, version)
);

-- The case timeline in plain status words, as the applicant sees it. Never holds internal comments.
CREATE TABLE rm_case_event (
    event_id       VARCHAR(100) PRIMARY KEY,
    application_id VARCHAR(100) NOT NULL,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    status_word    VARCHAR(60)  NOT NULL,
    detail         TEXT,
    actor          VARCHAR(80)
);
CREATE INDEX rm_case_event_application ON rm_case_event (application_id, occurred_at);

CREATE TABLE rm_review (
    review_id           VARCHAR(150) PRIMARY KEY,
    application_id      VARCHAR(100) NOT NULL,
    application_version INTEGER      NOT NULL,
    reviewer            VARCHAR(80)  NOT NULL,
    stage               VARCHAR(20)  NOT NULL,
    recused             BOOLEAN      NOT NULL DEFAULT FALSE,
    coi_statement       TEXT,
    scores              TEXT,
    total_score         INTEGER,
    recommendation      VARCHAR(40),
    rationale_for_applicant TEXT,
    internal_comments   TEXT,
    revision            INTEGER      NOT NULL DEFAULT 0,
    declared_at         TIMESTAMPTZ,
    submitted_at        TIMESTAMPTZ,
    updated_at          TIMESTAMPTZ  NOT NULL
);
CREATE INDEX rm_review_application ON rm_review (application_id);

CREATE TABLE rm_award (
    award_id       VARCHAR(100)   PRIMARY KEY,
    application_id VARCHAR(100)   NOT NULL,
    city_id        VARCHAR(100)   NOT NULL,
    region         VARCHAR(60)    NOT NULL,
    priorities     TEXT,
    support_type   VARCHAR(60),
    purpose        VARCHAR(200),
    amount_usd     NUMERIC(20, 2) NOT NULL,
    paid_usd       NUMERIC(20, 2) NOT NULL DEFAULT 0,
    refunded_usd   NUMERIC(20, 2) NOT NULL DEFAULT 0,
    status         VARCHAR(20)    NOT NULL,
    conditions     TEXT,
    end_date       DATE,
    made_by        VARCHAR(80),
    made_at        TIMESTAMPTZ    NOT NULL,
    closed_at      TIMESTAMPTZ
);
CREATE INDEX rm_award_city ON rm_award (city_id);

CREATE TABLE rm_award_funding (
    award_id        VARCHAR(100)   NOT NULL,
    contribution_id VARCHAR(100)   NOT NULL,
    amount_usd      NUMERIC(20, 2) NOT NULL,
    PRIMARY KEY (award_id, contribution_id)
);

CREATE TABLE rm_tranche (
    award_id          VARCHAR(100)   NOT NULL,
    tranche_id        VARCHAR(100)   NOT NULL,
    amount_usd        NUMERIC(20, 2) NOT NULL,
    planned_date      DATE,
    requires_report_id VARCHAR(100),
    status            VARCHAR(20)    NOT NULL,
    requested_by      VARCHAR(80),
    approved_by       VARCHAR(80),
    paid_by           VARCHAR(80),
    payment_reference VARCHAR(200),
    value_date        DATE,
    paid_at           TIMESTAMPTZ,
    PRIMARY KEY (award_id, tranche_id)
);

CREATE TABLE rm_report (
    award_id     VARCHAR(100) NOT NULL,
    report_id    VARCHAR(100) NOT NULL,
    kind         VARCHAR(20)  NOT NULL,
    due_date     DATE         NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    narrative    TEXT,
    results      TEXT,
    submitted_at TIMESTAMPTZ,
    decided_at   TIMESTAMPTZ,
    decision_reason TEXT,
    PRIMARY KEY (award_id, report_id)
);

CREATE TABLE rm_amendment (
    award_id     VARCHAR(100) NOT NULL,
    amendment_id VARCHAR(100) NOT NULL,
    kind         VARCHAR(40)  NOT NULL,
    terms        TEXT,
    reason       TEXT,
    status       VARCHAR(20)  NOT NULL,
    proposed_by  VARCHAR(80),
    decided_by   VARCHAR(80),
    proposed_at  TIMESTAMPTZ  NOT NULL,
    decided_at   TIMESTAMPTZ,
    PRIMARY KEY (award_id, amendment_id)
);

CREATE TABLE rm_handled_event (
    event_id         VARCHAR(100) NOT NULL,
    processing_group VARCHAR(100) NOT NULL,
    PRIMARY KEY (event_id, processing_group)
);
