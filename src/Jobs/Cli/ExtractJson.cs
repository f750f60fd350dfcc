using Bascule.Extract;
using Bascule.Extract.Profiles;
using Bascule.Extract.Records;
using Bascule.Extract.Values;
using Bascule.Jobs.Cli.Json;

namespace Bascule.Jobs.Cli;

/// <summary>Builds the document of <c>bascule extract --format json</c> from what the export's reading found.</summary>
internal static class ExtractJson
{
    /// <summary>The export could not even be opened (no readable EXPORT.txt, a missing file…): the fault is the document.</summary>
    public static ExtractDocument Unopened(string folder, string? profile, ExportFileException fault) =>
        new(Path.GetFullPath(folder), profile, null, [], [], [Fault(fault)], ExtractVerdict.Fault);

    public static ExtractDocument Read(
        LegacyExport export,
        IReadOnlyList<Rejected> rejects,
        IReadOnlyList<ExportFileException> faults,
        string verdict)
    {
        var control = export.Control;
        return new(
            export.Folder,
            export.Profile.Name,
            new ExtractControlJson(
                control.EntityName,
                control.EntityType.ToCode(),
                control.InsCode,
                control.FiscalYear.Value,
                control.ExportDate,
                control.Software),
            [.. Enum.GetValues<ExportFile>().Select(export.Summary).OfType<FileSummary>().Select(File)],
            [.. rejects.Select(
                r => new ExtractRejectJson(r.Lineage.File, r.Lineage.Line, r.Lineage.Record, r.Column, r.Reason.ToString(), r.Message))],
            [.. faults.Select(Fault)],
            verdict);
    }

    private static ExtractFileJson File(FileSummary s)
    {
        var totals = s.Control.TotalDebit is not null || s.Control.TotalCredit is not null;
        return new(
            s.Name,
            s.Encoding,
            s.Completed,
            s.Records,
            s.Accepted,
            s.Rejected,
            s.RejectedByReason.OrderBy(pair => pair.Key.ToString(), StringComparer.Ordinal)
                .ToDictionary(pair => pair.Key.ToString(), pair => pair.Value),
            totals ? s.Debit.Value : null,
            totals ? s.Credit.Value : null,
            new ExtractExpectedJson(s.Control.Lines, s.Control.TotalDebit?.Value, s.Control.TotalCredit?.Value),
            s.DebitDifference?.Value,
            s.CreditDifference?.Value,
            s.CountAgrees,
            s.TotalsAgree,
            s.CountAgrees && s.TotalsAgree);
    }

    private static ExtractFaultJson Fault(ExportFileException fault) =>
        new(fault.File, fault.Line, fault.Column, fault.Message);
}
