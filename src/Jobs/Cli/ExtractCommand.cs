using System.ComponentModel;
using System.Globalization;
using Bascule.Extract;
using Bascule.Extract.Profiles;
using Bascule.Extract.Records;
using Bascule.Jobs.Cli.Json;
using Bascule.Jobs.Composition;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>
/// <c>bascule extract</c>: a dry run for IT staff. Reads every file of an export folder and prints, per file, the
/// records, the rejects by reason, the debit and credit totals and whether they agree with <c>EXPORT.txt</c>.
/// Exits 1 on any file-level fault (the export cannot be migrated until it is fixed), 2 when a record count or a
/// control total disagrees with <c>EXPORT.txt</c> (migrate would hold the run), else 0; see <see cref="ExtractVerdict"/>.
/// </summary>
public sealed class ExtractCommand(IAnsiConsole console, StandardError errors) : AsyncCommand<ExtractCommand.Settings>
{
    // Below this many records a file reads in well under a second: a progress bar would only flicker.
    private const long ProgressThreshold = 200_000;

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--export <DIR>")]
        [Description("The export folder: EXPORT.txt and its CSV files.")]
        public string? Export { get; init; }

        [CommandOption("--profile <FILE>")]
        [Description("Export profile (JSON) for a delivery that differs from the spec; default: the spec's layout. See profiles/.")]
        public string? Profile { get; init; }

        [CommandOption("--show-rejects <N>")]
        [Description("How many rejected lines to list per file (default 10).")]
        public int ShowRejects { get; init; } = 10;

        [CommandOption(OutputFormat.Option)]
        [Description(OutputFormat.Description)]
        public string Format { get; init; } = OutputFormat.Text;

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Export)
                ? ValidationResult.Error(
                    "--export is required: the folder that holds EXPORT.txt, e.g. --export samples/commune-etterbeek-2023.")
                : OutputFormat.Validate(Format);
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        RunAsync(settings, cancellationToken);

    internal async Task<int> RunAsync(Settings settings, CancellationToken cancellationToken)
    {
        var json = OutputFormat.IsJson(settings.Format);
        LegacyExport export;
        try
        {
            var profile = settings.Profile is null ? ExportProfile.Default : ExportProfile.Load(settings.Profile);
            export = LegacyExport.Open(settings.Export!, profile);
        }
        catch (ExportFileException fault)
        {
            if (json)
            {
                JsonOutput.Write(console, ExtractJson.Unopened(settings.Export!, settings.Profile, fault));
            }
            else
            {
                console.MarkupLineInterpolated($"[red]File-level fault, the export cannot be used:[/] {fault.Message}");
            }

            return ExitCodes.CouldNotComplete;
        }

        var control = export.Control;
        if (!json)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]{control.EntityName}[/] ({
                control.EntityType.ToString().ToUpperInvariant()}, INS {control.InsCode}), fiscal year {
                    control.FiscalYear}, exported {control.ExportDate:dd/MM/yyyy HH:mm} by {
                    control.Software}; profile {export.Profile.Name}");
        }

        var faults = new List<ExportFileException>();
        var rejects = new List<Rejected>();
        foreach (var file in Enum.GetValues<ExportFile>())
        {
            try
            {
                // No progress bar under json: standard output carries the document alone.
                await ReadAsync(json ? errors.Console : console, export, file, rejects, settings.ShowRejects, cancellationToken);
            }
            catch (ExportFileException fault)
            {
                faults.Add(fault);
            }
        }

        var verdict = ExtractVerdict.Of(export, faults.Count);
        if (json)
        {
            JsonOutput.Write(console, ExtractJson.Read(export, rejects, faults, verdict));
            return ExtractVerdict.ExitCode(verdict);
        }

        console.Write(ExtractReport.Table(export));
        await ExtractReport.WriteRejectsAsync(console, export, rejects, cancellationToken);
        foreach (var fault in faults)
        {
            console.MarkupLineInterpolated($"[red]File-level fault:[/] {fault.Message}");
        }

        if (verdict == ExtractVerdict.Fault)
        {
            console.MarkupLine("[red]The export cannot be migrated until these faults are fixed.[/]");
        }
        else if (verdict == ExtractVerdict.Failed)
        {
            console.MarkupLine("[red]The records read disagree with EXPORT.txt (column EXPORT.txt above): migrate would hold the run, its "
                + "reconciliation FAILED. Ask for a corrected export, or have the accountants review the difference before migrating.[/]");
        }

        return ExtractVerdict.ExitCode(verdict);
    }

    private static async Task ReadAsync(
        IAnsiConsole console,
        LegacyExport export,
        ExportFile file,
        List<Rejected> rejects,
        int keep,
        CancellationToken ct)
    {
        var lines = export.Control.Entry(export.Profile.Layout(file).FileName)!.Lines;
        var interactive = console.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;
        if (!interactive || lines < ProgressThreshold)
        {
            await DrainAsync(export, file, rejects, keep, _ => { }, ct);
            return;
        }

        await console.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask(export.Profile.Layout(file).FileName, maxValue: lines);
            await DrainAsync(export, file, rejects, keep, task.Increment, ct);
            task.Value = task.MaxValue;
        });
    }

    private static async Task DrainAsync(
        LegacyExport export,
        ExportFile file,
        List<Rejected> rejects,
        int keep,
        Action<double> advance,
        CancellationToken ct)
    {
        const int Step = 1 << 14;
        var kept = 0;
        var count = 0;
        await foreach (var parsed in Records(export, file, ct))
        {
            if (parsed is { } rejected && kept++ < keep)
            {
                rejects.Add(rejected);
            }

            if (++count == Step)
            {
                advance(count);
                count = 0;
            }
        }
    }

    // Only the rejections matter here: the summary of each file is kept by the export itself.
    private static IAsyncEnumerable<Rejected?> Records(LegacyExport export, ExportFile file, CancellationToken ct) => file switch
    {
        ExportFile.Ledger => export.ReadLedgerAsync(ct).Select(p => p.Rejected),
        ExportFile.Balance => export.ReadBalanceAsync(ct).Select(p => p.Rejected),
        ExportFile.Articles => export.ReadArticlesAsync(ct).Select(p => p.Rejected),
        ExportFile.ThirdParties => export.ReadThirdPartiesAsync(ct).Select(p => p.Rejected),
        _ => export.ReadCommitmentsAsync(ct).Select(p => p.Rejected),
    };
}
