using System.ComponentModel;
using System.Data.Common;
using System.Globalization;
using Bascule.Extract.Values;
using Bascule.Jobs.Composition;
using Bascule.Load;
using Bascule.Load.Runs;
using Bascule.Reconcile;
using Bascule.Reconcile.History;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Reports;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>
/// <c>bascule history --ins CODE --entity-type TYPE</c> (or <c>--run RUN_ID</c>): one entity's years side by side, per
/// year the published run, held runs, status, key totals, mapping version and approval, and the continuity of each pair
/// of consecutive years (check 10); written as HTML (French and Dutch), XLSX and JSON. Exit code 0 when every checked
/// pair continues, 2 when one does not, 1 when the history cannot be read.
/// </summary>
public sealed class HistoryCommand(IAnsiConsole console, StagingDatabases databases, IOptions<OutputOptions> output, StandardError errors)
    : AsyncCommand<HistoryCommand.Settings>
{
    public sealed class Settings : StagingSettings
    {
        [CommandOption("--ins <CODE>")]
        [Description("The entity's 5-digit INS code, e.g. 21005 (with --entity-type).")]
        public string? Ins { get; init; }

        [CommandOption("--entity-type <TYPE>")]
        [Description("COMMUNE or CPAS (with --ins).")]
        public string? EntityType { get; init; }

        [CommandOption("--run <RUN_ID>")]
        [Description("Instead of --ins and --entity-type: the entity of this run, by the id `bascule runs` lists.")]
        public string? Run { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Folder for history.html, history.xlsx and history.json (default: OUT/history/TYPE-INS).")]
        public string? Out { get; init; }

        [CommandOption(OutputFormat.Option)]
        [Description(OutputFormat.Description)]
        public string Format { get; init; } = OutputFormat.Text;

        public override ValidationResult Validate()
        {
            if (Run is null == (Ins is null && EntityType is null) || (Run is null && (Ins is null || EntityType is null)))
            {
                return ValidationResult.Error("Give the entity: --ins CODE --entity-type COMMUNE|CPAS (e.g. --ins 21005 --entity-type "
                    + "COMMUNE), or --run RUN_ID of one of its runs.");
            }

            if (Run is not null && !RunId.TryParse(Run, out _))
            {
                return ValidationResult.Error($"--run '{Run}' is not a run id: give a run listed by `bascule runs`.");
            }

            if (Ins is not null && (Ins.Length != 5 || !Ins.All(char.IsAsciiDigit)))
            {
                return ValidationResult.Error($"--ins '{Ins}' is not a 5-digit INS code (Etterbeek is 21005).");
            }

            if (EntityType is not null && !EntityTypes.TryParse(EntityType, out _))
            {
                return ValidationResult.Error($"--entity-type '{EntityType}' is not COMMUNE or CPAS.");
            }

            return OutputFormat.Validate(Format);
        }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Interruption.RunAsync(
            "the output folder may keep a hidden .writing-… folder of unfinished files, which can be deleted",
            token => RunAsync(settings, token),
            _ => "the history was not written; its folder is as it was. Run the same command again.",
            cancellationToken);

    private async Task<int> RunAsync(Settings settings, CancellationToken cancellationToken)
    {
        var messages = OutputFormat.Messages(settings.Format, console, errors);
        var target = databases.Target(settings.Provider, settings.Connection);
        try
        {
            var provider = await databases.OpenAsync(target, cancellationToken);
            var history = settings.Run is { } run
                ? await EntityHistoryReader.ReadForRunAsync(provider, ReportSettings.ParseRun(run), cancellationToken)
                : await EntityHistoryReader.ReadAsync(provider, settings.Ins!, EntityTypeCode(settings.EntityType!), cancellationToken);
            var outDir = settings.Out ?? Path.Combine(output.Value.Root, "history", $"{history.EntityType}-{history.InsCode}");
            HistoryFiles files;
            try
            {
                files = await HistoryReport.WriteAllAsync(history, outDir, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                messages.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]The history could not be written to {
                    Path.GetFullPath(outDir)}: {ex.Message} Give --out a folder you can write to.[/]");
                return ExitCodes.CouldNotComplete;
            }

            if (OutputFormat.IsJson(settings.Format))
            {
                using var stream = new MemoryStream();
                await HistoryReport.WriteJsonAsync(history, stream, cancellationToken);
                console.Profile.Out.Writer.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
            }
            else
            {
                Print(history, files);
            }

            return history.ContinuityStatus == Verdict.Failed ? ExitCodes.Failed : ExitCodes.Done;
        }
        catch (Exception ex) when (ex is ArgumentException or ReconcileException or StagingException or DbException or IOException
            or UnauthorizedAccessException
                                   && !(ex is DbException && cancellationToken.IsCancellationRequested))
        {
            messages.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{databases.Explain(ex, target)}[/]");
            return ExitCodes.CouldNotComplete;
        }
    }

    private void Print(EntityHistory history, HistoryFiles files)
    {
        console.MarkupLineInterpolated(
            CultureInfo.InvariantCulture,
            $"History of {history.Entity} ({history.EntityType} {history.InsCode}), {history.Years[0].Year}-{history.Years[^1].Year}");
        var table = new Table().AddColumns(
            "Year",
            "Published run",
            "Reconciliation",
            "Mapping",
            "Approved",
            "Staged debit",
            "Unmapped EUR",
            "Rejected lines",
            "Held",
            "Continuity");
        foreach (var year in history.Years)
        {
            var pair = history.PairEndingIn(year.Year);
            var continuity = pair is null ? "-" : $"{pair.EarlierYear}-{pair.LaterYear} {ContinuityText.StatusCode(pair)}";
            var held = year.Held.Count == 0 ? "-" : string.Join(", ", year.Held.Select(h => h.Run.Id.Value));
            if (year.Published is not { } published)
            {
                table.AddRow(
                    Cell(year.Year),
                    "none published",
                    "-",
                    "-",
                    "-",
                    "-",
                    "-",
                    "-",
                    Markup.Escape(held),
                    Markup.Escape(continuity));
                continue;
            }

            var r = published.Run;
            var t = published.Totals;
            table.AddRow(
                Cell(year.Year), Markup.Escape(r.Id.Value), Markup.Escape(r.ReconciliationStatus ?? "-"), Markup.Escape(
                    $"{r.Mapping.Id} {r.Mapping.Version}"),
                Markup.Escape(r.Approval is { } a ? $"{a.By}, {a.On:yyyy-MM-dd}" : "NOT APPROVED"),
                t is null ? "-" : Figures.Amount(t.Staged.Debit), t is null
                    ? "-"
                    : Figures.Amount(t.Unmapped.Debit + t.Unmapped.Credit), t is null ? "-" : Cell(t.RejectedLines),
                Markup.Escape(held), Markup.Escape(continuity));
        }

        console.Write(table);
        foreach (var pair in history.Pairs.Where(p => p.Status != Verdict.Ok))
        {
            var colour = pair.IsChecked ? "red" : "yellow";
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[{colour}]{ContinuityText.French(pair)}[/]");
            foreach (var row in pair.Differing.Take(20))
            {
                console.MarkupLineInterpolated(
                    CultureInfo.InvariantCulture,
                    $"  {(row.Side == ContinuitySide.Legacy ? "legacy" : "new"),-6} {row.Account}: closing {pair.EarlierYear} {
                        Figures.Amount(row.Closing)}, expected opening {
                            Figures.Amount(row.Expected)}, opening {pair.LaterYear} {Figures.Amount(row.Opening)}, difference {
                                Figures.Amount(row.Difference)}");
            }
        }

        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"HTML: {Path.GetFullPath(files.Html)}");
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"also {Path.GetFileName(files.Xlsx)} and {
            Path.GetFileName(files.Json)} in {Path.GetFullPath(Path.GetDirectoryName(files.Html)!)}");
    }

    // Validated already: COMMUNE, CPAS or OCMW, in any case.
    private static string EntityTypeCode(string text) =>
        EntityTypes.TryParse(text, out var type)
            ? type.ToCode()
            : throw new ArgumentException($"--entity-type '{text}' is not COMMUNE or CPAS.");

    private static string Cell(long value) => value.ToString(CultureInfo.InvariantCulture);
}
