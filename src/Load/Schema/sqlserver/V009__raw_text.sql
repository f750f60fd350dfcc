-- Each staged or unmapped ledger line keeps its source line's raw text, exactly as read from the file (decoded, quotes
-- and line breaks inside quotes included), so the drill-down shows the line as it stood, not rebuilt from its fields.
-- A split source line keeps it once, on part 1 (NULL on its other parts). Runs loaded before this script have none:
-- their lines stay NULL and the pages say so. The raw text is not part of a run's fingerprint.
-- A nullable column without a default: adding it changes metadata only.
ALTER TABLE staged_lines ADD raw_text NVARCHAR(MAX) NULL;
ALTER TABLE unmapped_lines ADD raw_text NVARCHAR(MAX) NULL;
GO

-- SQL Server fixed the columns of the published views when V001 created them: refreshed, readers also see the raw text.
EXEC sp_refreshview N'published_staged_lines';
EXEC sp_refreshview N'published_unmapped_lines';
