namespace Bascule.Reconcile.Reports.Html;

/// <summary>The report's only style sheet, inline: no external resource, so the file works offline and archives as one file.</summary>
public static class HtmlStyles
{
    // Written as it stands (its bytes are part of pages and reports): a few lines are longer than 140 characters.
#pragma warning disable RCS0056
    public const string Css =
        """
        :root { --ok: #1b7a3a; --warning: #a86400; --failed: #b3261e; --line: #c9ced6; --head: #eef1f5; }
        * { box-sizing: border-box; }
        body { font: 10.5pt/1.4 "Segoe UI", "DejaVu Sans", Arial, sans-serif; color: #1d232b; margin: 0 auto; max-width: 1180px; padding: 18px 24px; }
        h1 { font-size: 18pt; margin: 0 0 4px; }
        h2 { font-size: 13pt; margin: 26px 0 8px; border-bottom: 2px solid #2c3e5c; padding-bottom: 3px; break-after: avoid; }
        h3 { font-size: 11pt; margin: 16px 0 6px; break-after: avoid; }
        .nl { color: #4a5563; }
        .meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 10px 0 0; }
        .meta dt { font-weight: 600; }
        .meta dd { margin: 0; overflow-wrap: anywhere; }
        .status { display: inline-block; padding: 4px 14px; border-radius: 4px; color: #fff; font-weight: 700; letter-spacing: .04em; }
        .status.OK { background: var(--ok); } .status.WARNING { background: var(--warning); } .status.FAILED { background: var(--failed); }
        .badge { font-weight: 700; } .badge.OK { color: var(--ok); } .badge.WARNING { color: var(--warning); } .badge.FAILED { color: var(--failed); } .badge.UNCHECKED { color: #4a5563; }
        .banner { border: 2px solid var(--failed); padding: .5em .8em; font-weight: 700; }
        .summary { display: flex; gap: 18px; align-items: center; margin: 14px 0; break-inside: avoid; }
        .figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8px; break-inside: avoid; }
        .figure { border: 1px solid var(--line); border-radius: 4px; padding: 6px 10px; }
        .figure .label { font-size: 8.5pt; color: #4a5563; }
        .figure .value { font-size: 12pt; font-weight: 600; font-variant-numeric: tabular-nums; }
        table { border-collapse: collapse; width: 100%; margin: 4px 0 10px; font-size: 9pt; }
        th, td { border: 1px solid var(--line); padding: 3px 6px; vertical-align: top; }
        th { background: var(--head); text-align: left; font-weight: 600; }
        td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        td.raw { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 8pt; word-break: break-all; min-width: 24ch; }
        tr.diff td { background: #fdecea; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; }
        details summary { cursor: pointer; }
        details table { margin: 4px 0 6px 18px; width: calc(100% - 18px); }
        .empty { color: #4a5563; font-style: italic; }
        .note { font-size: 9pt; color: #4a5563; }
        p.difference { margin: 0 0 6px; }
        p.difference:last-child { margin-bottom: 0; }
        p.next { font-weight: 600; }
        #check-summary td:last-child { width: 55%; }
        span.raw { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 8pt; overflow-wrap: anywhere; }
        .meta .raw { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 9pt; }
        .signoff { display: grid; grid-template-columns: repeat(3, 1fr); gap: 14px; margin-top: 12px; break-inside: avoid; }
        .signoff div { border: 1px solid var(--line); border-radius: 4px; padding: 8px 10px; min-height: 92px; }
        .signoff .line { border-bottom: 1px dotted #4a5563; height: 42px; }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 9pt; }
          h2 { break-before: auto; }
          section.tables { break-before: page; }
          details::details-content { content-visibility: visible; display: contents; }
          details summary { list-style: none; }
          a { color: inherit; text-decoration: none; }
        }
        """;
#pragma warning restore RCS0056
}
