using System.Data.Common;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Load.Runs.SignOffs;
using Bascule.Load.Tests.Staging;
using Bascule.TestSupport.Staging;
using Dapper;

namespace Bascule.Load.Tests.Runs;

/// <summary>
/// V008 and the sign-offs: a sign-off records who, with which role, when, the run's fingerprint at that moment, the
/// report read and a comment; the database refuses to change or delete one; a comment is required where the
/// reconciliation is not OK and to publish a held run, whose sign-off is written in the same commit as the publication.
/// Run on real databases, once per provider.
/// </summary>
public abstract class SignOffTests<TDatabase>(TDatabase database) : StagingSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sign_off_records_the_signer_the_report_read_and_the_runs_fingerprint_at_that_moment()
    {
        await using var provider = await CreateProviderAsync();
        var run = await new TestExport().LoadAsync(provider);
        var fingerprint = await run.CompleteAsync(Ct);
        var report = SignOffRequests.ReportOf(run.Id);
        var before = DateTime.UtcNow.AddSeconds(-1);

        var first = await SignOffStore.AddAsync(
            provider, run.Id, new SignOffRequest(
                new Signer("m.peeters", SignOffRole.Accountant, "basic"),
                report,
                "OK",
                SignOffDecision.Reviewed,
                null), Ct);
        var second = await SignOffStore.AddAsync(
            provider,
            run.Id,
            new SignOffRequest(
                new Signer("CN=J. Janssens", SignOffRole.Auditor, "certificate"),
                report,
                "OK",
                SignOffDecision.Reviewed,
                "  Sampled 20 lines back to the export.  "),
            Ct);

        var listed = await SignOffStore.ListAsync(provider, run.Id, Ct);
        Assert.Equal([first.Id, second.Id], listed.Select(s => s.Id));
        Assert.True(second.Id > first.Id);
        var auditor = listed[1];
        Assert.Equal(
            (run.Id, fingerprint, report, "OK", SignOffDecision.Reviewed),
            (auditor.Run, auditor.Fingerprint, auditor.Report, auditor.Reconciliation, auditor.Decision));
        Assert.Equal(new Signer("CN=J. Janssens", SignOffRole.Auditor, "certificate"), auditor.Signer);
        Assert.Equal("Sampled 20 lines back to the export.", auditor.Comment);
        Assert.Null(listed[0].Comment);
        Assert.InRange(auditor.SignedUtc, before, DateTime.UtcNow.AddSeconds(1));
        Assert.Equal(DateTimeKind.Utc, auditor.SignedUtc.Kind);
        Assert.Equal(listed, await SignOffStore.ListAsync(provider, "21009", "COMMUNE", 2023, Ct));
        Assert.Empty(await SignOffStore.ListAsync(provider, "21009", "COMMUNE", 2022, Ct));
        Assert.Equal(listed, await SignOffStore.ListAllAsync(provider, Ct));
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_a_sign_off()
    {
        await using var provider = await CreateProviderAsync();
        var run = await new TestExport().LoadAsync(provider);
        await run.CompleteAsync(Ct);
        var signed = await SignOffStore.AddAsync(
            provider, run.Id, new SignOffRequest(
                new Signer("m.peeters", SignOffRole.Accountant, "basic"),
                SignOffRequests.ReportOf(run.Id),
                "OK",
                SignOffDecision.Reviewed,
                "Read."), Ct);

        await using (var connection = await provider.OpenAsync(Ct))
        {
            await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync(new CommandDefinition(
                "UPDATE signoffs SET comment = 'rewritten', signer = 'someone else' WHERE signoff_id = @id", new { id = signed
                    .Id }, cancellationToken: Ct)));
            await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM signoffs WHERE signoff_id = @id", new { id = signed.Id }, cancellationToken: Ct)));
            if (provider.Kind == StagingProviderKind.Postgres)
            {
                await Assert.ThrowsAnyAsync<DbException>(
                    () => connection.ExecuteAsync(new CommandDefinition("TRUNCATE signoffs", cancellationToken: Ct)));
            }
        }

        Assert.Equal([signed], await SignOffStore.ListAsync(provider, run.Id, Ct));
    }

    [Fact]
    public async Task A_sign_off_without_a_comment_where_one_is_needed_or_of_a_run_without_figures_is_refused_and_nothing_is_written()
    {
        await using var provider = await CreateProviderAsync();
        var loading = await new TestExport().LoadAsync(provider);
        var report = SignOffRequests.ReportOf(loading.Id);
        var accountant = new Signer("m.peeters", SignOffRole.Accountant, "basic");

        var noFigures = await Assert.ThrowsAsync<StagingException>(() => SignOffStore.AddAsync(
            provider, loading.Id, new SignOffRequest(accountant, report, "OK", SignOffDecision.Reviewed, null), Ct));
        Assert.Contains("is loading and cannot be signed off", noFigures.Message, StringComparison.Ordinal);
        var unknown = await Assert.ThrowsAsync<StagingException>(() => SignOffStore.AddAsync(
            provider, RunId.New(), new SignOffRequest(accountant, report, "OK", SignOffDecision.Reviewed, null), Ct));
        Assert.Contains("There is no run", unknown.Message, StringComparison.Ordinal);

        await loading.CompleteAsync(Ct);
        var warning = await Assert.ThrowsAsync<SignOffRefusedException>(() => SignOffStore.AddAsync(
            provider, loading.Id, new SignOffRequest(accountant, report, "WARNING", SignOffDecision.Reviewed, "   "), Ct));
        Assert.Contains("reconciliation is WARNING", warning.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => SignOffStore.AddAsync(
            provider, loading
                .Id, new SignOffRequest(accountant, report with { Sha256 = "not a hash" }, "OK", SignOffDecision.Reviewed, null), Ct));

        Assert.Empty(await SignOffStore.ListAsync(provider, loading.Id, Ct));
    }

    [Fact]
    public async Task Publishing_a_held_run_writes_its_sign_off_in_the_same_commit_and_a_refused_publish_writes_none()
    {
        await using var provider = await CreateProviderAsync();
        var held = await HoldAsync(provider, new TestExport(lines: 150));
        var reason = "Reviewed with the legacy supplier: the control total is 1 EUR off.";

        var published = await RunStore.PublishHeldAsync(
            provider,
            held.Run,
            SignOffRequests.PublishHeld(held.Run, reason, "j.janssens", SignOffRole.Auditor),
            Ct);

        var signOff = Assert.Single(await SignOffStore.ListAsync(provider, held.Run, Ct));
        Assert.Equal(published.SignOff, signOff);
        Assert.Equal(
            (SignOffDecision.PublishHeld, "FAILED", held.Fingerprint, reason),
            (signOff.Decision, signOff.Reconciliation, signOff.Fingerprint, signOff.Comment));
        Assert.Equal(new Signer("j.janssens", SignOffRole.Auditor, "os"), signOff.Signer);
        var run = await StagedCounts.RunAsync(provider, held.Run);
        Assert.Equal(
            (RunStatus.Published, "j.janssens", reason, signOff.SignedUtc),
            (run.Status, run.Override!.By, run.Override.Reason, run.Override.Utc));

        // A held run whose rows changed is refused before anything is written.
        var changed = await HoldAsync(provider, new TestExport(lines: 60));
        await using (var connection = await provider.OpenAsync(Ct))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE staged_lines SET label = 'edited after review' WHERE run_id = @run AND record = (SELECT MIN(record) FROM "
                    + "staged_lines WHERE run_id = @run)",
                new { run = changed.Run.Value },
                cancellationToken: Ct));
        }

        await Assert.ThrowsAsync<StagingException>(
            () => RunStore.PublishHeldAsync(provider, changed.Run, SignOffRequests.PublishHeld(changed.Run, reason, "j.janssens"), Ct));
        Assert.Empty(await SignOffStore.ListAsync(provider, changed.Run, Ct));
    }

    private static async Task<(RunId Run, string Fingerprint)> HoldAsync(IStagingProvider provider, TestExport export)
    {
        var run = await export.LoadAsync(provider);
        var fingerprint = await run.FingerprintAsync(Ct);
        await RunStore.HoldAsync(
            provider,
            run.Id,
            run.Header,
            fingerprint,
            "Held, not published: reconciliation FAILED (controlTotals:ECRITURES.csv:debit).",
            Ct);
        return (run.Id, fingerprint);
    }
}

public sealed class SqliteSignOffTests(SqliteDatabase database) : SignOffTests<SqliteDatabase>(database);

public sealed class PostgresSignOffTests(PostgresDatabase database) : SignOffTests<PostgresDatabase>(database);

public sealed class SqlServerSignOffTests(SqlServerDatabase database) : SignOffTests<SqlServerDatabase>(database);
