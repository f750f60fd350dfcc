namespace Bascule.Jobs.Cli.Json;

/// <summary>
/// <c>bascule mapping diff OLD NEW --format json</c>: both versions, whether their rules are identical, every rule added,
/// removed or changed, with <c>--export</c> or <c>--run</c> the euros each change moves (null without either), and the
/// new version's findings.
/// </summary>
public sealed record MappingDiffDocument(
    MappingVersionJson Old,
    MappingVersionJson New,
    bool Identical,
    int Added,
    int Removed,
    int Changed,
    IReadOnlyList<RuleChangeJson> Changes,
    MovementsJson? Movements,
    NewVersionJson NewVersion);

/// <summary>
/// The new version's findings, as <c>mapping validate</c> writes them (on the export or the run's lines when given):
/// <c>VALID</c> or <c>NOT_VALID</c>, whether migrate would refuse it (else its uncovered lines would stay unmapped and
/// be flagged), the counts per severity, every finding, and the plain sentence of the text report.
/// </summary>
public sealed record NewVersionJson(
    string Status,
    bool WouldBeRefused,
    int Errors,
    int Warnings,
    int Notes,
    IReadOnlyList<FindingJson> Findings,
    string Verdict);

/// <summary>One finding: severity (<c>ERROR</c>, <c>WARNING</c>, <c>INFO</c>), stable check code, rule, and where to look.</summary>
public sealed record FindingJson(string Severity, string Check, string? Rule, string File, int Line, string Message);

/// <summary>One side of the diff: the folder and the version's identity.</summary>
public sealed record MappingVersionJson(string Directory, string Id, string Version, string Sha256);

/// <summary>A rule <c>added</c>, <c>removed</c> or <c>changed</c> (with the fields that changed); its old and new lines, null where
/// absent.</summary>
public sealed record RuleChangeJson(string Kind, string Rule, IReadOnlyList<string> Fields, RuleJson? Old, RuleJson? New);

/// <summary>A rule as its line of <c>rules.csv</c> reads: what it matches, where it sends it, and its share in percent.</summary>
public sealed record RuleJson(int Line, string Source, string Target, double Share);

/// <summary>The euros the new version sends elsewhere on one export (<c>export</c>) or on a staged run's lines (<c>run</c>); the other is
/// null.</summary>
public sealed record MovementsJson(string? Export, string? Run, string EntityType, int FiscalYear, IReadOnlyList<MovementJson> Moves);

/// <summary>From one target (<c>account / economic / function</c>, or <c>(unmapped)</c>) to another, and the rules involved.</summary>
public sealed record MovementJson(string From, string To, long Lines, decimal Debit, decimal Credit, IReadOnlyList<string> Rules);
