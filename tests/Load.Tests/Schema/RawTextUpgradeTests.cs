using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Load.Tests.Staging;
using Bascule.TestSupport.Staging;
using Dapper;

namespace Bascule.Load.Tests.Schema;

/// <summary>
/// V009 (the raw text of staged and unmapped lines). A database with every earlier script, holding a published run whose
/// staged and unmapped lines were written as the code before it wrote them, is upgraded in place: those lines have no
/// raw text and the run keeps its fingerprint; a new run keeps each source line's raw text once (on part 1 of a split,
/// NULL on the other parts) and on its unmapped lines, readers of the published views see it, and its fingerprint is the
/// same as without raw text.
/// </summary>
public abstract class RawTextUpgradeTests<TDatabase>(TDatabase database) : UpgradeSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    private const string Old = "01936f8e-8c2a-7c41-9d2e-5b1f3a7c9e11";

    [Fact]
    public async Task A_run_from_before_V009_keeps_its_fingerprint_without_raw_text_and_a_new_run_keeps_each_line_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var provider = await CreateProviderAsync();
        await CreateOldSchemaAsync(provider, s => s.Version < 9, (connection, transaction, token) => connection.ExecuteAsync(
            new CommandDefinition(
                """
                INSERT INTO runs (run_id, entity_name, entity_type, ins_code, fiscal_year, status, mapping_id, mapping_version,
                                  mapping_sha256, started_utc, finished_utc, started_by, tool_version, fingerprint)
                VALUES (@run, 'Commune d''Ixelles', 'COMMUNE', '21009', 2023, 'published', 'bxl-2024', '1.0.0', @sha, @at, @at,
                        'before', '0.1.0', @sha);
                INSERT INTO staged_lines (run_id, batch, source_file, record, line, part, fiscal_year, journal, document, line_number,
                                          booking_date, account, article, service, third_party, label, source_debit, source_credit,
                                          rule_id, target_account, target_economic, target_function, debit, credit)
                VALUES (@run, 1, 'ECRITURES.csv', 1, 2, 1, 2023, 'ACH', '1', '1', @day, '6120000', '104/123-11', 'O', NULL,
                        'Fourniture', 12, 0, 'R100', '61200', '12.11', '104', 12, 0);
                INSERT INTO unmapped_lines (run_id, batch, source_file, record, line, fiscal_year, journal, document, line_number,
                                            booking_date, account, article, service, third_party, label, debit, credit)
                VALUES (@run, 1, 'ECRITURES.csv', 2, 3, 2023, 'ACH', '1', '2', @day, '4400000', NULL, '', 'F1', 'Fourniture', 0, 12);
                """,
                new { run = Old, sha = new string('a', 64), at = DateTime.UtcNow.AddDays(-30), day = new DateOnly(2023, 1, 2) },
                transaction,
                cancellationToken: token)));
        var oldRun = RunId.Parse(Old);
        var oldFingerprint = await RunFingerprint.ComputeAsync(provider, oldRun, ct);

        await provider.EnsureSchemaAsync(ct);

        Assert.Equal(oldFingerprint, await RunFingerprint.ComputeAsync(provider, oldRun, ct));
        Assert.Equal([null, null], await RawTextsAsync(provider, oldRun));

        var export = new TestExport();
        var run = await export.LoadAsync(provider, new StagingOptions { BatchSize = 30 });
        var fingerprint = await run.CompleteAsync(ct);

        await using var connection = await provider.OpenAsync(ct);
        var staged = (await connection.QueryAsync<(long Record, long Part, string? RawText)>(new CommandDefinition(
            "SELECT record, part, raw_text FROM published_staged_lines WHERE run_id = @run ORDER BY record, part",
            new { run = run.Id.Value },
            cancellationToken: ct))).ToList();
        Assert.Equal(
            export.Staged.OrderBy(t => t.Source.Lineage.Record).ThenBy(t => t.Part)
                .Select(t => (t.Source.Lineage.Record, (long)t.Part, t.Part == 1 ? t.Source.RawText : null)),
            staged);
        Assert.Contains(staged, s => s.Part == 2);
        Assert.Contains(staged, s => s.RawText?.Contains('\n', StringComparison.Ordinal) == true);
        var unmapped = await connection.QueryAsync<(long Record, string? RawText)>(new CommandDefinition(
            "SELECT record, raw_text FROM published_unmapped_lines WHERE run_id = @run ORDER BY record",
            new { run = run.Id.Value },
            cancellationToken: ct));
        Assert.Equal(export.Unmapped.Select(l => (l.Lineage.Record, l.RawText)), unmapped);
        Assert.All(unmapped, u => Assert.False(string.IsNullOrEmpty(u.RawText)));

        // The same rows without any raw text give the same fingerprint: it covers the parsed fields only.
        var bare = new TestExport();
        for (var i = 0; i < bare.Staged.Count; i++)
        {
            bare.Staged[i] = bare.Staged[i] with { Source = bare.Staged[i].Source with { RawText = null } };
        }

        for (var i = 0; i < bare.Unmapped.Count; i++)
        {
            bare.Unmapped[i] = bare.Unmapped[i] with { RawText = null };
        }

        var bareRun = await bare.LoadAsync(provider, new StagingOptions { BatchSize = 30 });
        Assert.Equal(fingerprint, await bareRun.CompleteAsync(ct));
    }

    private static async Task<List<string?>> RawTextsAsync(IStagingProvider provider, RunId run)
    {
        await using var connection = await provider.OpenAsync(TestContext.Current.CancellationToken);
        return (await connection.QueryAsync<string?>(new CommandDefinition(
            "SELECT raw_text FROM staged_lines WHERE run_id = @run UNION ALL SELECT raw_text FROM unmapped_lines WHERE run_id = @run",
            new { run = run.Value },
            cancellationToken: TestContext.Current.CancellationToken))).ToList();
    }
}

public sealed class SqliteRawTextUpgradeTests(SqliteDatabase database) : RawTextUpgradeTests<SqliteDatabase>(database);

public sealed class PostgresRawTextUpgradeTests(PostgresDatabase database) : RawTextUpgradeTests<PostgresDatabase>(database);

public sealed class SqlServerRawTextUpgradeTests(SqlServerDatabase database) : RawTextUpgradeTests<SqlServerDatabase>(database);
