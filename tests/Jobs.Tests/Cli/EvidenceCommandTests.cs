using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Bascule.Jobs.Cli;
using Bascule.Load.Runs;
using Bascule.TestSupport;
using Bascule.TestSupport.Staging;
using Spectre.Console;

namespace Bascule.Jobs.Tests.Cli;

/// <summary>
/// <c>bascule evidence</c> end to end on a real staging database: an entity-year with a published run and a held run
/// published after its sign-off gives one ZIP whose MANIFEST.sha256 lists every other file with its SHA-256 (checked
/// here and by <c>sha256sum -c</c>), holding both runs' reports, the mapping version files, the runs' records with their
/// fingerprints recomputed, and the sign-off tied to the exact report file it names; reports no longer on disk are
/// regenerated and said to be; a pack that would lack the mapping version is not written.
/// </summary>
public abstract class EvidenceCommandTests<TDatabase>(TDatabase database) : StagingSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    private const string Reason = "Reviewed with the legacy supplier: the control total is 1 EUR off.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Sample => RepositoryRoot.Combine("samples", "cpas-etterbeek-2023");

    private static string Mappings => RepositoryRoot.Combine("mappings");

    [Fact]
    public async Task The_pack_holds_every_runs_reports_the_mapping_the_records_and_the_sign_off_and_its_manifest_checks()
    {
        var connection = await CreateConnectionAsync();
        var ok = await MigrateAsync(connection, Sample, MigrateCommand.Completed);
        var failing = await ExportCopies.OneEuroMoreLedgerDebitAsync(Sample, Temp.Combine("failing-export"));
        var held = await MigrateAsync(connection, failing, MigrateCommand.ReconciliationFailed);
        var heldReport = Temp.Combine("reports", held.Value, "reconciliation.html");
        using (var output = new StringWriter())
        {
            var exit = await Commands.RunAsync<PublishCommand>(
                Commands.Console(output),
                c => c.RunAsync(new PublishCommand.Settings {
                    Provider = Provider,
                    Connection = connection,
                    Run = held.Value,
                    Reason = Reason,
                    Report = heldReport }, Ct),
                new Dictionary<string, string?> { ["Access:Auditors:0"] = Environment.UserName });
            Assert.True(exit == PublishCommand.Published, output.ToString());
        }

        var (written, text) = await EvidenceAsync(connection, ok.Value, Mappings);

        Assert.True(written == EvidenceCommand.Written, text);
        var zip = Assert.Single(Directory.GetFiles(Temp.Combine("evidence"), "*.zip"));
        Assert.Matches(@"^evidence-CPAS-\d{5}-2023-\d{8}T\d{6}Z\.zip$", Path.GetFileName(zip));
        var unpacked = Temp.Combine("unpacked");
        ZipFile.ExtractToDirectory(zip, unpacked);

        // The manifest names every other file, each with the SHA-256 of its bytes.
        var manifest = (await File.ReadAllLinesAsync(Path.Combine(unpacked, "MANIFEST.sha256"), Ct)).Select(
            l => (Sha: l[..64], Path: l[66..])).ToList();
        Assert.All(manifest.Select(m => m.Sha.Length == 64 && m.Sha.All(char.IsAsciiHexDigitLower)), Assert.True);
        var files = Directory.GetFiles(unpacked, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(unpacked, f).Replace('\\', '/'))
            .Where(f => f != "MANIFEST.sha256")
            .Order(StringComparer.Ordinal);
        Assert.Equal(files, manifest.Select(m => m.Path));
        foreach (var (sha, path) in manifest)
        {
            Assert.Equal(Sha256Of(Path.Combine(unpacked, path)), sha);
        }

        Assert.Equal(0, await Sha256SumCheckAsync(unpacked));

        // Both runs' reports as written when they ran; the mapping version files as they are in the mappings tree.
        Assert.Equal(Sha256Of(heldReport), Sha256Of(Path.Combine(unpacked, "runs", held.Value, "reconciliation.html")));
        Assert.Equal(
            Sha256Of(Temp.Combine("reports", ok.Value, "reconciliation.xlsx")),
            Sha256Of(Path.Combine(unpacked, "runs", ok.Value, "reconciliation.xlsx")));
        foreach (var file in (string[])["bxl-2024/1.0.0/mapping.yaml", "bxl-2024/1.0.0/rules.csv", "charts/bxl-2024.csv"])
        {
            Assert.Equal(Sha256Of(Path.Combine(Mappings, file)), Sha256Of(Path.Combine(unpacked, "mappings", file)));
        }

        using var evidence = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(unpacked, "evidence.json"), Ct));
        var root = evidence.RootElement;
        Assert.Equal(("CPAS", 2023, held.Value), (root.GetProperty("entityType").GetString(), root.GetProperty("fiscalYear")
            .GetInt32(), root.GetProperty("publishedRun").GetString()));
        var runs = await RunsAsync(connection);
        var packed = root.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal([ok.Value, held.Value], packed.Select(r => r.GetProperty("runId").GetString()));
        Assert.Equal(["superseded", "published"], packed.Select(r => r.GetProperty("status").GetString()));
        foreach (var run in packed)
        {
            var fingerprint = run.GetProperty("fingerprint");
            var recorded = runs.Single(r => r.Id.Value == run.GetProperty("runId").GetString()).Fingerprint;
            Assert.Equal((recorded, recorded, true), (fingerprint.GetProperty("recorded").GetString(), fingerprint.GetProperty("recomputed")
                .GetString(), fingerprint.GetProperty("matches").GetBoolean()));
            Assert.False(run.GetProperty("reportsRegenerated").GetBoolean());
        }

        var mapping = Assert.Single(root.GetProperty("mappings").EnumerateArray().ToList());
        Assert.Equal(runs[0].Mapping.Sha256, mapping.GetProperty("sha256").GetString());
        var signOff = Assert.Single(root.GetProperty("signOffs").EnumerateArray().ToList());
        Assert.Equal((held.Value, "auditor", "publish-held", Reason), (signOff.GetProperty("runId").GetString(), signOff.GetProperty("role")
            .GetString(), signOff.GetProperty("decision").GetString(), signOff.GetProperty("comment").GetString()));
        Assert.Equal(Sha256Of(heldReport), signOff.GetProperty("reportSha256").GetString());
        Assert.Equal($"runs/{held.Value}/reconciliation.html", signOff.GetProperty("reportInPack").GetString());
    }

    [Fact]
    public async Task Reports_no_longer_on_disk_are_regenerated_and_a_pack_without_its_mapping_is_not_written()
    {
        var connection = await CreateConnectionAsync();
        var run = await MigrateAsync(connection, Sample, MigrateCommand.Completed);
        Directory.Delete(Temp.Combine("reports", run.Value), recursive: true);

        var (refused, refusal) = await EvidenceAsync(connection, run.Value, Temp.Combine("no-mappings"));
        Assert.True(refused == EvidenceCommand.NotWritten, refusal);
        Assert.Contains("is not under", refusal, StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(Temp.Combine("evidence")) ? Directory.GetFileSystemEntries(Temp.Combine("evidence")) : []);

        var (written, text) = await EvidenceAsync(connection, run.Value, Mappings);
        Assert.True(written == EvidenceCommand.Written, text);
        Assert.Contains("reports regenerated from the staging database", text, StringComparison.Ordinal);
        var zip = Assert.Single(Directory.GetFiles(Temp.Combine("evidence"), "*.zip"));
        using var archive = ZipFile.OpenRead(zip);
        using var json = JsonDocument.Parse(archive.GetEntry("evidence.json")!.Open());
        Assert.True(json.RootElement.GetProperty("runs")[0].GetProperty("reportsRegenerated").GetBoolean());
        Assert.NotNull(archive.GetEntry($"runs/{run.Value}/reconciliation.html"));

        var (unknown, unknownText) = await EvidenceAsync(connection, "01936f8e-8c2a-7c41-9d2e-5b1f3a7c9e10", Mappings);
        Assert.True(unknown == EvidenceCommand.NotWritten, unknownText);
        Assert.Contains("There is no run", unknownText, StringComparison.Ordinal);

        // --out names a file, not a folder: said, with what to do, and nothing else written.
        var file = Temp.Combine("a-file");
        await File.WriteAllTextAsync(file, "not a folder", Ct);
        var (notFolder, notFolderText) = await EvidenceAsync(connection, run.Value, Mappings, file);
        Assert.True(notFolder == EvidenceCommand.NotWritten, notFolderText);
        Assert.Contains($"could not be written to {file}", notFolderText, StringComparison.Ordinal);
        Assert.Contains("Give --out a folder you can write to.", notFolderText, StringComparison.Ordinal);
        Assert.Equal("not a folder", await File.ReadAllTextAsync(file, Ct));
    }

    /// <summary>Migrates into a reports folder named by the run, as <c>out/runs/RUN_ID</c> is by default.</summary>
    private async Task<RunId> MigrateAsync(string connection, string export, int expected)
    {
        var reports = Temp.Combine("migrating");
        var exit = await BasculeApp.Create().RunAsync(
            ["migrate", "--export", export, "--mapping", Path.Combine(
                Mappings,
                "bxl-2024",
                "1.0.0"), "--provider", Provider, "--connection", connection, "--out", reports],
            Ct);
        Assert.Equal(expected, exit);
        var run = (await RunsAsync(connection))[0].Id;
        Directory.CreateDirectory(Temp.Combine("reports"));
        Directory.Move(reports, Temp.Combine("reports", run.Value));
        return run;
    }

    private async Task<(int Exit, string Output)> EvidenceAsync(string connection, string run, string mappings, string? outDir = null)
    {
        using var output = new StringWriter();
        var exit = await Commands.RunAsync<EvidenceCommand>(
            Commands.Console(output),
            c => c.RunAsync(
                new EvidenceCommand.Settings
                {
                    Provider = Provider, Connection = connection, Run = run, Mappings = mappings, Reports = Temp.Combine(
                        "reports"), Out = outDir ?? Temp.Combine("evidence"),
                },
                Ct));
        return (exit, output.ToString());
    }

    private async Task<IReadOnlyList<RunInfo>> RunsAsync(string connection)
    {
        await using var provider = Open(connection);
        return await RunList.ReadAsync(provider, Ct);
    }

    private static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>What an auditor runs on the unpacked folder: coreutils' <c>sha256sum -c</c>.</summary>
    private static async Task<int> Sha256SumCheckAsync(string folder)
    {
        using var process = Process.Start(new ProcessStartInfo("sha256sum", ["--check", "--strict", "MANIFEST.sha256"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.DoesNotContain("FAILED", await stdout, StringComparison.Ordinal);
        Assert.Equal("", await stderr);
        return process.ExitCode;
    }
}

public sealed class SqliteEvidenceCommandTests(SqliteDatabase database) : EvidenceCommandTests<SqliteDatabase>(database);

public sealed class PostgresEvidenceCommandTests(PostgresDatabase database) : EvidenceCommandTests<PostgresDatabase>(database);

public sealed class SqlServerEvidenceCommandTests(SqlServerDatabase database) : EvidenceCommandTests<SqlServerDatabase>(database);
