-- A loading run holds a lease on its entity and year: the process that runs it (host name, process id and the start
-- time the system keeps for that process, which tells it from a later process given the same id) and a heartbeat it
-- renews while it is alive. Another run of that entity and year treats it as abandoned, and cleans it up, only once
-- its lease has expired or its process is gone from the same host; until then it waits or stops without writing.
-- Timestamps are UTC, written by the holder's clock, as started_utc.
ALTER TABLE runs ADD lease_host NVARCHAR(255) NULL, lease_pid INT NULL, lease_process_start VARCHAR(64) NULL,
                     heartbeat_utc DATETIME2 NULL, lease_expires_utc DATETIME2 NULL;
GO

-- Earlier versions could leave two runs of one entity and year loading (two started at the same moment): the later
-- one is kept, for the next run to judge; the others become failed now, and the next run deletes their rows.
UPDATE runs SET status = 'failed', finished_utc = SYSUTCDATETIME(),
                failure_message = N'Abandoned: found loading beside a later run of the same entity and year when the staging schema was upgraded (V006); the next run deletes its rows.'
WHERE status = 'loading'
  AND EXISTS (SELECT 1 FROM runs later
              WHERE later.status = 'loading' AND later.ins_code = runs.ins_code AND later.entity_type = runs.entity_type
                AND later.fiscal_year = runs.fiscal_year
                AND (later.started_utc > runs.started_utc OR (later.started_utc = runs.started_utc AND later.run_id > runs.run_id)));

-- At most one loading run per entity and fiscal year: two runs that start at the same moment cannot both take the lease.
CREATE UNIQUE INDEX ux_runs_loading ON runs (ins_code, entity_type, fiscal_year) WHERE status = 'loading';
GO

-- SQL Server fixed the columns of published_runs when V004 refreshed it: refreshed again, readers see the new ones
-- too (empty or stale for a published run; only a loading run's lease means anything).
EXEC sp_refreshview N'published_runs';
