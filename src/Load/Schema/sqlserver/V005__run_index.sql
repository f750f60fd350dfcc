-- The staged lines are found by run: every query on them reads one run's rows whole (reconciliation, cut-over, run
-- comparison, the fingerprint read back, deleting a failed run). An index on run_id alone replaces the wider lineage
-- index (run_id, source_file, record, part), as on PostgreSQL, where keeping the wide one up to date cost nearly as
-- much as writing the rows (not measured on SQL Server, which has not run here). The fingerprint read-back sorts a
-- run's rows by lineage itself. The smaller tables keep their lineage indexes.
DROP INDEX IF EXISTS ix_staged_lines_lineage ON staged_lines;
CREATE INDEX ix_staged_lines_run ON staged_lines (run_id);
