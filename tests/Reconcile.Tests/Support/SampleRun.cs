using System.Security.Cryptography;
using Bascule.Extract;
using Bascule.Extract.Profiles;
using Bascule.Extract.Records;
using Bascule.Load;
using Bascule.Load.Providers;
using Bascule.Load.Rows;
using Bascule.Load.Runs;
using Bascule.TestSupport;
using Bascule.Transform;

namespace Bascule.Reconcile.Tests.Support;

/// <summary>
/// Loads a real export (a committed sample, or a copy a test altered) into a real staging database through the
/// Extract, Transform and Load APIs, the way <c>bascule migrate</c> does, and publishes the run.
/// </summary>
internal static class SampleRun
{
    public const string Commune = "commune-etterbeek-2023";
    public const string Cpas = "cpas-etterbeek-2023";

    public static string SampleFolder(string sample) => RepositoryRoot.Combine("samples", sample);

    public static string MappingFolder => RepositoryRoot.Combine("mappings", "bxl-2024", "1.0.0");

    /// <summary>A copy of a sample the test may alter.</summary>
    public static string CopySample(TempDirectory temp, string sample)
    {
        var target = temp.Combine(sample);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(SampleFolder(sample)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    /// <summary>
    /// A copy of the shipped mapping without its energy rules (C611.a and C611.b): valid on its own, it leaves the
    /// commune sample's energy lines unmapped.
    /// </summary>
    public static string WithoutEnergyRules(TempDirectory temp)
    {
        Folders.Copy(RepositoryRoot.Combine("mappings"), temp.Combine("reduced", "mappings"));
        var version = temp.Combine("reduced", "mappings", "bxl-2024", "1.0.0");
        var rules = Path.Combine(version, "rules.csv");
        var lines = File.ReadAllLines(rules);
        File.WriteAllLines(rules, lines.Where(l => !l.StartsWith("C611.", StringComparison.Ordinal)));
        Assert.Equal(lines.Length - 2, File.ReadAllLines(rules).Length);
        return version;
    }

    public static Task<RunId> LoadAsync(IStagingProvider provider, string exportFolder, CancellationToken cancellationToken) =>
        LoadAsync(provider, exportFolder, MappingFolder, cancellationToken);

    public static async Task<RunId> LoadAsync(
        IStagingProvider provider,
        string exportFolder,
        string mappingFolder,
        CancellationToken cancellationToken) =>
        (await LoadAsync(provider, exportFolder, mappingFolder, keepSource: false, cancellationToken)).Run;

    /// <summary>The same load, summing its ledger's source side as <c>bascule migrate</c> does (before mapping).</summary>
    public static async Task<(RunId Run, LoadedSource Source)> LoadKeepingSourceAsync(
        IStagingProvider provider,
        string exportFolder,
        CancellationToken cancellationToken)
    {
        var (run, source) = await LoadAsync(provider, exportFolder, MappingFolder, keepSource: true, cancellationToken);
        return (run, source!);
    }

    private static async Task<(RunId Run, LoadedSource? Source)> LoadAsync(
        IStagingProvider provider, string exportFolder, string mappingFolder, bool keepSource, CancellationToken cancellationToken)
    {
        var export = LegacyExport.Open(exportFolder);
        var source = keepSource ? new LoadedSource(export) : null;
        var mapper = MappingVersion.Load(mappingFolder).CreateMapper(export.Control.EntityType, export.Control.FiscalYear);
        var control = export.Control;
        var header = new RunHeader(
            control.EntityName,
            control.EntityType,
            control.InsCode,
            control.FiscalYear,
            mapper.Identity,
            "test",
            "test");
        var run = await StagingRun.BeginAsync(provider, header, new StagingOptions { BatchSize = 500 }, cancellationToken);

        await foreach (var parsed in export.ReadLedgerAsync(cancellationToken))
        {
            if (parsed.Rejected is { } rejected)
            {
                await run.AddRejectedAsync(rejected, cancellationToken);
                continue;
            }

            source?.Add(parsed.Value!);
            var mapped = mapper.Map(parsed.Value!);
            if (mapped.IsUnmapped)
            {
                await run.AddUnmappedAsync(mapped.Source, cancellationToken);
            }

            foreach (var target in mapped.Targets)
            {
                await run.AddStagedAsync(target, cancellationToken);
            }
        }

        await AddAllAsync(
            run,
            export.ReadBalanceAsync(cancellationToken),
            l => run.AddBalanceAsync(AsRead.From(l), cancellationToken),
            cancellationToken);
        await AddAllAsync(
            run,
            export.ReadArticlesAsync(cancellationToken),
            l => run.AddArticleAsync(AsRead.From(l), cancellationToken),
            cancellationToken);
        await AddAllAsync(
            run,
            export.ReadCommitmentsAsync(cancellationToken),
            l => run.AddCommitmentAsync(AsRead.From(l), cancellationToken),
            cancellationToken);
        await AddAllAsync(
            run,
            export.ReadThirdPartiesAsync(cancellationToken),
            p => run.AddThirdPartyAsync(AsRead.From(p), cancellationToken),
            cancellationToken);
        await run.FlushAsync(cancellationToken);

        var files = new List<RunFile>();
        foreach (var file in Enum.GetValues<ExportFile>())
        {
            var summary = export.Summary(file)!;
            await using var stream = File.OpenRead(export.PathOf(file));
            var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
            files.Add(new RunFile(
                summary.Name,
                sha,
                summary.Records,
                summary.Control.Lines,
                summary.Control.TotalDebit,
                summary.Control.TotalCredit));
        }

        await run.RecordFilesAsync(files, cancellationToken);
        await run.CompleteAsync(cancellationToken);
        return (run.Id, source);
    }

    private static async Task AddAllAsync<T>(
        StagingRun run,
        IAsyncEnumerable<Parsed<T>> records,
        Func<T, ValueTask> add,
        CancellationToken cancellationToken)
        where T : class
    {
        await foreach (var parsed in records.WithCancellation(cancellationToken))
        {
            if (parsed.Rejected is { } rejected)
            {
                await run.AddRejectedAsync(rejected, cancellationToken);
            }
            else
            {
                await add(parsed.Value!);
            }
        }
    }
}
