-- Sign-offs: an accountant's or auditor's record that they read a run's report and what they concluded. A sign-off is
-- never edited or deleted once written: the code only inserts and selects, the owner gives up its own right to update,
-- delete or truncate, and a trigger refuses them even to a superuser.
-- Who (the authenticated name, the role it had, how it was authenticated), when, the run and its fingerprint at that
-- moment, the report read (its file name and SHA-256) and the reconciliation status it showed, the decision (reviewed,
-- or the publication of a held run) and a comment (required by the code when the status is WARNING or FAILED).
CREATE TABLE signoffs (
    signoff_id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id            TEXT NOT NULL REFERENCES runs (run_id),
    signed_utc        TIMESTAMPTZ NOT NULL,
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

CREATE FUNCTION signoffs_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a sign-off is never changed or deleted: record a new one';
END;
$$;

CREATE TRIGGER signoffs_no_change BEFORE UPDATE OR DELETE ON signoffs
    FOR EACH ROW EXECUTE FUNCTION signoffs_append_only();
CREATE TRIGGER signoffs_no_truncate BEFORE TRUNCATE ON signoffs
    FOR EACH STATEMENT EXECUTE FUNCTION signoffs_append_only();

REVOKE UPDATE, DELETE, TRUNCATE ON signoffs FROM CURRENT_USER;
