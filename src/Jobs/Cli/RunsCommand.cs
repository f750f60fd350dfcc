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
        [CommandOption("--format <FORMAT>")]
        [Description("text (default) or json.")]
        public string Format { get; init; } = "text";

        public override ValidationResult Validate() =>
            Format is "text" or "json" ? ValidationResult.Success() : ValidationResult.Error($"--format '{Format}' is not text or json.");
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        RunAsync(Console.Out, settings, cancellationToken);

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
        catch (System.Data.Common.DbException ex)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]Could not read the runs. {databases.Explain(ex, target)}[/]");
            return ExitCodes.CouldNotComplete;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]Could not read the runs: {CommandFailures.Sentence(StagingDatabases.Scrub(ex.Message, target))} Check the provider and connection.[/]");
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
        mapping = new { id = run.MappingId, version = run.MappingVersion, sha256 = run.MappingSha256 },
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
    };

    private static void WriteTable(IAnsiConsole console, IStagingProvider provider, IReadOnlyList<RunInfo> runs)
    {
        if (runs.Count == 0)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"No runs in {provider.Target} yet: run bascule migrate first.");
            return;
        }

        var table = new Table().AddColumns("Run", "Entity", "Year", "Status", "Mapping", "Fingerprint", "Started (UTC)", "Finished (UTC)", "Job");
        foreach (var run in runs)
        {
            table.AddRow(
                Markup.Escape(run.Id.Value),
                Markup.Escape($"{run.EntityName} ({run.EntityType} {run.InsCode})"),
                run.FiscalYear.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(StatusText(run)),
                Markup.Escape($"{run.MappingId} {run.MappingVersion}"),
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
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{run.Id} was published over a FAILED reconciliation by {o.By} at {o.Utc:yyyy-MM-dd HH:mm:ss} UTC: {o.Reason}");
        }
    }

    private static string StatusText(RunInfo run) =>
        run.Override is null ? run.Status.ToCode() : $"{run.Status.ToCode()} (over FAILED)";
}
