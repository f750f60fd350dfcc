using Bascule.Pipeline;
using System.Globalization;
using Bascule.Load.Providers;
using Bascule.Reconcile.Model;
using Spectre.Console;

namespace Bascule.Jobs.Cli.Progress;

/// <summary>The concise end-of-run summary: what was published, its status, where the reports are and the checks that need a
/// look.</summary>
public static class MigrationSummary
{
    private const int Shown = 12;

    public static void Write(IAnsiConsole console, MigrationResult result, IStagingProvider provider)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(provider);
        // Paths and commands are written as plain lines, never wrapped, so that they can be copied from a log or a narrow terminal.
        var plain = console.Profile.Out.Writer;
        var report = result.Reconciliation;
        var run = report.Run;
        var colour = report.Status switch
        {
            Verdict.Ok => "green",
            Verdict.Warning => "yellow",
            _ => "red",
        };
        var outcome = result.IsHeld ? "[red]held, not published,[/]" : "published";
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Run [bold]{result.RunId}[/] {outcome} in "
            + $"{Markup.Escape(provider.Target)}: {Markup.Escape($"{run.Entity} ({run.EntityType} {run.InsCode}) {run.FiscalYear}")}"));
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  mapping {run.Mapping.Id} {run.Mapping.Version}, {
            Figures.Count(result.RowsWritten)} rows, {Figures.Count(result.Retries)} retried batch attempt(s)");
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  fingerprint {result.Fingerprint}");
        console.MarkupLineInterpolated(
            CultureInfo.InvariantCulture,
            $"  reconciliation [{colour}]{report.Status.ToString().ToUpperInvariant()}[/]");
        foreach (var line in ContinuityLines(report))
        {
            plain.WriteLine(line);
        }

        plain.WriteLine($"  report: {result.Reports.Html}");
        plain.WriteLine($"  also:   {Path.GetFileName(result.Reports.Json)}, {Path.GetFileName(result.Reports.Xlsx)} and "
            + $"{result.Reports.Csv.Count} CSV files in the same folder");
        foreach (var line in CheckLines(report, result.Reports.Html))
        {
            plain.WriteLine(line);
        }

        if (result.IsHeld)
        {
            foreach (var line in HeldLines(result))
            {
                plain.WriteLine(line);
            }
        }
    }

    /// <summary>
    /// Check 10 in a line per pair of years: whether the year opens where the previous one closed (and the next one opens
    /// where it closes), or which year is missing for the comparison to be made.
    /// </summary>
    public static IEnumerable<string> ContinuityLines(ReconciliationResult report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var pair in report.Continuity)
        {
            var other = pair.Earlier?.RunId == report.Run.RunId ? pair.Later : pair.Earlier;
            yield return pair.Status switch
            {
                null => $"  continuity {pair.Key}: not checked yet, no published run of {string.Join(" and ", pair.MissingYears)}",
                Verdict.Ok => $"  continuity {pair.Key}: OK with run {other!.RunId}" + (pair.Allocation(ContinuitySide.Legacy) is { } a
                    ? $" ({pair.EarlierYear}'s result carried onto {a.Account})"
                    : ""),
                _ => $"  continuity {pair.Key}: FAILED with run {other!.RunId}, "
                    + $"{pair.Differing.Count(r => r.Side == ContinuitySide.Legacy)} legacy and "
                        + $"{pair.Differing.Count(r => r.Side == ContinuitySide.New)} new account(s) do not open where they closed",
            };
        }
    }

    /// <summary>
    /// The comparisons that are not OK, each said in words (the first twelve, and how many more), then where the report
    /// says what to do about each and who acts on it.
    /// </summary>
    public static IReadOnlyList<string> CheckLines(ReconciliationResult report, string html)
    {
        ArgumentNullException.ThrowIfNull(report);
        var notOk = report.Checks.Where(c => c.Status != Verdict.Ok).ToList();
        if (notOk.Count == 0)
        {
            return [];
        }

        var lines = new List<string> { "  to look at:" };
        lines.AddRange(notOk.Take(Shown).Select(c => $"    {c.Status.ToString().ToUpperInvariant(),-8} {CheckSentences.Of(c)}"));
        if (notOk.Count > Shown)
        {
            lines.Add($"    and {Figures.Count(notOk.Count - Shown)} more");
        }

        lines.Add($"  what to do about each, and who acts on it, is in the report: {html}");
        return lines;
    }

    /// <summary>What a held run means for the user: the published data is unchanged, and how to publish the run after review.</summary>
    public static IReadOnlyList<string> HeldLines(MigrationResult result) =>
    [
        // The recorded reason names the failed checks technically (bascule runs shows it); here they are listed above in words.
        result.Reconciliation.Status == Verdict.Failed
            ? "  Held, not published: its reconciliation FAILED on the checks listed above."
            : $"  {result.HeldReason}",
        "  Its rows and reports are kept for review; it is not published.",
        result.StillPublished is { } published
            ? $"  The published run of this entity and year is unchanged: {published}."
            : "  No run of this entity and year is published: the published_* views show none.",
        "  Fix the export or the mapping and migrate again, or, once an accountant has reviewed and signed the report, publish it with:",
        $"    bascule publish --run {result.RunId} --reason \"<who reviewed it, and why the differences are accepted>\"",
    ];
}
