-- A loading run holds a lease on its entity and year: the process that runs it (host name, process id and the start
-- time the system keeps for that process, which tells it from a later process given the same id) and a heartbeat it
-- renews while it is alive. Another run of that entity and year treats it as abandoned, and cleans it up, only once
-- its lease has expired or its process is gone from the same host; until then it waits or stops without writing.
-- Timestamps are UTC, written by the holder's clock, as started_utc.
ALTER TABLE runs
    ADD COLUMN lease_host          TEXT NULL,
    ADD COLUMN lease_pid           INTEGER NULL,
    ADD COLUMN lease_process_start TEXT NULL,
    ADD COLUMN heartbeat_utc       TIMESTAMPTZ NULL,
    ADD COLUMN lease_expires_utc   TIMESTAMPTZ NULL;

-- Earlier versions could leave two runs of one entity and year loading (two started at the same moment): the later
-- one is kept, for the next run to judge; the others become failed now, and the next run deletes their rows.
UPDATE runs SET status = 'failed', finished_utc = now(),
                failure_message = 'Abandoned: found loading beside a later run of the same entity and year when the staging schema was upgraded (V006); the next run deletes its rows.'
WHERE status = 'loading'
  AND EXISTS (SELECT 1 FROM runs later
              WHERE later.status = 'loading' AND later.ins_code = runs.ins_code AND later.entity_type = runs.entity_type
                AND later.fiscal_year = runs.fiscal_year
                AND (later.started_utc > runs.started_utc OR (later.started_utc = runs.started_utc AND later.run_id > runs.run_id)));

-- At most one loading run per entity and fiscal year: two runs that start at the same moment cannot both take the lease.
CREATE UNIQUE INDEX ux_runs_loading ON runs (ins_code, entity_type, fiscal_year) WHERE status = 'loading';

-- PostgreSQL fixed the columns of published_runs when it was last replaced (V004): readers see the new ones too
-- (empty or stale for a published run; only a loading run's lease means anything). Grants on the view are kept.
CREATE OR REPLACE VIEW published_runs AS SELECT * FROM runs WHERE status = 'published';
