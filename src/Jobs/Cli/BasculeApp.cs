using Bascule.Jobs.Composition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>The <c>bascule</c> command line: every command, with its help text, created from the composition root.</summary>
public static class BasculeApp
{
    /// <summary>
    /// The command line over the services of <see cref="BasculeServices.AddBascule"/>: <paramref name="configuration"/>
    /// defaults to <see cref="BasculeConfiguration.Build"/>, <paramref name="console"/> to the process's console and
    /// <paramref name="errors"/> (messages kept off standard output under <c>--format json</c>) to its standard error. The
    /// options that lack a value or a number are refused before Spectre parses them (see <see cref="OptionValues"/>).
    /// </summary>
    public static ICommandApp Create(IConfiguration? configuration = null, IAnsiConsole? console = null, IAnsiConsole? errors = null)
    {
        if (console is null)
        {
            // The process's own console: the few lines written through Spectre's static console (the interruption
            // messages, written from a signal handler) get its width too, so nothing is wrapped in a log.
            console = BasculeConsole.Create();
            AnsiConsole.Console = console;
        }
        var services = new ServiceCollection().AddBascule(configuration ?? BasculeConfiguration.Build(), console, errors);
        var app = new CommandApp(new TypeRegistrar(services));
        app.Configure(config =>
        {
            config.ConfigureConsole(console);
            config.SetExceptionHandler((exception, _) => CommandFailures.Report(console, exception));
            config.UseStrictParsing();
            config.SetApplicationName("bascule");
            config.SetApplicationVersion(typeof(BasculeApp).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            config.ValidateExamples();
            config.AddCommand<DemoCommand>("demo")
                .WithDescription("Runs the pipeline on the bundled commune and CPAS samples with the embedded SQLite default.")
                .WithExample("demo");
            config.AddBranch("mapping", mapping =>
            {
                mapping.SetDescription("Auditor commands on the versioned mapping files under mappings/.");
                mapping.AddCommand<MappingValidateCommand>("validate")
                    .WithDescription("Checks a mapping version (and with --export its coverage of an export). Exit 0 valid, 1 not.")
                    .WithExample("mapping", "validate", "mappings/bxl-2024/1.0.0", "--export", "samples/commune-etterbeek-2023");
                mapping.AddCommand<MappingDiffCommand>("diff")
                    .WithDescription("Rules added, removed and changed between two versions, and the new version's findings (as mapping "
                        + "validate); with --export or --run, the euros each change moves on an export or a staged run. Exit 0 same rules "
                            + "and new version valid, 3 rules differ or new version NOT VALID, 1 cannot compare.")
                    .WithExample(
                        "mapping",
                        "diff",
                        "mappings/bxl-2024/1.0.0",
                        "mappings/bxl-2024/1.1.0",
                        "--export",
                        "samples/commune-etterbeek-2023")
                    .WithExample(
                        "mapping",
                        "diff",
                        "mappings/bxl-2024/1.0.0",
                        "mappings/bxl-2024/1.1.0",
                        "--run",
                        "01936f8e-8c2a-7c41-9d2e-5b1f3a7c9e10");
                mapping.AddCommand<MappingSuggestCommand>("suggest")
                    .WithDescription("Draft rules for the account/article combinations of an export that no rule covers: ranked candidate "
                        + "targets with their reasons, justifications left empty.")
                    .WithExample(
                        "mapping",
                        "suggest",
                        "--export",
                        "samples/commune-etterbeek-2023",
                        "--mapping",
                        "mappings/bxl-2024/1.0.0",
                        "--out",
                        "out/draft-rules.csv");
                mapping.AddCommand<MappingHashCommand>("hash")
                    .WithDescription("Prints the SHA-256 that identifies a mapping version.")
                    .WithExample("mapping", "hash", "mappings/bxl-2024/1.0.0");
                mapping.AddCommand<MappingApproveCommand>("approve")
                    .WithDescription("Writes the approval block (by, today's date, hash) into a valid version's mapping.yaml.")
                    .WithExample(Shell("mapping", "approve", "mappings/bxl-2024/1.0.0", "--by", "Name, role"));
            });
            config.AddCommand<MigrateCommand>("migrate")
                .WithDescription("Extracts, maps and loads one export into the staging database, then writes its reconciliation.")
                .WithExample("migrate", "--export", "samples/commune-etterbeek-2023", "--mapping", "mappings/bxl-2024/1.0.0");
            config.AddCommand<RunsCommand>("runs")
                .WithDescription("Lists the runs of the staging database, newest first; `runs prune --keep N` removes the rows of old "
                    + "superseded and failed runs.")
                .WithExample("runs", "--format", "json")
                .WithExample("runs", "prune", "--keep", "3", "--older-than", "90");
            config.AddCommand<PublishCommand>("publish")
                .WithDescription(
                    "Publishes a held run (reconciliation FAILED) after its report was reviewed and signed; records who, when and "
                        + "--reason.")
                .WithExample(Shell(
                    "publish",
                    "--run",
                    "01936f8e-8c2a-7c41-9d2e-5b1f3a7c9e10",
                    "--reason",
                    "Reviewed and signed by the accountant: 1 EUR rounding in the legacy totals"));
            config.AddCommand<VerifyCommand>("verify")
                .WithDescription(
                    "Reads a completed run back from the staging database and checks that its rows still give its recorded fingerprint.")
                .WithExample("verify", "--run", "01936f8e-8c2a-7c41-9d2e-5b1f3a7c9e10");
            config.AddCommand<EvidenceCommand>("evidence")
                .WithDescription("The evidence pack of a run's entity and year: one ZIP with every run's reports, the mapping versions, "
                    + "the sign-offs, the runs' records and fingerprints, and MANIFEST.sha256.")
                .WithExample("evidence", "--run", "01936f8e-8c2a-7c41-9d2e-5b1f3a7c9e10", "--out", "out/evidence");
            config.AddCommand<ReportCommand>("report")
                .WithDescription("Reconciliation reports (JSON, HTML FR/NL, Excel, CSV) of a run from the staging database; `report diff "
                    + "A B` compares two runs: target accounts and the lines that became mapped or unmapped.")
                .WithExample("report", "--run", "01936f8e-8c2a-7c41-9d2e-5b1f3a7c9e10", "--export", "samples/commune-etterbeek-2023")
                .WithExample("report", "diff", "01936f8e-8c2a-7c41-9d2e-5b1f3a7c9e10", "01936f8f-0b1d-7e55-8a43-2c6d0e9f1a22");
            config.AddCommand<HistoryCommand>("history")
                .WithDescription("One entity's years side by side: published and held runs, totals, mapping approval, and whether each "
                    + "year opens where the previous closed (check 10); HTML FR/NL, XLSX, JSON.")
                .WithExample("history", "--ins", "21005", "--entity-type", "COMMUNE");
            config.AddCommand<CutoverCommand>("cutover")
                .WithDescription("Cut-over package of a published run: opening balances, open items and open commitments in the new "
                    + "structure, reconciled, with a manifest.")
                .WithExample(
                    "cutover",
                    "--run",
                    "01936f8e-8c2a-7c41-9d2e-5b1f3a7c9e10",
                    "--as-of",
                    "2024-01-01",
                    "--out",
                    "out/cutover/etterbeek");
            config.AddCommand<ServeCommand>("serve")
                .WithDescription("Hangfire server, dashboard (/hangfire), fleet page (/) and /health in one host; loopback only unless "
                    + "Dashboard:Users are set. Exits 1 at start when its job storage or staging database cannot be used.")
                .WithExample("serve", "--urls", "http://127.0.0.1:5080");
            config.AddCommand<FleetCommand>("fleet")
                .WithDescription("Lists the fleet file's entities with their export and mapping folders resolved (relative paths against "
                    + "the fleet file's folder) and whether each exists and can be read. Exit 0 all there, 2 one missing or unreadable, 1 "
                        + "fleet file unusable.")
                .WithExample("fleet")
                .WithExample("fleet", "--year", "2023", "--format", "json");
            config.AddCommand<EnqueueCommand>("enqueue")
                .WithDescription("Queues migration jobs of fleet entities in the shared job storage (postgres) for the serve processes.")
                .WithExample("enqueue", "--entity", "commune-etterbeek", "--year", "2023")
                .WithExample("enqueue", "--all", "--year", "2023")
                .WithExample("enqueue", "--entity", "commune-etterbeek", "--years", "2022-2023");
            config.AddCommand<ScheduleCommand>("schedule")
                .WithDescription("Recurring dress rehearsals of fleet entities in the shared job storage: --cron (UTC) adds or replaces "
                    + "those of --entity KEY or --all for --year YEAR (required), --list shows the recurring jobs, --remove removes them.")
                .WithExample(Shell("schedule", "--all", "--year", "2023", "--cron", "0 2 * * 6"))
                .WithExample(Shell("schedule", "--entity", "commune-etterbeek", "--year", "2023", "--cron", "30 1 * * 1-5"))
                .WithExample("schedule", "--list", "--format", "json")
                .WithExample("schedule", "--remove", "rehearsal:commune-etterbeek:2023")
                .WithExample("schedule", "--remove", "--all", "--year", "2023");
            config.AddCommand<CancelCommand>("cancel")
                .WithDescription("Cancels a queued, retry-waiting or running migration job (a running one stops between batches and "
                    + "publishes nothing); a finished job is left as it is.")
                .WithExample("cancel", "42");
            config.AddCommand<ExtractCommand>("extract")
                .WithDescription("Dry run for IT staff: reads a legacy export and checks it against EXPORT.txt, file by file. Exit 0 "
                    + "agrees, 2 a count or total disagrees, 1 a file-level fault.")
                .WithExample("extract", "--export", "samples/commune-etterbeek-2023");
            config.AddCommand<SampleCommand>("sample")
                .WithDescription("Writes a realistic legacy export folder (all six files), deterministic for a seed.")
                .WithExample("sample", "--out", "out/sample", "--entity-type", "CPAS", "--lines", "5000", "--seed", "7");
        });
        return new CheckedCommandApp(app, console);
    }

    private sealed class CheckedCommandApp(CommandApp app, IAnsiConsole console) : ICommandApp
    {
        public void Configure(Action<IConfigurator> configuration) => app.Configure(configuration);

        public int Run(IEnumerable<string> args, CancellationToken cancellationToken = default)
        {
            var arguments = args.ToList();
            return OptionValues.Problem(arguments) is { } problem
                ? CommandFailures.BadArguments(console, problem)
                : app.Run(arguments, cancellationToken);
        }

        public Task<int> RunAsync(IEnumerable<string> args, CancellationToken cancellationToken = default)
        {
            var arguments = args.ToList();
            return OptionValues.Problem(arguments) is { } problem
                ? Task.FromResult(CommandFailures.BadArguments(console, problem))
                : app.RunAsync(arguments, cancellationToken);
        }
    }

    /// <summary>
    /// An argument as a POSIX shell reads it back: kept as it is when it holds only characters no shell treats
    /// specially, else quoted. Help prints an example's arguments joined by spaces, so an argument with spaces (a cron
    /// expression, a sentence) is given to it already quoted, and the printed line can be pasted into a shell as it is.
    /// </summary>
    public static string ShellQuote(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        if (argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=,@%+".Contains(c, StringComparison.Ordinal)))
        {
            return argument;
        }

        return argument.IndexOfAny(['"', '\\', '$', '`', '!']) < 0
            ? $"\"{argument}\""
            : $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'";
    }

    // For an example with an argument that a shell would split or expand (ExamplesTests reads every example as a shell does).
    private static string[] Shell(params string[] arguments) => [.. arguments.Select(ShellQuote)];
}
