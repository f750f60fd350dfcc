-- Staging schema, SQL Server. Amounts are exact DECIMAL(19,2). The data tables are heaps (no clustered index)
-- so that SqlBulkCopy with a table lock loads them at full speed.
-- Rows of a run stay invisible until its runs row is 'published'; readers go through the published_* views.

CREATE TABLE runs (
    run_id          VARCHAR(40) NOT NULL CONSTRAINT pk_runs PRIMARY KEY,
    entity_name     NVARCHAR(200) NOT NULL,
    entity_type     VARCHAR(10) NOT NULL,
    ins_code        VARCHAR(10) NOT NULL,
    fiscal_year     INT NOT NULL,
    status          VARCHAR(12) NOT NULL CHECK (status IN ('loading', 'published', 'superseded', 'failed')),
    mapping_id      NVARCHAR(100) NOT NULL,
    mapping_version NVARCHAR(50) NOT NULL,
    mapping_sha256  VARCHAR(64) NOT NULL,
    started_utc     DATETIME2 NOT NULL,
    finished_utc    DATETIME2 NULL,
    started_by      NVARCHAR(200) NOT NULL,
    tool_version    NVARCHAR(50) NOT NULL,
    fingerprint     VARCHAR(64) NULL,
    failure_message NVARCHAR(MAX) NULL
);

-- At most one published run per entity and fiscal year, whatever happens concurrently.
CREATE UNIQUE INDEX ux_runs_published ON runs (ins_code, entity_type, fiscal_year) WHERE status = 'published';
CREATE INDEX ix_runs_entity ON runs (ins_code, entity_type, fiscal_year, status);
GO

CREATE TABLE run_files (
    run_id         VARCHAR(40) NOT NULL,
    source_file    NVARCHAR(260) NOT NULL,
    sha256         VARCHAR(64) NOT NULL,
    lines_read     BIGINT NOT NULL,
    control_lines  BIGINT NULL,
    control_debit  DECIMAL(19,2) NULL,
    control_credit DECIMAL(19,2) NULL,
    CONSTRAINT pk_run_files PRIMARY KEY (run_id, source_file)
);
GO

CREATE TABLE staged_lines (
    run_id          VARCHAR(40) NOT NULL,
    batch           INT NOT NULL,
    source_file     NVARCHAR(260) NOT NULL,
    record          BIGINT NOT NULL,
    line            BIGINT NOT NULL,
    part            INT NOT NULL,
    fiscal_year     INT NOT NULL,
    journal         NVARCHAR(32) NOT NULL,
    document        NVARCHAR(64) NOT NULL,
    line_number     NVARCHAR(32) NOT NULL,
    booking_date    DATE NOT NULL,
    account         NVARCHAR(32) NOT NULL,
    article         NVARCHAR(32) NULL,
    service         NVARCHAR(4) NOT NULL,
    third_party     NVARCHAR(64) NULL,
    label           NVARCHAR(MAX) NOT NULL,
    source_debit    DECIMAL(19,2) NOT NULL,
    source_credit   DECIMAL(19,2) NOT NULL,
    rule_id         NVARCHAR(64) NOT NULL,
    target_account  NVARCHAR(32) NOT NULL,
    target_economic NVARCHAR(32) NULL,
    target_function NVARCHAR(32) NULL,
    debit           DECIMAL(19,2) NOT NULL,
    credit          DECIMAL(19,2) NOT NULL
);
GO

-- Canonical order of the fingerprint, and a run's rows found without a scan when a run is failed or replaced.
CREATE INDEX ix_staged_lines_lineage ON staged_lines (run_id, source_file, record, part);
CREATE INDEX ix_staged_lines_account ON staged_lines (run_id, account);
CREATE INDEX ix_staged_lines_target_account ON staged_lines (run_id, target_account);
CREATE INDEX ix_staged_lines_journal ON staged_lines (run_id, journal);
CREATE INDEX ix_staged_lines_document ON staged_lines (run_id, journal, document);
GO

CREATE TABLE unmapped_lines (
    run_id       VARCHAR(40) NOT NULL,
    batch        INT NOT NULL,
    source_file  NVARCHAR(260) NOT NULL,
    record       BIGINT NOT NULL,
    line         BIGINT NOT NULL,
    fiscal_year  INT NOT NULL,
    journal      NVARCHAR(32) NOT NULL,
    document     NVARCHAR(64) NOT NULL,
    line_number  NVARCHAR(32) NOT NULL,
    booking_date DATE NOT NULL,
    account      NVARCHAR(32) NOT NULL,
    article      NVARCHAR(32) NULL,
    service      NVARCHAR(4) NOT NULL,
    third_party  NVARCHAR(64) NULL,
    label        NVARCHAR(MAX) NOT NULL,
    debit        DECIMAL(19,2) NOT NULL,
    credit       DECIMAL(19,2) NOT NULL
);
GO

CREATE INDEX ix_unmapped_lines_lineage ON unmapped_lines (run_id, source_file, record);
CREATE INDEX ix_unmapped_lines_account ON unmapped_lines (run_id, account);
GO

CREATE TABLE rejected_lines (
    run_id      VARCHAR(40) NOT NULL,
    batch       INT NOT NULL,
    source_file NVARCHAR(260) NOT NULL,
    record      BIGINT NOT NULL,
    line        BIGINT NOT NULL,
    part        INT NOT NULL,
    column_name NVARCHAR(64) NULL,
    reason      NVARCHAR(64) NOT NULL,
    message     NVARCHAR(MAX) NOT NULL,
    raw_text    NVARCHAR(MAX) NOT NULL
);
GO

CREATE INDEX ix_rejected_lines_lineage ON rejected_lines (run_id, source_file, record, part);
GO

CREATE TABLE legacy_balance (
    run_id          VARCHAR(40) NOT NULL,
    batch           INT NOT NULL,
    source_file     NVARCHAR(260) NOT NULL,
    record          BIGINT NOT NULL,
    line            BIGINT NOT NULL,
    fiscal_year     INT NOT NULL,
    account         NVARCHAR(32) NOT NULL,
    label           NVARCHAR(MAX) NOT NULL,
    opening_debit   DECIMAL(19,2) NOT NULL,
    opening_credit  DECIMAL(19,2) NOT NULL,
    movement_debit  DECIMAL(19,2) NOT NULL,
    movement_credit DECIMAL(19,2) NOT NULL,
    closing_debit   DECIMAL(19,2) NOT NULL,
    closing_credit  DECIMAL(19,2) NOT NULL
);
GO

CREATE INDEX ix_legacy_balance_lineage ON legacy_balance (run_id, source_file, record);
CREATE INDEX ix_legacy_balance_account ON legacy_balance (run_id, account);
GO

CREATE TABLE budget_articles (
    run_id          VARCHAR(40) NOT NULL,
    batch           INT NOT NULL,
    source_file     NVARCHAR(260) NOT NULL,
    record          BIGINT NOT NULL,
    line            BIGINT NOT NULL,
    fiscal_year     INT NOT NULL,
    article         NVARCHAR(32) NOT NULL,
    label           NVARCHAR(MAX) NOT NULL,
    service         NVARCHAR(4) NOT NULL,
    kind            NVARCHAR(4) NOT NULL,
    initial_credit  DECIMAL(19,2) NOT NULL,
    adjusted_credit DECIMAL(19,2) NOT NULL,
    committed       DECIMAL(19,2) NOT NULL,
    charged         DECIMAL(19,2) NOT NULL
);
GO

CREATE INDEX ix_budget_articles_lineage ON budget_articles (run_id, source_file, record);
CREATE INDEX ix_budget_articles_article ON budget_articles (run_id, article);
GO

CREATE TABLE commitments (
    run_id            VARCHAR(40) NOT NULL,
    batch             INT NOT NULL,
    source_file       NVARCHAR(260) NOT NULL,
    record            BIGINT NOT NULL,
    line              BIGINT NOT NULL,
    fiscal_year       INT NOT NULL,
    article           NVARCHAR(32) NOT NULL,
    commitment_number NVARCHAR(64) NOT NULL,
    commitment_date   DATE NULL,
    third_party       NVARCHAR(64) NULL,
    label             NVARCHAR(MAX) NOT NULL,
    committed         DECIMAL(19,2) NOT NULL,
    charged           DECIMAL(19,2) NOT NULL
);
GO

CREATE INDEX ix_commitments_lineage ON commitments (run_id, source_file, record);
CREATE INDEX ix_commitments_article ON commitments (run_id, article);
GO

CREATE TABLE third_parties (
    run_id            VARCHAR(40) NOT NULL,
    batch             INT NOT NULL,
    source_file       NVARCHAR(260) NOT NULL,
    record            BIGINT NOT NULL,
    line              BIGINT NOT NULL,
    code              NVARCHAR(64) NOT NULL,
    name              NVARCHAR(MAX) NOT NULL,
    enterprise_number NVARCHAR(32) NULL,
    iban              NVARCHAR(64) NULL,
    postal_code       NVARCHAR(16) NULL,
    locality          NVARCHAR(200) NULL,
    kind              NVARCHAR(4) NULL
);
GO

CREATE INDEX ix_third_parties_lineage ON third_parties (run_id, source_file, record);
CREATE INDEX ix_third_parties_code ON third_parties (run_id, code);
GO

CREATE VIEW published_runs AS SELECT * FROM runs WHERE status = 'published';
GO
CREATE VIEW published_staged_lines AS
    SELECT s.* FROM staged_lines s JOIN runs r ON r.run_id = s.run_id WHERE r.status = 'published';
GO
CREATE VIEW published_unmapped_lines AS
    SELECT u.* FROM unmapped_lines u JOIN runs r ON r.run_id = u.run_id WHERE r.status = 'published';
GO
CREATE VIEW published_rejected_lines AS
    SELECT j.* FROM rejected_lines j JOIN runs r ON r.run_id = j.run_id WHERE r.status = 'published';
GO
