-- A run whose reconciliation is FAILED is held: complete, fingerprinted, its rows kept for the reports, but not
-- published. An accountant may publish it after review (`bascule publish`), which records who, when and why.
-- V001 declared the status CHECK inline, so SQL Server gave it a generated name: it is looked up and dropped, and
-- the new one gets a fixed name.
DECLARE @name SYSNAME = (
    SELECT cc.name
    FROM sys.check_constraints cc
    JOIN sys.columns c ON c.object_id = cc.parent_object_id AND c.column_id = cc.parent_column_id
    WHERE cc.parent_object_id = OBJECT_ID(N'runs') AND c.name = N'status');
IF @name IS NULL
    THROW 50004, N'The CHECK constraint on runs.status was not found; V004 cannot allow the status held.', 1;
DECLARE @sql NVARCHAR(400) = N'ALTER TABLE runs DROP CONSTRAINT ' + QUOTENAME(@name) + N';';
EXEC sp_executesql @sql;
GO

ALTER TABLE runs ADD CONSTRAINT ck_runs_status CHECK (status IN ('loading', 'published', 'superseded', 'failed', 'held'));
ALTER TABLE runs ADD override_by NVARCHAR(200) NULL, override_utc DATETIME2 NULL, override_reason NVARCHAR(MAX) NULL;
GO

-- SQL Server fixed the columns of published_runs when V001 created it: refreshed, readers also see the job and, for
-- a run published over a FAILED reconciliation, who published it, when and why.
EXEC sp_refreshview N'published_runs';
