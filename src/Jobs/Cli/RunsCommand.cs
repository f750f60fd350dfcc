using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Bascule.Jobs.Composition;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>
/// <c>bascule runs</c>: the runs of a staging database, newest first, with the held runs (reconciliation FAILED, not
/// published) and the runs published over a FAILED reconciliation called out.
/// </summary>
public sealed class RunsCommand(IAnsiConsole console, StagingDatabases databases) : AsyncCommand<RunsCommand.Settings>
{
    public sealed class Settings : StagingSettings
    {
        public const string PruneAction = "prune";

        [CommandArgument(0, "[ACTION]")]
        [Description("Empty to list the runs; `prune` to remove the rows of old superseded and failed runs (retention).")]
        public string? Action { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("text (default) or json.")]
        public string Format { get; init; } = "text";

        [CommandOption("--keep <N>")]
        [Description("prune: how many superseded or failed runs to keep per entity and year, newest first (published and held runs are always kept).")]
        public int? Keep { get; init; }

        [CommandOption("--older-than <DAYS>")]
        [Description("prune: only runs started more than this many days ago.")]
        public int? OlderThan { get; init; }

        public bool IsPrune => Action == PruneAction;

        public override ValidationResult Validate()
        {
            if (Format is not ("text" or "json"))
            {
                return ValidationResult.Error($"--format '{Format}' is not text or json.");
            }

            if (Action is not null && !IsPrune)
            {
                return ValidationResult.Error($"'{Action}' is not a runs action: use `bascule runs` to list them or `bascule runs prune --keep N`.");
            }

            if (IsPrune && Keep is null or < 0)
            {
                return ValidationResult.Error("runs prune needs --keep N (0 or more): how many superseded or failed runs to keep per entity and year, e.g. --keep 3.");
            }

            return OlderThan is < 0 ? ValidationResult.Error($"--older-than {OlderThan} must be 0 or more days.") : ValidationResult.Success();
        }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        settings.IsPrune ? new RunsPrune(console, databases).RunAsync(Console.Out, settings, cancellationToken) : RunAsync(Console.Out, settings, cancellationToken);

    /// <summary>Messages and the table go to the console, the JSON list to <paramref name="json"/> (plain, for scripts).</summary>
    internal async Task<int> RunAsync(TextWriter json, Settings settings, CancellationToken cancellationToken)
    {
        var target = databases.Target(settings.Provider, settings.Connection);
        IStagingProvider provider;
        IReadOnlyList<RunInfo> runs;
        try
        {
            provider = await databases.OpenAsync(target, cancellationToken);
            runs = await RunList.ReadAsync(provider, cancellationToken);
        }
        catch (ArgumentException ex)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{StagingDatabases.Scrub(ex.Message, target)}[/]");
            return ExitCodes.CouldNotComplete;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or IOException)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]Could not read the runs: {StagingDatabases.Scrub(ex.Message, target)} Check the provider and connection.[/]");
            return ExitCodes.CouldNotComplete;
        }

        if (settings.Format == "json")
        {
            await json.WriteLineAsync(JsonSerializer.Serialize(runs.Select(Json), JsonOptions));
        }
        else
        {
            WriteTable(console, provider, runs);
        }

        return ExitCodes.Done;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static object Json(RunInfo run) => new
    {
        runId = run.Id.Value,
        entity = run.EntityName,
        entityType = run.EntityType,
        insCode = run.InsCode,
        fiscalYear = run.FiscalYear,
        status = run.Status.ToCode(),
        mapping = new
        {
            id = run.MappingId,
            version = run.MappingVersion,
            sha256 = run.MappingSha256,
            // Who approved the version, when the run started; null: it was not approved.
            approval = run.Approval is { } a ? new { by = a.By, on = a.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } : null,
        },
        reconciliation = run.ReconciliationStatus,
        fingerprint = run.Fingerprint,
        startedUtc = run.StartedUtc,
        finishedUtc = run.FinishedUtc,
        startedBy = run.StartedBy,
        toolVersion = run.ToolVersion,
        failure = run.FailureMessage,
        // The Hangfire job that started the run (as on the dashboard, /hangfire/jobs/details/<job>); null for migrate.
        job = run.Job,
        // A held run published after review, over its FAILED reconciliation: who published it, when and why; null otherwise.
        publishedOverFailedReconciliation = run.Override is { } o ? new { by = o.By, utc = o.Utc, reason = o.Reason } : null,
        // When and by whom `bascule runs prune` removed the run's rows; null while they are kept.
        pruned = run.Pruned is { } p ? new { utc = p.Utc, by = p.By } : null,
    };

    private static void WriteTable(IAnsiConsole console, IStagingProvider provider, IReadOnlyList<RunInfo> runs)
    {
        if (runs.Count == 0)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"No runs in {provider.Target} yet: run bascule migrate first.");
            return;
        }

        var table = new Table().AddColumns("Run", "Entity", "Year", "Status", "Mapping", "Approved", "Fingerprint", "Started (UTC)", "Finished (UTC)", "Job");
        foreach (var run in runs)
        {
            table.AddRow(
                Markup.Escape(run.Id.Value),
                Markup.Escape($"{run.EntityName} ({run.EntityType} {run.InsCode})"),
                run.FiscalYear.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(StatusText(run)),
                Markup.Escape($"{run.MappingId} {run.MappingVersion}"),
                Markup.Escape(run.Approval is { } a ? $"{a.By}, {a.On:yyyy-MM-dd}" : "NOT APPROVED"),
                Markup.Escape(run.Fingerprint is { } f ? f[..16] + "…" : "-"),
                run.StartedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                run.FinishedUtc?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-",
                Markup.Escape(run.Job ?? "-"));
        }

        console.Write(table);
        foreach (var run in runs.Where(r => r.Status == RunStatus.Held))
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{run.Id} is held: {run.FailureMessage} After review: bascule publish --run {run.Id} --reason \"...\"");
        }

        foreach (var run in runs.Where(r => r.Override is not null))
        {
            var o = run.Override!;
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{run.Id} was published over a {run.ReconciliationStatus ?? ReconciliationRank.Failed} reconciliation by {o.By} at {o.Utc:yyyy-MM-dd HH:mm:ss} UTC: {o.Reason}");
        }
    }

    private static string StatusText(RunInfo run)
    {
        var text = run.Override is null
            ? run.Status.ToCode() + (run.ReconciliationStatus is { } r ? $", {r}" : "")
            : $"{run.Status.ToCode()} (over {run.ReconciliationStatus ?? ReconciliationRank.Failed})";
        return run.Pruned is null ? text : text + ", rows pruned";
    }
}
