using Bascule.Extract;
using Bascule.Extract.Profiles;

namespace Bascule.Jobs.Cli;

/// <summary>
/// What <c>bascule extract</c> concludes, worst first: a file-level fault (exit 1: the export cannot be migrated), a
/// record count or control total that disagrees with <c>EXPORT.txt</c> (exit 2: migrate would hold the run, its
/// reconciliation FAILED), rejected lines (exit 0 with a warning, as migrate publishes them), else OK.
/// </summary>
internal static class ExtractVerdict
{
    public const string Ok = "OK";
    public const string Warning = "WARNING";
    public const string Failed = "FAILED";
    public const string Fault = "FAULT";

    public static string Of(LegacyExport export, int faults)
    {
        if (faults > 0)
        {
            return Fault;
        }

        var summaries = Enum.GetValues<ExportFile>().Select(export.Summary).OfType<FileSummary>().ToList();
        if (summaries.Any(s => !s.CountAgrees || !s.TotalsAgree))
        {
            return Failed;
        }

        return summaries.Any(s => s.Rejected > 0) ? Warning : Ok;
    }

    public static int ExitCode(string verdict) => verdict switch
    {
        Fault => ExitCodes.CouldNotComplete,
        Failed => ExitCodes.Failed,
        _ => ExitCodes.Done,
    };
}
