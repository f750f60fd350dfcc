using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Bascule.Jobs.Composition;
using Bascule.Load;
using Bascule.Load.Runs;
using Spectre.Console;

namespace Bascule.Jobs.Cli;

/// <summary>
/// <c>bascule runs prune --keep N [--older-than DAYS]</c>: retention. Removes the rows of superseded and failed runs
/// beyond the N newest of them per entity and year, never of a published or held run, and records on each runs row
/// when and by whom (the account running the command). The space is reclaimed by the database afterwards (SQLite
/// VACUUM, PostgreSQL autovacuum): see the README.
/// </summary>
public sealed class RunsPrune(IAnsiConsole console, StagingDatabases databases)
{
    private static readonly JsonSerializerOptions JsonOptions = new() {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public async Task<int> RunAsync(TextWriter json, RunsCommand.Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(settings);
        var target = databases.Target(settings.Provider, settings.Connection);
        DateTime? startedBefore = settings.OlderThan is { } days ? DateTime.UtcNow.AddDays(-days) : null;
        IReadOnlyList<PrunedRun> pruned;
        string where;
        try
        {
            var provider = await databases.OpenAsync(target, cancellationToken);
            where = provider.Target;
            pruned = await RunRetention.PruneAsync(provider, settings.Keep!.Value, startedBefore, Environment.UserName, cancellationToken);
        }
        catch (Exception ex) when (ex is ArgumentException or StagingException or DbException or InvalidOperationException or IOException)
        {
            console.MarkupLineInterpolated(
                CultureInfo.InvariantCulture,
                $"[red]Could not prune the runs: {StagingDatabases.Scrub(ex.Message, target)}[/]");
            return ExitCodes.CouldNotComplete;
        }

        if (settings.Format == "json")
        {
            await json.WriteLineAsync(JsonSerializer.Serialize(
                pruned.Select(p => new { runId = p.Run.Value, entity = p.EntityName, entityType = p.EntityType, fiscalYear = p
                    .FiscalYear, status = p.Status.ToCode(), startedUtc = p.StartedUtc }),
                JsonOptions));
            return ExitCodes.Done;
        }

        foreach (var run in pruned)
        {
            console.MarkupLineInterpolated(
                CultureInfo.InvariantCulture,
                $"pruned {run.Run} ({run.EntityName} {run.EntityType} {run.FiscalYear}, {run.Status.ToCode()}, started {
                    run.StartedUtc:yyyy-MM-dd HH:mm} UTC)");
        }

        console.MarkupLineInterpolated(
            CultureInfo.InvariantCulture,
            $"{pruned.Count} run(s) pruned in {where}, recorded as pruned by {
                Environment.UserName}; published and held runs untouched. Reclaim the space: see the README (retention).");
        return ExitCodes.Done;
    }
}
