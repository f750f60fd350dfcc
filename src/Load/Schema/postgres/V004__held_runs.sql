-- A run whose reconciliation is FAILED is held: complete, fingerprinted, its rows kept for the reports, but not
-- published. An accountant may publish it after review (`bascule publish`), which records who, when and why.
-- V001 declared the status CHECK inline, so PostgreSQL named it runs_status_check; it is replaced, not added to.
ALTER TABLE runs DROP CONSTRAINT runs_status_check;
ALTER TABLE runs ADD CONSTRAINT runs_status_check CHECK (status IN ('loading', 'published', 'superseded', 'failed', 'held'));

ALTER TABLE runs
    ADD COLUMN override_by     TEXT NULL,
    ADD COLUMN override_utc    TIMESTAMPTZ NULL,
    ADD COLUMN override_reason TEXT NULL;

-- PostgreSQL fixed the columns of published_runs when V001 created it: readers now also see the job and, for a run
-- published over a FAILED reconciliation, who published it, when and why. Grants on the view are kept.
CREATE OR REPLACE VIEW published_runs AS SELECT * FROM runs WHERE status = 'published';
