using Bascule.Jobs.Cli.Progress;
using System.ComponentModel;
using System.Globalization;
using Bascule.Pipeline;
using Bascule.Jobs.Composition;
using Bascule.Jobs.Hosting;
using Bascule.Load;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Reconcile.Reports;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>
/// <c>bascule migrate</c>: extract, map, load and reconcile one export. Exit code 0 when the run's reconciliation is
/// OK or WARNING (the run is published), 2 when it is FAILED (the run is held, not published: the published run stays
/// as it was; see <c>bascule publish</c>), 1 when the run could not complete (nothing published) or another run of
/// the same entity and year is loading (without <c>--wait</c>), 130 when interrupted by Ctrl-C or SIGTERM (the run is
/// marked failed and its rows deleted; the published run stays as it was).
/// </summary>
public sealed class MigrateCommand(
    IAnsiConsole console, StagingDatabases databases, IOptions<OutputOptions> output, IOptions<ReportsOptions> reports, Policies policies)
    : AsyncCommand<MigrateCommand.Settings>
{
    public const int Completed = ExitCodes.Done;
    public const int CouldNotComplete = ExitCodes.CouldNotComplete;
    public const int ReconciliationFailed = ExitCodes.Failed;

    /// <summary>What an interrupted run records as its failure message.</summary>
    public const string InterruptedMessage =
        "Interrupted: the run was cancelled (Ctrl-C or SIGTERM) before it was published; its rows were deleted and the published run of "
            + "its entity and year is unchanged.";

    /// <summary>What a second Ctrl-C leaves: the run as a killed process leaves it.</summary>
    public const string AtOnce
        = "the run stays 'loading', invisible to every reader, and the next migrate of the same entity and year cleans it up";

    public sealed class Settings : StagingSettings
    {
        [CommandOption("--export <DIR>")]
        [Description("The legacy export folder (EXPORT.txt and the CSV files).")]
        public string? Export { get; init; }

        [CommandOption("--profile <FILE>")]
        [Description("Export profile (JSON) for a delivery that differs from the spec; default: the spec's layout. See profiles/.")]
        public string? Profile { get; init; }

        [CommandOption("--mapping <DIR>")]
        [Description("The mapping version folder, e.g. mappings/bxl-2024/1.0.0.")]
        public string? Mapping { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Folder for the run's reconciliation files (default: out/runs/<runId>/).")]
        public string? Out { get; init; }

        [CommandOption("--wait")]
        [Description("When another run of the same entity and year is loading, wait until it ends (or its lease expires), then load. "
            + "Default: stop at once, before writing anything.")]
        public bool Wait { get; init; }

        [CommandOption("--no-drill-indexes")]
        [Description("Do not build the run's drill-down indexes after it is published or held (serve builds the missing ones in the "
            + "background; the drill-down works without them, slower).")]
        public bool NoDrillIndexes { get; init; }

        [CommandOption("--batch-size <N>")]
        [Description("Rows per batch, the unit of commit and retry (default 20000).")]
        public int BatchSize { get; init; } = new StagingOptions().BatchSize;

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Export))
            {
                return ValidationResult.Error(
                    "--export is required: the folder that holds EXPORT.txt, e.g. --export samples/commune-etterbeek-2023.");
            }

            if (string.IsNullOrWhiteSpace(Mapping))
            {
                return ValidationResult.Error("--mapping is required: the mapping version folder, e.g. --mapping mappings/bxl-2024/1.0.0.");
            }

            // Found before the run starts: a run published without its reports is not what was asked for.
            if (Out is not null && FileInTheWay(Out) is { } file)
            {
                var what = file == Out ? $"--out {Out} is a file" : $"--out {Out} cannot be made: {file} is a file";
                return ValidationResult.Error($"{what}. Give the folder the reports are written to (created if missing).");
            }

            return BatchSize < 1 ? ValidationResult.Error($"--batch-size {BatchSize} must be at least 1.") : ValidationResult.Success();
        }

        // The nearest part of the path that exists, when it is a file: no folder can be made there.
        private static string? FileInTheWay(string path)
        {
            for (var part = path; !string.IsNullOrEmpty(part); part = Path.GetDirectoryName(part))
            {
                if (File.Exists(part))
                {
                    return part;
                }

                if (Directory.Exists(part))
                {
                    return null;
                }
            }

            return null;
        }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Interruption.RunAsync(AtOnce, token => MigrateAsync(settings, token), Interrupted, cancellationToken);

    /// <summary>What an interrupted migration says: what became of its run (from the pipeline), and to run it again unless it
    /// completed.</summary>
    public static string Interrupted(Exception exception) => exception switch
    {
        MigrationCancelledException { Completed: true } completed => completed.Message,
        MigrationCancelledException cancelled => $"{cancelled.Message} Run the same migrate command again to load this export.",
        _ => "the migration stopped before its run started; nothing was written. Run the same migrate command again to load this export.",
    };

    private async Task<int> MigrateAsync(Settings settings, CancellationToken cancellationToken)
    {
        var target = databases.Target(settings.Provider, settings.Connection);
        IStagingProvider provider;
        try
        {
            provider = databases.Provider(target);
        }
        catch (ArgumentException ex)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{StagingDatabases.Scrub(ex.Message, target)}[/]");
            return CouldNotComplete;
        }

        PolicySet governance;
        try
        {
            governance = policies.Build();
        }
        catch (Exception ex) when (ex is FleetFileException or ArgumentException)
        {
            console.MarkupLineInterpolated(
                CultureInfo.InvariantCulture,
                $"[red]The governance policies could not be read: {ex.Message}[/]");
            return CouldNotComplete;
        }

        var staging = new StagingOptions
        {
            BatchSize = settings.BatchSize,
            WaitForLease = settings.Wait ? Timeout.InfiniteTimeSpan : TimeSpan.Zero,
            Waiting = holder => console.MarkupLineInterpolated(
                CultureInfo.InvariantCulture,
                $"waiting: another run is loading, {
                    holder.Describe()}. This run starts once it ends or its lease expires; Ctrl-C stops waiting."),
        };
        var request = new MigrationRequest(
            settings.Export!, settings.Mapping!, settings.Out, output.Value.Root, staging, settings.Profile,
            new ReportOptions(reports.Value.ShowPersonalData), CancelledMessage: InterruptedMessage, Policies: governance);
        try
        {
            var (run, held) = await MigrateAndSummariseAsync(provider, request, cancellationToken);
            var code = held ? ReconciliationFailed : Completed;
            if (settings.NoDrillIndexes)
            {
                return code;
            }

            // The run's figures and reports are written and let go: the indexes' sorts reuse their memory instead of adding to it.
            ProcessMemory.ReturnFreedMemory();
            return await BuildDrillIndexesAsync(provider, run, held, code, cancellationToken);
        }
        catch (MigrationFailedException ex)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{ex.Message}[/]");
            return CouldNotComplete;
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Cancelled by no one here (a driver's own time limit, say): a failure, not an interruption.
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{provider.Scrub(ex.Message)}[/]");
            return CouldNotComplete;
        }
    }

    // After the run is published or held, never during the load: the drill-down's indexes of this run (DrillIndexes).
    // An interruption or a database fault here leaves the run as it is: each index is whole or absent, and serve builds
    // the missing ones.
    private async Task<int> BuildDrillIndexesAsync(
        IStagingProvider provider,
        RunId run,
        bool held,
        int code,
        CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var sync = await DrillIndexes.SyncAsync(provider, run, build: true, built: null, cancellationToken);
            var deferred = sync.Deferred ? "; the rest waits until no run is loading (serve builds them)" : "";
            console.MarkupLineInterpolated(
                CultureInfo.InvariantCulture,
                $"  drill-down indexes: {sync.Created} built in {Figures.Seconds(clock.Elapsed)}, {sync.Dropped} of other runs dropped{
                    deferred}");
            return code;
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.Data.Common.DbException)
        {
            var why = cancellationToken.IsCancellationRequested ? "interrupted" : provider.Scrub(ex.Message);
            var state = held ? "held" : "published";
            console.MarkupLineInterpolated(
                CultureInfo.InvariantCulture,
                $"[yellow]  drill-down indexes not all built ({why}): the run is {
                    state} as said above; serve builds the missing indexes, and the drill-down works without them, slower.[/]");
            // The exit code says what happened to the run (published 0, held 2), as the README's table does: an
            // interruption here stopped only the optional indexes, not the migration.
            return code;
        }
    }

    // The migration and its summary; what the exit code and the drill-down's indexes need of it (the run, whether it is held)
    // comes back without the result, so that its figures can be collected before the indexes are built.
    private async Task<(RunId Run, bool Held)> MigrateAndSummariseAsync(
        IStagingProvider provider,
        MigrationRequest request,
        CancellationToken cancellationToken)
    {
        var result = await RunAsync(provider, request, cancellationToken);
        MigrationSummary.Write(console, result, provider);
        return (result.RunId, result.IsHeld);
    }

    // A live progress display only where someone watches a terminal; plain stage lines in logs and pipes.
    private async Task<MigrationResult> RunAsync(IStagingProvider provider, MigrationRequest request, CancellationToken cancellationToken)
    {
        if (Console.IsOutputRedirected || !console.Profile.Capabilities.Interactive)
        {
            return await new MigrationPipeline(provider, new PlainProgress(console)).RunAsync(request, cancellationToken);
        }

        return await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(ctx => new MigrationPipeline(provider, new TerminalProgress(ctx)).RunAsync(request, cancellationToken));
    }
}
