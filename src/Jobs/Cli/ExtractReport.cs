using Bascule.Extract;
using Bascule.Extract.Privacy;
using Bascule.Extract.Profiles;
using Bascule.Extract.Records;
using Bascule.Extract.Values;
using Bascule.Reconcile.Reports;
using Spectre.Console;

namespace Bascule.Jobs.Cli;

/// <summary>How <c>bascule extract</c> shows its findings: one row per file, then the first rejected lines.</summary>
internal static class ExtractReport
{
    public static Table Table(LegacyExport export)
    {
        var table = new Table()
            .AddColumn("File").AddColumn("Encoding").AddColumn(new TableColumn("Records").RightAligned())
            .AddColumn("Rejected").AddColumn(new TableColumn("Debit").RightAligned()).AddColumn(new TableColumn("Credit").RightAligned())
            .AddColumn("EXPORT.txt");
        foreach (var file in Enum.GetValues<ExportFile>())
        {
            if (export.Summary(file) is not { } summary)
            {
                continue;
            }

            table.AddRow(
                Markup.Escape(summary.Name),
                Markup.Escape(summary.Encoding),
                Figures.Count(summary.Records),
                Markup.Escape(Rejected(summary)),
                summary.Control.TotalDebit is null ? "-" : Money(summary.Debit),
                summary.Control.TotalCredit is null ? "-" : Money(summary.Credit),
                Agreement(summary));
        }

        return table;
    }

    /// <summary>
    /// The rejected lines, with personal data masked in their messages (which quote the value at fault): the names and
    /// IBANs of the export's third parties, as the reports mask them, and any other IBAN. Always masked: the console is
    /// for IT staff, who need the place and the reason, not the person.
    /// </summary>
    public static async Task WriteRejectsAsync(
        IAnsiConsole console,
        LegacyExport export,
        IReadOnlyList<Rejected> rejects,
        CancellationToken cancellationToken)
    {
        // TIERS.csv is read again only when there is something to mask.
        var masker = rejects.Count == 0 ? PersonalDataMasker.Empty : await ThirdPartyMasking.FromExportAsync(export, cancellationToken);
        foreach (var rejected in rejects)
        {
            var message = PersonalData.MaskText(masker.Mask(rejected.Message));
            console.MarkupLineInterpolated($"[yellow]{rejected.Reason}[/] {rejected.Lineage.File} line {rejected.Lineage.Line} (record {
                rejected.Lineage.Record}): {message}");
        }
    }

    private static string Rejected(FileSummary summary) =>
        summary.Rejected == 0
            ? Figures.Count(0)
            : $"{Figures.Count(summary.Rejected)}: " + string.Join(
                ", ",
                summary.RejectedByReason.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key} {Figures.Count(pair.Value)}"));

    private static string Agreement(FileSummary summary)
    {
        if (!summary.CountAgrees)
        {
            return $"[red]FAULT: {Figures.Count(summary.Control.Lines)} records announced[/]";
        }

        if (summary.TotalsAgree)
        {
            return summary.Control.TotalDebit is null ? "[green]count OK[/]" : "[green]count and totals OK[/]";
        }

        var debit = summary.DebitDifference is { Value: not 0m } d ? $" debit {Signed(d)}" : "";
        var credit = summary.CreditDifference is { Value: not 0m } c ? $" credit {Signed(c)}" : "";
        return $"[red]totals differ:{debit}{credit}[/]";
    }

    private static string Money(Amount amount) => Figures.Amount(amount.Value);

    private static string Signed(Amount amount) => Figures.SignedAmount(amount.Value);
}
