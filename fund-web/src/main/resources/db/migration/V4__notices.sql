-- Reminders and escalations raised by process timers, for their recipients' home pages.
CREATE TABLE notice (
    id          BIGSERIAL    PRIMARY KEY,
    process_key VARCHAR(100) NOT NULL,
    case_id     VARCHAR(100) NOT NULL,
    kind        VARCHAR(60)  NOT NULL,
    recipients  VARCHAR(200) NOT NULL,
    report_id   VARCHAR(100),
    posted_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX notice_recipients ON notice (recipients, posted_at DESC);
