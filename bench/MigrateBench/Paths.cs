using Bascule.Extract;
using Bascule.Extract.Values;
using Bascule.Load;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Transform;
using Bascule.Transform.Mapping;

namespace Bascule.MigrateBench;

/// <summary>The reference paths the full migration is compared with, each as little as it can be.</summary>
internal static class Paths
{
    public static async Task<long> ParseAsync(LegacyExport export)
    {
        long lines = 0;
        await foreach (var _ in export.ReadLedgerAsync())
        {
            lines++;
        }

        return lines;
    }

    public static async Task<long> MapAsync(LegacyExport export, MappingVersion mapping)
    {
        var mapper = mapping.CreateMapper(export.Control.EntityType, export.Control.FiscalYear);
        long lines = 0;
        await foreach (var parsed in export.ReadLedgerAsync())
        {
            if (parsed.Value is { } line)
            {
                _ = mapper.Map(line);
            }

            lines++;
        }

        return lines;
    }

    // Parse + bulk path, no mapping: each line is staged once, to its own account, with no rule.
    public static async Task<long> FloorAsync(LegacyExport export, IStagingProvider provider, System.Diagnostics.Stopwatch watch)
    {
        var control = export.Control;
        var header = new RunHeader(
            control.EntityName,
            control.EntityType,
            control.InsCode,
            control.FiscalYear,
            new MappingIdentity("floor", "0", new string('0', 64)),
            "bench",
            "bench");
        var run = await StagingRun.BeginAsync(provider, header);
        long lines = 0;
        await foreach (var parsed in export.ReadLedgerAsync())
        {
            if (parsed.Value is { } line)
            {
                await run.AddStagedAsync(new TargetLine(line, "", 1, line.Account.Value, null, null, line.Debit, line.Credit));
            }

            lines++;
        }

        await run.FlushAsync();
        // Removing the rows again is not part of the path measured.
        watch.Stop();
        await run.FailAsync("bench floor: not a real run");
        return lines;
    }
}
