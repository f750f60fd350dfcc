namespace Bascule.Jobs.Cli.Json;

/// <summary>
/// <c>bascule report --run RUN_ID --format json</c>: the run, the reconciliation's status and every comparison, and the
/// report files written.
/// </summary>
public sealed record ReportDocument(
    string RunId,
    string Entity,
    string EntityType,
    string InsCode,
    int FiscalYear,
    MappingJson Mapping,
    string Status,
    string LedgerSource,
    int ChecksNotOk,
    IReadOnlyList<CheckJson> Checks,
    ReportFilesJson Reports);

/// <summary>The report files of a run, as full paths.</summary>
public sealed record ReportFilesJson(string Folder, string Html, string Json, string Xlsx, IReadOnlyList<string> Csv);
