-- Each staged or unmapped ledger line keeps its source line's raw text, exactly as read from the file (decoded, quotes
-- and line breaks inside quotes included), so the drill-down shows the line as it stood, not rebuilt from its fields.
-- A split source line keeps it once, on part 1 (NULL on its other parts). Runs loaded before this script have none:
-- their lines stay NULL and the pages say so. The raw text is not part of a run's fingerprint.
-- A nullable column without a default: adding it rewrites no row.
ALTER TABLE staged_lines ADD COLUMN raw_text TEXT NULL;
ALTER TABLE unmapped_lines ADD COLUMN raw_text TEXT NULL;

-- PostgreSQL fixed the columns of the published views when V001 created them: readers now also see the raw text (the
-- new column comes last, as CREATE OR REPLACE VIEW requires). Grants on the views are kept.
CREATE OR REPLACE VIEW published_staged_lines AS
    SELECT s.* FROM staged_lines s JOIN runs r ON r.run_id = s.run_id WHERE r.status = 'published';
CREATE OR REPLACE VIEW published_unmapped_lines AS
    SELECT u.* FROM unmapped_lines u JOIN runs r ON r.run_id = u.run_id WHERE r.status = 'published';
