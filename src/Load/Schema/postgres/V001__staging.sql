-- Staging schema, PostgreSQL. Amounts are exact NUMERIC(19,2).
-- Rows of a run stay invisible until its runs row is 'published'; readers go through the published_* views.

CREATE TABLE runs (
    run_id          TEXT NOT NULL PRIMARY KEY,
    entity_name     TEXT NOT NULL,
    entity_type     TEXT NOT NULL,
    ins_code        TEXT NOT NULL,
    fiscal_year     INTEGER NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('loading', 'published', 'superseded', 'failed')),
    mapping_id      TEXT NOT NULL,
    mapping_version TEXT NOT NULL,
    mapping_sha256  TEXT NOT NULL,
    started_utc     TIMESTAMPTZ NOT NULL,
    finished_utc    TIMESTAMPTZ NULL,
    started_by      TEXT NOT NULL,
    tool_version    TEXT NOT NULL,
    fingerprint     TEXT NULL,
    failure_message TEXT NULL
);

-- At most one published run per entity and fiscal year, whatever happens concurrently.
CREATE UNIQUE INDEX ux_runs_published ON runs (ins_code, entity_type, fiscal_year) WHERE status = 'published';
CREATE INDEX ix_runs_entity ON runs (ins_code, entity_type, fiscal_year, status);

CREATE TABLE run_files (
    run_id         TEXT NOT NULL,
    source_file    TEXT NOT NULL,
    sha256         TEXT NOT NULL,
    lines_read     BIGINT NOT NULL,
    control_lines  BIGINT NULL,
    control_debit  NUMERIC(19,2) NULL,
    control_credit NUMERIC(19,2) NULL,
    PRIMARY KEY (run_id, source_file)
);

CREATE TABLE staged_lines (
    run_id          TEXT NOT NULL,
    batch           INTEGER NOT NULL,
    source_file     TEXT NOT NULL,
    record          BIGINT NOT NULL,
    line            BIGINT NOT NULL,
    part            INTEGER NOT NULL,
    fiscal_year     INTEGER NOT NULL,
    journal         TEXT NOT NULL,
    document        TEXT NOT NULL,
    line_number     TEXT NOT NULL,
    booking_date    DATE NOT NULL,
    account         TEXT NOT NULL,
    article         TEXT NULL,
    service         TEXT NOT NULL,
    third_party     TEXT NULL,
    label           TEXT NOT NULL,
    source_debit    NUMERIC(19,2) NOT NULL,
    source_credit   NUMERIC(19,2) NOT NULL,
    rule_id         TEXT NOT NULL,
    target_account  TEXT NOT NULL,
    target_economic TEXT NULL,
    target_function TEXT NULL,
    debit           NUMERIC(19,2) NOT NULL,
    credit          NUMERIC(19,2) NOT NULL
);

-- Canonical order of the fingerprint, and a run's rows found without a scan when a run is failed or replaced.
CREATE INDEX ix_staged_lines_lineage ON staged_lines (run_id, source_file, record, part);
CREATE INDEX ix_staged_lines_account ON staged_lines (run_id, account);
CREATE INDEX ix_staged_lines_target_account ON staged_lines (run_id, target_account);
CREATE INDEX ix_staged_lines_journal ON staged_lines (run_id, journal);
CREATE INDEX ix_staged_lines_document ON staged_lines (run_id, journal, document);

CREATE TABLE unmapped_lines (
    run_id       TEXT NOT NULL,
    batch        INTEGER NOT NULL,
    source_file  TEXT NOT NULL,
    record       BIGINT NOT NULL,
    line         BIGINT NOT NULL,
    fiscal_year  INTEGER NOT NULL,
    journal      TEXT NOT NULL,
    document     TEXT NOT NULL,
    line_number  TEXT NOT NULL,
    booking_date DATE NOT NULL,
    account      TEXT NOT NULL,
    article      TEXT NULL,
    service      TEXT NOT NULL,
    third_party  TEXT NULL,
    label        TEXT NOT NULL,
    debit        NUMERIC(19,2) NOT NULL,
    credit       NUMERIC(19,2) NOT NULL
);

CREATE INDEX ix_unmapped_lines_lineage ON unmapped_lines (run_id, source_file, record);
CREATE INDEX ix_unmapped_lines_account ON unmapped_lines (run_id, account);

CREATE TABLE rejected_lines (
    run_id      TEXT NOT NULL,
    batch       INTEGER NOT NULL,
    source_file TEXT NOT NULL,
    record      BIGINT NOT NULL,
    line        BIGINT NOT NULL,
    part        INTEGER NOT NULL,
    column_name TEXT NULL,
    reason      TEXT NOT NULL,
    message     TEXT NOT NULL,
    raw_text    TEXT NOT NULL
);

CREATE INDEX ix_rejected_lines_lineage ON rejected_lines (run_id, source_file, record, part);

CREATE TABLE legacy_balance (
    run_id          TEXT NOT NULL,
    batch           INTEGER NOT NULL,
    source_file     TEXT NOT NULL,
    record          BIGINT NOT NULL,
    line            BIGINT NOT NULL,
    fiscal_year     INTEGER NOT NULL,
    account         TEXT NOT NULL,
    label           TEXT NOT NULL,
    opening_debit   NUMERIC(19,2) NOT NULL,
    opening_credit  NUMERIC(19,2) NOT NULL,
    movement_debit  NUMERIC(19,2) NOT NULL,
    movement_credit NUMERIC(19,2) NOT NULL,
    closing_debit   NUMERIC(19,2) NOT NULL,
    closing_credit  NUMERIC(19,2) NOT NULL
);

CREATE INDEX ix_legacy_balance_lineage ON legacy_balance (run_id, source_file, record);
CREATE INDEX ix_legacy_balance_account ON legacy_balance (run_id, account);

CREATE TABLE budget_articles (
    run_id          TEXT NOT NULL,
    batch           INTEGER NOT NULL,
    source_file     TEXT NOT NULL,
    record          BIGINT NOT NULL,
    line            BIGINT NOT NULL,
    fiscal_year     INTEGER NOT NULL,
    article         TEXT NOT NULL,
    label           TEXT NOT NULL,
    service         TEXT NOT NULL,
    kind            TEXT NOT NULL,
    initial_credit  NUMERIC(19,2) NOT NULL,
    adjusted_credit NUMERIC(19,2) NOT NULL,
    committed       NUMERIC(19,2) NOT NULL,
    charged         NUMERIC(19,2) NOT NULL
);

CREATE INDEX ix_budget_articles_lineage ON budget_articles (run_id, source_file, record);
CREATE INDEX ix_budget_articles_article ON budget_articles (run_id, article);

CREATE TABLE commitments (
    run_id            TEXT NOT NULL,
    batch             INTEGER NOT NULL,
    source_file       TEXT NOT NULL,
    record            BIGINT NOT NULL,
    line              BIGINT NOT NULL,
    fiscal_year       INTEGER NOT NULL,
    article           TEXT NOT NULL,
    commitment_number TEXT NOT NULL,
    commitment_date   DATE NULL,
    third_party       TEXT NULL,
    label             TEXT NOT NULL,
    committed         NUMERIC(19,2) NOT NULL,
    charged           NUMERIC(19,2) NOT NULL
);

CREATE INDEX ix_commitments_lineage ON commitments (run_id, source_file, record);
CREATE INDEX ix_commitments_article ON commitments (run_id, article);

CREATE TABLE third_parties (
    run_id            TEXT NOT NULL,
    batch             INTEGER NOT NULL,
    source_file       TEXT NOT NULL,
    record            BIGINT NOT NULL,
    line              BIGINT NOT NULL,
    code              TEXT NOT NULL,
    name              TEXT NOT NULL,
    enterprise_number TEXT NULL,
    iban              TEXT NULL,
    postal_code       TEXT NULL,
    locality          TEXT NULL,
    kind              TEXT NULL
);

CREATE INDEX ix_third_parties_lineage ON third_parties (run_id, source_file, record);
CREATE INDEX ix_third_parties_code ON third_parties (run_id, code);

CREATE VIEW published_runs AS SELECT * FROM runs WHERE status = 'published';
CREATE VIEW published_staged_lines AS
    SELECT s.* FROM staged_lines s JOIN runs r ON r.run_id = s.run_id WHERE r.status = 'published';
CREATE VIEW published_unmapped_lines AS
    SELECT u.* FROM unmapped_lines u JOIN runs r ON r.run_id = u.run_id WHERE r.status = 'published';
CREATE VIEW published_rejected_lines AS
    SELECT j.* FROM rejected_lines j JOIN runs r ON r.run_id = j.run_id WHERE r.status = 'published';
