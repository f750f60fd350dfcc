-- Governance of a run, recorded when it starts and when it is published or held:
-- * the approval of its mapping version (who, on which date; both empty: not approved), so every output can say it;
-- * the tolerances it was reconciled with (empty: none), so a regenerated report reaches the same verdict;
-- * its reconciliation's status (OK, WARNING, FAILED), so a later run is never published over better figures;
-- * when and by whom its rows were removed by `bascule runs prune` (retention): the runs row itself stays.
-- Runs recorded before this script have none of these.
ALTER TABLE runs ADD COLUMN mapping_approved_by TEXT NULL;
ALTER TABLE runs ADD COLUMN mapping_approved_on TEXT NULL;
ALTER TABLE runs ADD COLUMN tolerance_unmapped_lines INTEGER NULL;
ALTER TABLE runs ADD COLUMN tolerance_unmapped_euros INTEGER NULL;
ALTER TABLE runs ADD COLUMN tolerance_rejected_lines INTEGER NULL;
ALTER TABLE runs ADD COLUMN reconciliation_status TEXT NULL;
ALTER TABLE runs ADD COLUMN pruned_utc TEXT NULL;
ALTER TABLE runs ADD COLUMN pruned_by TEXT NULL;
