using System.ComponentModel;
using System.Globalization;
using Bascule.Jobs.Cli.Json;
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
public sealed class RunsCommand(IAnsiConsole console, StagingDatabases databases, StandardError errors) : AsyncCommand<RunsCommand.Settings>
{
    public sealed class Settings : StagingSettings
    {
        public const string PruneAction = "prune";

        [CommandArgument(0, "[ACTION]")]
        [Description("Empty to list the runs; `prune` to remove the rows of old superseded and failed runs (retention).")]
        public string? Action { get; init; }

        [CommandOption(OutputFormat.Option)]
        [Description(OutputFormat.Description)]
        public string Format { get; init; } = OutputFormat.Text;

        [CommandOption("--keep <N>")]
        [Description(
            "prune: how many superseded or failed runs to keep per entity and year, newest first (published and held runs are always "
                + "kept).")]
        public int? Keep { get; init; }

        [CommandOption("--older-than <DAYS>")]
        [Description("prune: only runs started more than this many days ago.")]
        public int? OlderThan { get; init; }

        public bool IsPrune => Action == PruneAction;

        public override ValidationResult Validate()
        {
            if (OutputFormat.Validate(Format) is { Successful: false } format)
            {
                return format;
            }

            if (Action is not null && !IsPrune)
            {
                return ValidationResult.Error(
                    $"'{Action}' is not a runs action: use `bascule runs` to list them or `bascule runs prune --keep N`.");
            }

            if (IsPrune && Keep is null or < 0)
            {
                return ValidationResult.Error(
                    "runs prune needs --keep N (0 or more): how many superseded or failed runs "
                        + "to keep per entity and year, e.g. --keep 3.");
            }

            return OlderThan is < 0
                ? ValidationResult.Error($"--older-than {OlderThan} must be 0 or more days.")
                : ValidationResult.Success();
        }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        settings.IsPrune
            ? new RunsPrune(console, databases).RunAsync(console.Profile.Out.Writer, settings, cancellationToken)
            : RunAsync(console.Profile.Out.Writer, settings, cancellationToken);

    /// <summary>
    /// The table goes to the console, the JSON list to <paramref name="json"/> (plain, for scripts: the console's own
    /// standard output on the command line); with json the messages go to standard error.
    /// </summary>
    internal async Task<int> RunAsync(TextWriter json, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(settings);
        var messages = OutputFormat.Messages(settings.Format, console, errors);
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
            messages.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{StagingDatabases.Scrub(ex.Message, target)}[/]");
            return ExitCodes.CouldNotComplete;
        }
        catch (System.Data.Common.DbException ex)
        {
            messages.MarkupLineInterpolated(
                CultureInfo.InvariantCulture,
                $"[red]Could not read the runs. {databases.Explain(ex, target)}[/]");
            return ExitCodes.CouldNotComplete;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException)
        {
            messages.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]Could not read the runs: {
                CommandFailures.Sentence(StagingDatabases.Scrub(ex.Message, target))} Check the provider and connection.[/]");
            return ExitCodes.CouldNotComplete;
        }

        if (OutputFormat.IsJson(settings.Format))
        {
            await json.WriteLineAsync(JsonOutput.Serialize<IReadOnlyList<RunJson>>([.. runs.Select(RunJson.From)]));
        }
        else
        {
            WriteTable(console, provider, runs);
        }

        return ExitCodes.Done;
    }

    private static void WriteTable(IAnsiConsole console, IStagingProvider provider, IReadOnlyList<RunInfo> runs)
    {
        if (runs.Count == 0)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"No runs in {provider.Target} yet: run bascule migrate first.");
            return;
        }

        var table = new Table().AddColumns(
            "Run",
            "Entity",
            "Year",
            "Status",
            "Mapping",
            "Approved",
            "Fingerprint",
            "Started (UTC)",
            "Finished (UTC)",
            "Job");
        foreach (var run in runs)
        {
            table.AddRow(
                Markup.Escape(run.Id.Value),
                Markup.Escape($"{run.EntityName} ({run.EntityType} {run.InsCode})"),
                run.FiscalYear.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(StatusText(run)),
                Markup.Escape($"{run.Mapping.Id} {run.Mapping.Version}"),
                Markup.Escape(run.Approval is { } a ? $"{a.By}, {a.On:yyyy-MM-dd}" : "NOT APPROVED"),
                Markup.Escape(run.Fingerprint is { } f ? f[..16] + "…" : "-"),
                run.StartedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                run.FinishedUtc?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-",
                Markup.Escape(run.Job ?? "-"));
        }

        console.Write(table);
        foreach (var run in runs.Where(r => r.Status == RunStatus.Held))
        {
            console.MarkupLineInterpolated(
                CultureInfo.InvariantCulture,
                $"{run.Id} is held: {run.FailureMessage} After review: bascule publish --run {run.Id} --reason \"...\"");
        }

        foreach (var run in runs.Where(r => r.Override is not null))
        {
            var o = run.Override!;
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{run.Id} was published over a {
                run.ReconciliationStatus ?? ReconciliationRank.Failed} reconciliation by {o.By} at {
                    o.Utc:yyyy-MM-dd HH:mm:ss} UTC: {o.Reason}");
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
