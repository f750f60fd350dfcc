-- Each staged or unmapped ledger line keeps its source line's raw text, exactly as read from the file (decoded, quotes
-- and line breaks inside quotes included), so the drill-down shows the line as it stood, not rebuilt from its fields.
-- A split source line keeps it once, on part 1 (NULL on its other parts). Runs loaded before this script have none:
-- their lines stay NULL and the pages say so. The raw text is not part of a run's fingerprint.
-- SQLite expands the views' `s.*` and `u.*` when they are read: published_staged_lines and published_unmapped_lines
-- show the new column without being recreated.
ALTER TABLE staged_lines ADD COLUMN raw_text TEXT NULL;
ALTER TABLE unmapped_lines ADD COLUMN raw_text TEXT NULL;
