-- Drill-down: the lines behind a figure of a run, a page at a time, in the order of their key (source file, record,
-- part), the next page starting after the last key shown. Each index below serves one kind of list: its columns after
-- the filter are the key, so a page reads its own entries and stops, at the first line of a list or at its millionth.
-- A journal's lines are listed document by document, so its index also serves one document's lines. The unmapped and
-- rejected lines are read through their lineage indexes. These indexes cost load time (kept up to date row by row):
-- measured in bench/README.md, DrillBench.
CREATE INDEX ix_staged_lines_account_key ON staged_lines (run_id, account, source_file, record, part);
CREATE INDEX ix_staged_lines_target_key ON staged_lines (run_id, target_account, source_file, record, part);
CREATE INDEX ix_staged_lines_document_key ON staged_lines (run_id, journal, document, source_file, record, part);
CREATE INDEX ix_staged_lines_article_key ON staged_lines (run_id, article, source_file, record, part);
