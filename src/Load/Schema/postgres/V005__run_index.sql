-- The staged lines are found by run: every query on them reads one run's rows whole (reconciliation, cut-over, run
-- comparison, the fingerprint read back, deleting a failed run). The lineage index (run_id, source_file, record, part)
-- also gave the fingerprint read-back its order, but keeping its wide entries (two texts and two numbers per row) up
-- to date was measured at about 3.3 s of the server's time for every million staged lines, nearly as much as writing
-- the rows themselves (2.0 s); an index on run_id alone, whose equal keys PostgreSQL stores once per page, costs
-- about 0.8 s. The read-back now sorts a run's rows by lineage itself, and a retried batch finds its earlier rows
-- among its run's. The smaller tables keep their lineage indexes.
DROP INDEX IF EXISTS ix_staged_lines_lineage;
CREATE INDEX ix_staged_lines_run ON staged_lines (run_id);
