-- Every query on the staged rows reads one run's rows whole (reconciliation, cut-over, fingerprint, run comparison,
-- deleting a failed run): the lineage index (run_id first) finds them and gives the fingerprint its order. The
-- per-account, per-journal and per-document indexes served none of those queries, yet were kept up to date row by
-- row during every load, and made up most of its cost.
DROP INDEX IF EXISTS ix_staged_lines_account ON staged_lines;
DROP INDEX IF EXISTS ix_staged_lines_target_account ON staged_lines;
DROP INDEX IF EXISTS ix_staged_lines_journal ON staged_lines;
DROP INDEX IF EXISTS ix_staged_lines_document ON staged_lines;
DROP INDEX IF EXISTS ix_unmapped_lines_account ON unmapped_lines;
