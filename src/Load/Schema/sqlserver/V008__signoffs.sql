-- Sign-offs: an accountant's or auditor's record that they read a run's report and what they concluded. A sign-off is
-- never edited or deleted once written: the code only inserts and selects, and a trigger refuses the rest.
-- Who (the authenticated name, the role it had, how it was authenticated), when, the run and its fingerprint at that
-- moment, the report read (its file name and SHA-256) and the reconciliation status it showed, the decision (reviewed,
-- or the publication of a held run) and a comment (required by the code when the status is WARNING or FAILED).
CREATE TABLE signoffs (
    signoff_id        BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_signoffs PRIMARY KEY,
    run_id            VARCHAR(40) NOT NULL CONSTRAINT fk_signoffs_run REFERENCES runs (run_id),
    signed_utc        DATETIME2 NOT NULL,
    signer            NVARCHAR(400) NOT NULL,
    role              VARCHAR(12) NOT NULL CHECK (role IN ('accountant', 'auditor')),
    authenticated_by  VARCHAR(20) NOT NULL,
    fingerprint       VARCHAR(64) NOT NULL,
    report_name       NVARCHAR(260) NOT NULL,
    report_sha256     VARCHAR(64) NOT NULL,
    reconciliation    VARCHAR(10) NOT NULL CHECK (reconciliation IN ('OK', 'WARNING', 'FAILED')),
    decision          VARCHAR(20) NOT NULL CHECK (decision IN ('reviewed', 'publish-held')),
    comment           NVARCHAR(MAX) NULL
);

CREATE INDEX ix_signoffs_run ON signoffs (run_id, signoff_id);
GO

CREATE TRIGGER signoffs_append_only ON signoffs INSTEAD OF UPDATE, DELETE
AS
BEGIN
    THROW 51000, 'a sign-off is never changed or deleted: record a new one', 1;
END;
