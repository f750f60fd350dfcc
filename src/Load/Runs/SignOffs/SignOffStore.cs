using System.Data.Common;
using Bascule.Load.Providers;
using Dapper;

namespace Bascule.Load.Runs.SignOffs;

/// <summary>
/// The sign-offs table: only ever inserted into and read. A sign-off names the run's fingerprint as it is when the
/// sign-off is written, read in the same transaction, so that it can be tied to <c>bascule verify</c> later.
/// </summary>
public static class SignOffStore
{
    private const string Columns =
        """
        signoff_id AS Id, run_id AS Run, signed_utc AS SignedUtc, signer AS Signer, role AS Role, authenticated_by AS AuthenticatedBy,
        fingerprint AS Fingerprint, report_name AS ReportName, report_sha256 AS ReportSha256, reconciliation AS Reconciliation,
        decision AS Decision, comment AS Comment
        """;

    /// <summary>Records a sign-off of a completed run (published, held or superseded: one with a fingerprint).</summary>
    public static async Task<SignOff> AddAsync(
        IStagingProvider provider,
        RunId run,
        SignOffRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        await using var connection = await provider.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var signOff = await AddAsync(connection, transaction, run, request, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return signOff;
    }

    /// <summary>Records a sign-off inside the caller's transaction (publishing a held run writes its sign-off so).</summary>
    internal static async Task<SignOff> AddAsync(
        DbConnection connection, DbTransaction transaction, RunId run, SignOffRequest request, CancellationToken cancellationToken)
    {
        Validate(run, request);
        var row = await connection.QuerySingleOrDefaultAsync<RunRow>(new CommandDefinition(
            "SELECT status AS Status, fingerprint AS Fingerprint, reconciliation_status AS Reconciliation FROM runs WHERE run_id = @run",
            new { run = run.Value },
            transaction,
            cancellationToken: cancellationToken))
            ?? throw new StagingException($"There is no run {run} in the staging database: check the run id with `bascule runs`.");
        if (row.Fingerprint is null)
        {
            throw new StagingException(
                $"Run {run} is {row.Status} and cannot be signed off: only a run that completed (published, held or superseded) has "
                    + $"figures " +
                "and a fingerprint to sign.");
        }

        // Runs held before the reconciliation's status was recorded were all held for a FAILED one.
        var status = row.Reconciliation ?? (row.Status == "held" ? "FAILED" : null);
        var reconciliation = request.Reconciliation ?? status
            ?? throw new StagingException(
                $"Run {run} has no recorded reconciliation status: regenerate its report with `bascule report --run` and sign that.");
        if (status is not null && !string.Equals(status, reconciliation, StringComparison.Ordinal))
        {
            throw new StagingException(
                $"Run {run}'s reconciliation is {status}, but the report signed says {reconciliation}: sign the run's " +
                "current report (regenerate it with `bascule report --run`).");
        }

        // Whole microseconds, the finest time every provider stores: the sign-off returned is the one read back.
        var now = DateTime.UtcNow;
        var signed = new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
        var values = new
        {
            run = run.Value,
            signed,
            signer = request.Signer.Name,
            role = request.Signer.Role.ToCode(),
            authenticatedBy = request.Signer.AuthenticatedBy,
            fingerprint = row.Fingerprint,
            reportName = request.Report.Name,
            reportSha256 = request.Report.Sha256,
            reconciliation,
            decision = request.Decision.ToCode(),
            comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim(),
        };
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO signoffs (run_id, signed_utc, signer, role, authenticated_by, fingerprint, report_name, report_sha256,
            reconciliation, decision, comment)
            VALUES (@run, @signed, @signer, @role, @authenticatedBy, @fingerprint, @reportName, @reportSha256, @reconciliation, @decision,
            @comment)
            """,
            values,
            transaction,
            cancellationToken: cancellationToken));
        // The key the database gave it, read back in the same transaction the same way on every provider.
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT MAX(signoff_id) FROM signoffs
            WHERE run_id = @run AND signed_utc = @signed AND signer = @signer AND report_sha256 = @reportSha256 AND decision = @decision
            """,
            values,
            transaction,
            cancellationToken: cancellationToken));
        return new SignOff(
            id, run, signed, request.Signer, row.Fingerprint, request.Report, reconciliation, request.Decision,
            string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim());
    }

    /// <summary>The sign-offs of one run, oldest first.</summary>
    public static async Task<IReadOnlyList<SignOff>> ListAsync(IStagingProvider provider, RunId run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        await using var connection = await provider.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SignOffRow>(new CommandDefinition(
            $"SELECT {Columns} FROM signoffs WHERE run_id = @run ORDER BY signoff_id",
            new { run = run.Value },
            cancellationToken: cancellationToken));
        return [.. rows.Select(ToSignOff)];
    }

    /// <summary>Every sign-off, oldest first: the fleet page shows each entity-year's (they are people's decisions, a few per
    /// run).</summary>
    public static async Task<IReadOnlyList<SignOff>> ListAllAsync(IStagingProvider provider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        await using var connection = await provider.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SignOffRow>(new CommandDefinition(
            $"SELECT {Columns} FROM signoffs ORDER BY signoff_id",
            cancellationToken: cancellationToken));
        return [.. rows.Select(ToSignOff)];
    }

    /// <summary>The sign-offs of every run of an entity and fiscal year, oldest first.</summary>
    public static async Task<IReadOnlyList<SignOff>> ListAsync(
        IStagingProvider provider, string insCode, string entityType, int fiscalYear, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        await using var connection = await provider.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SignOffRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM signoffs
            WHERE run_id IN (SELECT run_id FROM runs WHERE ins_code = @insCode AND entity_type = @entityType AND fiscal_year = @fiscalYear)
            ORDER BY signoff_id
            """,
            new { insCode, entityType, fiscalYear },
            cancellationToken: cancellationToken));
        return [.. rows.Select(ToSignOff)];
    }

    /// <summary>Refuses a request that can never be recorded, before anything is read: what is missing is in the message.</summary>
    internal static void Validate(RunId run, SignOffRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Signer.Name))
        {
            throw new ArgumentException("A sign-off names its signer.", nameof(request));
        }

        if (request.Reconciliation is not (null or "OK" or "WARNING" or "FAILED"))
        {
            throw new ArgumentException(
                $"A sign-off records the reconciliation status the report showed (OK, WARNING or FAILED), not '{request.Reconciliation}'.",
                nameof(request));
        }

        if (request.Report.Sha256.Length != 64 || !request.Report.Sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException(
                "A sign-off records the SHA-256 of the report read, as 64 lower-case hexadecimal digits.",
                nameof(request));
        }

        var needsComment = request.Reconciliation is not "OK" || request.Decision == SignOffDecision.PublishHeld;
        if (needsComment && string.IsNullOrWhiteSpace(request.Comment))
        {
            throw new SignOffRefusedException(request.Decision == SignOffDecision.PublishHeld
                ? $"Run {run} is held: publishing it needs a sign-off that explains why its reconciliation is accepted. Write that in the "
                    + $"comment."
                : $"Run {run}'s reconciliation is {request.Reconciliation}: a sign-off of it says what was checked and why it is "
                    + $"accepted. Write that in the comment.");
        }
    }

    private static SignOff ToSignOff(SignOffRow r) => new(
        r.Id,
        RunId.TryParse(r.Run, out var run) ? run : throw new FormatException($"Sign-off {r.Id} names an invalid run id."),
        StoredTime.Utc(r.SignedUtc)!.Value,
        new Signer(r.Signer, SignOffCodes.ParseRole(r.Role), r.AuthenticatedBy),
        r.Fingerprint,
        new ReadReport(r.ReportName, r.ReportSha256),
        r.Reconciliation,
        SignOffCodes.ParseDecision(r.Decision),
        r.Comment);

    private sealed class RunRow
    {
        public string Status { get; set; } = "";

        public string? Fingerprint { get; set; }

        public string? Reconciliation { get; set; }
    }

    private sealed class SignOffRow
    {
        public long Id { get; set; }

        public string Run { get; set; } = "";

        public object? SignedUtc { get; set; }

        public string Signer { get; set; } = "";

        public string Role { get; set; } = "";

        public string AuthenticatedBy { get; set; } = "";

        public string Fingerprint { get; set; } = "";

        public string ReportName { get; set; } = "";

        public string ReportSha256 { get; set; } = "";

        public string Reconciliation { get; set; } = "";

        public string Decision { get; set; } = "";

        public string? Comment { get; set; }
    }
}

/// <summary>A sign-off that cannot be recorded as asked: the message says what is missing.</summary>
public sealed class SignOffRefusedException(string message) : StagingException(message);
