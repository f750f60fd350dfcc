-- The Hangfire job that started a run (its job id), so `bascule runs` and the dashboard can be read side by side.
-- Empty for a run started by `bascule migrate` and for every run recorded before this script.
ALTER TABLE runs ADD COLUMN job TEXT NULL;
