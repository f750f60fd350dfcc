namespace Bascule.Jobs.Cli.Json;

/// <summary>
/// <c>bascule cutover --run RUN_ID --format json</c>: the run it was built from, its date, the status and every
/// comparison of its reconciliation, the files of the package with their rows and totals, and the folder.
/// </summary>
public sealed record CutoverDocument(
    string RunId,
    string Entity,
    string EntityType,
    string InsCode,
    int FiscalYear,
    DateOnly AsOf,
    MappingJson Mapping,
    string Status,
    IReadOnlyList<CheckJson> Checks,
    IReadOnlyList<CutoverFileJson> Files,
    string Folder);

/// <summary>A file of the package: its SHA-256 and, for the data files, its rows and the totals of its amount columns (null
/// otherwise).</summary>
public sealed record CutoverFileJson(string Name, string Sha256, long? Rows, IReadOnlyDictionary<string, decimal>? Totals);
