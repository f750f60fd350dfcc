using System.Diagnostics;
using System.Globalization;
using Bascule.Extract;
using Bascule.Extract.Profiles;
using Bascule.Extract.Records;
using Bascule.Transform;
using Bascule.TestSupport;

namespace Bascule.Reliability.Tests.Inputs;

/// <summary>
/// Fuzzes the readers with mutated copies of the corpus's valid export. Every input must end in records (each read
/// record accepted or rejected, each accepted ledger line mapped or unmapped, as many as the file holds by an
/// independent count) or in a documented file-level error; never another exception, never a hang. Most inputs go
/// through Extract and Transform in memory, every eighth through the whole pipeline on SQLite, counted back from
/// the staging file. The seed is printed; <c>BASCULE_FUZZ_SEED</c> replays a run, <c>BASCULE_FUZZ_INPUTS</c> tries more.
/// </summary>
public sealed class ExportFuzzTests(ITestOutputHelper output)
{
    private const int PipelineEvery = 8;
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(30);

    // CI tries 300 inputs within a minute; BASCULE_FUZZ_INPUTS=N tries N, without the time budget, for a longer hunt.
    private static readonly int? Requested = Environment.GetEnvironmentVariable("BASCULE_FUZZ_INPUTS") is { Length: > 0 } count
        ? int.Parse(count, CultureInfo.InvariantCulture)
        : null;
    private static readonly int Inputs = Requested ?? 300;
    private static readonly TimeSpan Budget = Requested is null ? TimeSpan.FromSeconds(60) : TimeSpan.MaxValue;

    [Fact]
    public async Task Mutated_exports_end_in_records_or_a_file_level_error_never_a_crash_or_a_hang()
    {
        var seed = Environment.GetEnvironmentVariable("BASCULE_FUZZ_SEED") is { Length: > 0 } pinned
            ? int.Parse(pinned, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        output.WriteLine($"fuzz seed {seed} (replay with BASCULE_FUZZ_SEED={seed})");
        var random = new Random(seed);
        var valid = Directory.GetFiles(Path.Combine(CorpusCase.Root, "valid"))
            .Where(f => Path.GetFileName(f) != CorpusCase.ExpectedFileName)
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);
        var mapping = MappingVersion.Load(SqlitePipeline.Mapping);
        using var work = new TempDirectory();
        var clock = Stopwatch.StartNew();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var tried = 0;
        for (; tried < Inputs && clock.Elapsed < Budget; tried++)
        {
            var files = Mutator.Mutate(valid, random, fixCounts: random.Next(2) == 0, out var description);
            var folder = work.Combine($"input-{tried}");
            var export = Path.Combine(folder, "export");
            Directory.CreateDirectory(export);
            foreach (var (name, bytes) in files)
            {
                await File.WriteAllBytesAsync(Path.Combine(export, name), bytes, TestContext.Current.CancellationToken);
            }

            var whole = tried % PipelineEvery == 0;
            var context = $"seed {seed}, input {tried} ({(whole ? "pipeline" : "in memory")}): {description}";
            string outcome;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
                var run = whole
                    ? Task.Run(() => ThroughPipelineAsync(export, folder, context, timeout.Token))
                    : Task.Run(() => InMemoryAsync(export, mapping, files, context, timeout.Token));
                outcome = await run.WaitAsync(PerInput, TestContext.Current.CancellationToken);
            }
            catch (TimeoutException)
            {
                Assert.Fail($"hung for more than {PerInput.TotalSeconds} s: {context}");
                throw;
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"{ex.GetType().Name} escaped: {context}\n{ex}");
                throw;
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            Directory.Delete(folder, recursive: true);
        }

        output.WriteLine($"{tried} inputs in {clock.Elapsed.TotalSeconds:0.0} s");
        foreach (var (outcome, count) in outcomes.OrderByDescending(o => o.Value))
        {
            output.WriteLine($"{count,5}  {outcome}");
        }

        Assert.True(outcomes.Keys.Any(o => o.StartsWith("records", StringComparison.Ordinal)), "no input got as far as its records");
    }

    /// <summary>Extract and Transform in memory; returns the kind of outcome, for the summary.</summary>
    private static async Task<string> InMemoryAsync(
        string folder,
        MappingVersion mapping,
        Dictionary<string, byte[]> files,
        string context,
        CancellationToken ct)
    {
        LegacyExport export;
        LineMapper mapper;
        try
        {
            export = LegacyExport.Open(folder);
            mapper = mapping.CreateMapper(export.Control.EntityType, export.Control.FiscalYear);
            export.VerifyRecordCounts(ct);
        }
        catch (ExportFileException fault)
        {
            return FileError(fault, context);
        }
        catch (MappingUnusableException)
        {
            return "refused: no mapping for this entity type and year";
        }

        long read = 0, lost = 0;
        try
        {
            foreach (var file in Enum.GetValues<ExportFile>())
            {
                long records = 0, accepted = 0, rejected = 0, mapped = 0, unmapped = 0;
                await foreach (var parsed in ReadAsync(export, file, ct))
                {
                    records++;
                    if (parsed.Rejected is not null)
                    {
                        rejected++;
                    }
                    else
                    {
                        accepted++;
                        if (parsed.Value is LedgerLine line)
                        {
                            _ = mapper.Map(line).IsUnmapped ? unmapped++ : mapped++;
                        }
                    }
                }

                var summary = export.Summary(file)!;
                var name = export.Profile.Layout(file).FileName;
                Assert.True(summary.Completed, context);
                Assert.True(
                    records == summary.Records && records == summary.Control.Lines,
                    $"{name}: {records} records yielded, summary {summary.Records}, control {summary.Control.Lines}: {context}");
                Assert.True(
                    accepted == summary.Accepted && rejected == summary.Rejected,
                    $"{name}: accepted/rejected disagree with the summary: {context}");
                Assert.True(
                    records == RecordCounter.DataRecords(files[name]),
                    $"{name}: {records} records read, {RecordCounter.DataRecords(files[name])} by an independent count: {context}");
                if (file == ExportFile.Ledger)
                {
                    Assert.True(accepted == mapped + unmapped, context);
                }

                read += records;
                lost += records - (accepted + rejected);
            }
        }
        catch (ExportFileException fault)
        {
            return FileError(fault, context);
        }
        catch (MappingUnusableException)
        {
            Tally.InputTried(0, 0);
            return "refused while mapping: a kept function missing from the chart";
        }

        Tally.InputTried(read, lost);
        return "records (in memory)";
    }

    private static async Task<string> ThroughPipelineAsync(string export, string work, string context, CancellationToken ct)
    {
        var (result, failure) = await SqlitePipeline.RunAsync(export, work, ct);
        if (failure is not null)
        {
            Assert.True(
                failure.InnerException is ExportFileException or MappingUnusableException,
                $"undocumented failure {failure.InnerException?.GetType().Name}: {failure.Message}: {context}");
            Assert.Equal(("", 0L), await StagingReadBack.StateAsync(SqlitePipeline.Database(work)));
            Tally.InputTried(0, 0);
            return $"refused by the pipeline: {failure.InnerException!.GetType().Name}";
        }

        var staging = await StagingReadBack.ReadAsync(SqlitePipeline.Database(work), result!.RunId.Value);
        long read = 0, lost = 0;
        foreach (var file in result.Reconciliation.SourceFiles)
        {
            var counts = staging.Counts(file.Name);
            Assert.True(
                counts.Read == counts.Staged + counts.Unmapped + counts.Rejected && staging.Lost(file.Name) == 0,
                $"{file.Name}: {counts} in the staging file: {context}");
            Assert.True(
                file.Lines == counts.Read && file.Accounted == counts.Read,
                $"{file.Name}: the reconciliation says {file}: {context}");
            read += counts.Read;
            lost += staging.Lost(file.Name);
        }

        ReportSafety.Check(result.Reports);
        Tally.InputTried(read, lost);
        return "records (pipeline)";
    }

    private static string FileError(ExportFileException fault, string context)
    {
        Assert.False(string.IsNullOrWhiteSpace(fault.File), context);
        Tally.InputTried(0, 0);
        return "file-level error: " + Kind(fault.Message);
    }

    private static string Kind(string message) =>
        message.Contains("LIGNES=", StringComparison.Ordinal) ? "record count"
        : message.Contains("is not valid", StringComparison.Ordinal) || message.Contains("UTF-16", StringComparison.Ordinal) ? "encoding"
        : message.Contains("header", StringComparison.Ordinal) || message.Contains("column", StringComparison.Ordinal) ? "header"
        : message.StartsWith("EXPORT.txt", StringComparison.Ordinal) ? "control file"
        : "other";

    private static IAsyncEnumerable<Parsed<object>> ReadAsync(LegacyExport export, ExportFile file, CancellationToken ct) => file switch
    {
        ExportFile.Ledger => Cast(export.ReadLedgerAsync(ct)),
        ExportFile.Balance => Cast(export.ReadBalanceAsync(ct)),
        ExportFile.Articles => Cast(export.ReadArticlesAsync(ct)),
        ExportFile.ThirdParties => Cast(export.ReadThirdPartiesAsync(ct)),
        _ => Cast(export.ReadCommitmentsAsync(ct)),
    };

    private static async IAsyncEnumerable<Parsed<object>> Cast<T>(IAsyncEnumerable<Parsed<T>> records)
        where T : class
    {
        await foreach (var parsed in records)
        {
            yield return parsed.Rejected is { } rejected ? Parsed<object>.Reject(rejected) : Parsed<object>.Ok(parsed.Value!);
        }
    }
}
