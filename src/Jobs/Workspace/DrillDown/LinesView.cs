using Bascule.Reconcile.DrillDown;
using Bascule.Reconcile.Reports;

namespace Bascule.Jobs.Workspace.DrillDown;

/// <summary>
/// What a drill-down page shows: the run, the list and one page of its lines, the links to the next page and the CSV, in
/// the reader's language; or, without lines, a notice (no such list for a check, a request the page cannot read).
/// </summary>
public sealed record LinesView(
    ReaderLanguage Language,
    RunLines? Run,
    LineList? List,
    DrillPage? Page,
    string? NextHref,
    string? FirstHref,
    string? CsvHref,
    bool Masked,
    string? Notice);
