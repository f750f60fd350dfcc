-- Governance of a run, recorded when it starts and when it is published or held:
-- * the approval of its mapping version (who, on which date; both empty: not approved), so every output can say it;
-- * the tolerances it was reconciled with (empty: none), so a regenerated report reaches the same verdict;
-- * its reconciliation's status (OK, WARNING, FAILED), so a later run is never published over better figures;
-- * when and by whom its rows were removed by `bascule runs prune` (retention): the runs row itself stays.
-- Runs recorded before this script have none of these.
ALTER TABLE runs ADD
    mapping_approved_by NVARCHAR(400) NULL,
    mapping_approved_on DATE NULL,
    tolerance_unmapped_lines BIGINT NULL,
    tolerance_unmapped_euros DECIMAL(19,2) NULL,
    tolerance_rejected_lines BIGINT NULL,
    reconciliation_status NVARCHAR(10) NULL,
    pruned_utc DATETIME2 NULL,
    pruned_by NVARCHAR(200) NULL;
GO

-- The published_runs view lists the runs table's columns as they were when it was made: it shows the new ones too.
EXEC sp_refreshview N'published_runs';
