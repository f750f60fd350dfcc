using System.Security.Cryptography;
using System.Text;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Reconcile.Cutover;
using Bascule.Reconcile.Cutover.Package;
using Bascule.Reconcile.History;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Reports;
using Bascule.Reconcile.Tests.Support;
using Bascule.TestSupport;
using Bascule.TestSupport.Staging;
using Bascule.Transform.Mapping;

namespace Bascule.Reconcile.Tests.Reports;

/// <summary>
/// The JSON and CSV files of the reports, the history and the cut-over package, byte for byte as committed under
/// <c>Golden/</c>, on the committed samples (and on consecutive generated years for the continuity cases). The golden
/// files were written by the writers before they moved to serialised document types and to the shared CSV writer; a
/// deliberate change of an output rewrites them: run the tests with <c>BASCULE_UPDATE_GOLDEN=1</c>, then review the
/// diff. Run ids and the times of computation change on every run: they are set to fixed values before writing. Run once
/// per provider: every provider writes the same bytes (the golden files are rewritten from SQLite alone).
/// </summary>
public abstract class GoldenOutputTests<TDatabase>(TDatabase database) : StagingSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    // Seven decimals of a second, so that the timestamps' format is part of what is compared.
    private static readonly DateTime Computed = new DateTime(2024, 3, 5, 10, 11, 12, DateTimeKind.Utc).AddTicks(3_456_789);
    private static readonly DateTime Started = new DateTime(2024, 3, 5, 9, 8, 7, DateTimeKind.Utc).AddTicks(1_200_000);
    // No sample run's mapping is approved: an approval (with an accent and a comma) is set where one is wanted.
    private static readonly MappingApproval Approval = new("Marie Dubois, receveuse régionale", new DateOnly(2024, 2, 29));

    private readonly List<RunId> _runs = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Commune_reports_history_and_cutover_package_are_unchanged()
    {
        var provider = await NewProviderAsync();
        await LoadAsync(provider, SampleRun.SampleFolder("commune-etterbeek-2022"));
        var run = await LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune));
        // A formula, HTML, quotes and a third party's personal data: escaping, quoting and neutralisation are compared too.
        await Reconciled.AddHostileRejectsAsync(provider, run);

        var result = await Reconciler.ComputeAsync(provider, run, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        await ReportsAsync("commune", result, new ReportOptions());
        await HistoryAsync("commune", await EntityHistoryReader.ReadForRunAsync(provider, run, Ct));

        var cutover = await CutoverCalculator.ComputeAsync(provider, run, new CutoverOptions(), showPersonalData: false, Ct);
        var package = Temp.Combine("out", "commune-cutover");
        await CutoverPackage.WriteAsync(
            cutover with { Run = Fixed(cutover.Run), ComputedUtc = Computed },
            package,
            new ReportOptions(),
            Ct);
        // The workbook is a zip whose entries carry the time they were written; its hash is the manifest's only moving part.
        var workbook = Convert.ToHexStringLower(
            SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(package, CutoverPackage.ReportXlsxFile), Ct)));
        await CompareAsync("commune-cutover", package, text => text.Replace(workbook, "(workbook)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cpas_reports_are_unchanged()
    {
        var provider = await NewProviderAsync();
        var run = await LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Cpas));

        var result = await Reconciler.ComputeAsync(provider, run, SampleRun.SampleFolder(SampleRun.Cpas), Ct);
        // An approved mapping and tolerances on a euro check and on a count: the branches the samples' run does not reach.
        var euros = result.Checks.First(c => c.IsMoney);
        var count = result.Checks.First(c => !c.IsMoney);
        var approved = result with
        {
            Run = result.Run with { MappingApproval = Approval },
            Checks = result.Checks
                .Select(c => ReferenceEquals(c, euros)
                    ? c with { Tolerance = 0.05m }
                    : ReferenceEquals(c, count) ? c with { Tolerance = 2m } : c)
                .ToList(),
        };
        await ReportsAsync("cpas", approved, new ReportOptions(ShowPersonalData: true));
    }

    [Fact]
    public async Task A_failed_continuity_pair_is_unchanged()
    {
        var earlier = SampleRun.CopySample(Temp, "commune-etterbeek-2022");
        var later = SampleRun.CopySample(Temp, SampleRun.Commune);
        ConsecutiveYears.MoveOpeningAmount(later, 1_234.56m);
        var provider = await NewProviderAsync();
        await LoadAsync(provider, earlier);
        var run = await LoadAsync(provider, later);

        var result = await Reconciler.ComputeAsync(provider, run, exportFolder: null, Ct);
        Assert.Equal(Verdict.Failed, result.Continuity[0].Status);
        await ReportsAsync("continuity-failed", result, new ReportOptions());
        await HistoryAsync("continuity-failed", await EntityHistoryReader.ReadForRunAsync(provider, run, Ct));
    }

    [Fact]
    public async Task An_unchecked_continuity_pair_is_unchanged()
    {
        var years = ConsecutiveYears.Generate(Temp, 2021, 2023);
        var provider = await NewProviderAsync();
        await LoadAsync(provider, years[2021]);
        var run = await LoadAsync(provider, years[2023]);

        var result = await Reconciler.ComputeAsync(provider, run, exportFolder: null, Ct);
        Assert.False(result.Continuity[0].IsChecked);
        await ReportsAsync("continuity-unchecked", result, new ReportOptions());
        await HistoryAsync("continuity-unchecked", await EntityHistoryReader.ReadAsync(provider, "21005", "COMMUNE", Ct), approved: true);
    }

    private async Task<RunId> LoadAsync(IStagingProvider provider, string folder)
    {
        var run = await SampleRun.LoadAsync(provider, folder, Ct);
        _runs.Add(run);
        return run;
    }

    // The reconciliation's JSON and its CSV tables (the page and the workbook are not part of this comparison).
    private async Task ReportsAsync(string name, ReconciliationResult result, ReportOptions options)
    {
        var files = await ReportWriter.WriteAllAsync(result with { ComputedUtc = Computed }, Temp.Combine("out", name), options, Ct);
        await CompareAsync(name, Path.GetDirectoryName(files.Json)!, FixRunIds);
    }

    private async Task HistoryAsync(string name, EntityHistory history, bool approved = false)
    {
        var fixedHistory = history with
        {
            ComputedUtc = Computed,
            Years = history.Years.Select(
                y => y with { Published = Fixed(y.Published, approved), Held = y.Held.Select(h => Fixed(h, approved)!).ToList() }).ToList(),
        };
        var folder = Temp.Combine("out", name + "-history");
        Directory.CreateDirectory(folder);
        await using (var stream = File.Create(Path.Combine(folder, HistoryReport.JsonFile)))
        {
            await HistoryReport.WriteJsonAsync(fixedHistory, stream, Ct);
        }

        await CompareAsync(name + "-history", folder, FixRunIds);
    }

    private static HistoryRun? Fixed(HistoryRun? run, bool approved) =>
        run is null ? null : run with { Run = run.Run with { StartedUtc = Started, Approval = approved ? Approval : run.Run.Approval } };


    private RunSummary Fixed(RunSummary run)
        => run with { RunId = RunId.Parse(Placeholder(_runs.IndexOf(run.RunId))), MappingApproval = Approval };

    private string FixRunIds(string text)
    {
        for (var i = 0; i < _runs.Count; i++)
        {
            text = text.Replace(_runs[i].Value, Placeholder(i), StringComparison.Ordinal);
        }

        return text;
    }

    private static string Placeholder(int index) => $"00000000-0000-7000-8000-{index + 1:D12}";

    private async Task CompareAsync(string name, string folder, Func<string, string> normalise)
    {
        var golden = RepositoryRoot.Combine("tests", "Reconcile.Tests", "Golden", name);
        var written = Directory.GetFiles(folder).Where(f => Path.GetExtension(f) is ".json" or ".csv").Order(StringComparer.Ordinal)
            .ToList();
        // Latin-1 maps every byte to one char and back: the comparison stays byte for byte whatever the file's encoding.
        var actual = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in written)
        {
            actual[Path.GetFileName(file)] = normalise(Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file, Ct)));
        }

        if (Environment.GetEnvironmentVariable("BASCULE_UPDATE_GOLDEN") == "1" && Database.Kind == StagingProviderKind.Sqlite)
        {
            if (Directory.Exists(golden))
            {
                Directory.Delete(golden, recursive: true);
            }

            Directory.CreateDirectory(golden);
            foreach (var (file, text) in actual)
            {
                await File.WriteAllBytesAsync(Path.Combine(golden, file), Encoding.Latin1.GetBytes(text), Ct);
            }
        }

        Assert.Equal(
            Directory.GetFiles(golden).Select(Path.GetFileName).Order(StringComparer.Ordinal),
            actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (file, text) in actual)
        {
            var expected = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(Path.Combine(golden, file), Ct));
            Assert.True(expected == text, $"{name}/{file} differs from its golden file:\n{FirstDifference(expected, text)}");
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
        {
            at++;
        }

        var from = Math.Max(0, at - 80);
        return $"at character {at} (lengths {expected.Length} and {actual.Length})\nexpected: "
            + $"…{expected[from..Math.Min(expected.Length, at + 80)]}\nactual:   …{actual[from..Math.Min(actual.Length, at + 80)]}";
    }
}

public sealed class SqliteGoldenOutputTests(SqliteDatabase database) : GoldenOutputTests<SqliteDatabase>(database);

public sealed class PostgresGoldenOutputTests(PostgresDatabase database) : GoldenOutputTests<PostgresDatabase>(database);

public sealed class SqlServerGoldenOutputTests(SqlServerDatabase database) : GoldenOutputTests<SqlServerDatabase>(database);
