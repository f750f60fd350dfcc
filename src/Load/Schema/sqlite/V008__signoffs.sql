-- Sign-offs: an accountant's or auditor's record that they read a run's report and what they concluded. A sign-off is
-- never edited or deleted once written: the code only inserts and selects, and these triggers refuse the rest.
-- Who (the authenticated name, the role it had, how it was authenticated), when, the run and its fingerprint at that
-- moment, the report read (its file name and SHA-256) and the reconciliation status it showed, the decision (reviewed,
-- or the publication of a held run) and a comment (required by the code when the status is WARNING or FAILED).
CREATE TABLE signoffs (
    signoff_id        INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id            TEXT NOT NULL REFERENCES runs (run_id),
    signed_utc        TEXT NOT NULL,
    signer            TEXT NOT NULL,
    role              TEXT NOT NULL CHECK (role IN ('accountant', 'auditor')),
    authenticated_by  TEXT NOT NULL,
    fingerprint       TEXT NOT NULL,
    report_name       TEXT NOT NULL,
    report_sha256     TEXT NOT NULL,
    reconciliation    TEXT NOT NULL CHECK (reconciliation IN ('OK', 'WARNING', 'FAILED')),
    decision          TEXT NOT NULL CHECK (decision IN ('reviewed', 'publish-held')),
    comment           TEXT NULL
);

CREATE INDEX ix_signoffs_run ON signoffs (run_id, signoff_id);

CREATE TRIGGER signoffs_no_update BEFORE UPDATE ON signoffs
BEGIN
    SELECT RAISE(ABORT, 'a sign-off is never changed: record a new one');
END;

CREATE TRIGGER signoffs_no_delete BEFORE DELETE ON signoffs
BEGIN
    SELECT RAISE(ABORT, 'a sign-off is never deleted');
END;
