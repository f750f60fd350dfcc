-- A run whose reconciliation is FAILED is held: complete, fingerprinted, its rows kept for the reports, but not
-- published. An accountant may publish it after review (`bascule publish`), which records who, when and why.
-- SQLite cannot change a CHECK constraint in place: the runs table is rebuilt with its rows, its indexes and the
-- views that read it. The views go first, so that no view ever names a table that is being replaced.
DROP VIEW IF EXISTS published_runs;
DROP VIEW IF EXISTS published_staged_lines;
DROP VIEW IF EXISTS published_unmapped_lines;
DROP VIEW IF EXISTS published_rejected_lines;

CREATE TABLE runs_v004 (
    run_id          TEXT NOT NULL PRIMARY KEY,
    entity_name     TEXT NOT NULL,
    entity_type     TEXT NOT NULL,
    ins_code        TEXT NOT NULL,
    fiscal_year     INTEGER NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('loading', 'published', 'superseded', 'failed', 'held')),
    mapping_id      TEXT NOT NULL,
    mapping_version TEXT NOT NULL,
    mapping_sha256  TEXT NOT NULL,
    started_utc     TEXT NOT NULL,
    finished_utc    TEXT NULL,
    started_by      TEXT NOT NULL,
    tool_version    TEXT NOT NULL,
    fingerprint     TEXT NULL,
    failure_message TEXT NULL,
    job             TEXT NULL,
    override_by     TEXT NULL,
    override_utc    TEXT NULL,
    override_reason TEXT NULL
);

INSERT INTO runs_v004 (run_id, entity_name, entity_type, ins_code, fiscal_year, status, mapping_id, mapping_version, mapping_sha256,
                       started_utc, finished_utc, started_by, tool_version, fingerprint, failure_message, job)
SELECT run_id, entity_name, entity_type, ins_code, fiscal_year, status, mapping_id, mapping_version, mapping_sha256,
       started_utc, finished_utc, started_by, tool_version, fingerprint, failure_message, job
FROM runs;

DROP TABLE runs;
ALTER TABLE runs_v004 RENAME TO runs;

-- At most one published run per entity and fiscal year, whatever happens concurrently.
CREATE UNIQUE INDEX ux_runs_published ON runs (ins_code, entity_type, fiscal_year) WHERE status = 'published';
CREATE INDEX ix_runs_entity ON runs (ins_code, entity_type, fiscal_year, status);

-- Held runs are not published: the views show them to no reader.
CREATE VIEW published_runs AS SELECT * FROM runs WHERE status = 'published';
CREATE VIEW published_staged_lines AS
    SELECT s.* FROM staged_lines s JOIN runs r ON r.run_id = s.run_id WHERE r.status = 'published';
CREATE VIEW published_unmapped_lines AS
    SELECT u.* FROM unmapped_lines u JOIN runs r ON r.run_id = u.run_id WHERE r.status = 'published';
CREATE VIEW published_rejected_lines AS
    SELECT j.* FROM rejected_lines j JOIN runs r ON r.run_id = j.run_id WHERE r.status = 'published';
