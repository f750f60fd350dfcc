using Bascule.Pipeline;
using System.Globalization;
using Bascule.Load.Providers;
using Bascule.Reconcile.Model;
using Spectre.Console;

namespace Bascule.Jobs.Cli.Progress;

/// <summary>The concise end-of-run summary: what was published, its status, where the reports are and the checks that need a look.</summary>
public static class MigrationSummary
{
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
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Run [bold]{result.RunId}[/] {outcome} in {Markup.Escape(provider.Target)}: {Markup.Escape($"{run.Entity} ({run.EntityType} {run.InsCode}) {run.FiscalYear}")}"));
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  mapping {run.Mapping.Id} {run.Mapping.Version}, {Figures.Count(result.RowsWritten)} rows, {Figures.Count(result.Retries)} retried batch attempt(s)");
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  fingerprint {result.Fingerprint}");
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  reconciliation [{colour}]{report.Status.ToString().ToUpperInvariant()}[/]");
        plain.WriteLine($"  report: {result.Reports.Html}");
        plain.WriteLine($"  also:   {Path.GetFileName(result.Reports.Json)}, {Path.GetFileName(result.Reports.Xlsx)} and {result.Reports.Csv.Count} CSV files in the same folder");
        foreach (var check in report.Checks.Where(c => c.Status != Verdict.Ok).Take(12))
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"    {check.Status.ToString().ToUpperInvariant(),-8} {check.Name}: expected {Figures.Figure(check.Expected, check.IsMoney)} found {Figures.Figure(check.Found, check.IsMoney)} ({check.Unit})");
        }

        if (result.IsHeld)
        {
            foreach (var line in HeldLines(result))
            {
                plain.WriteLine(line);
            }
        }
    }

    /// <summary>What a held run means for the user: the published data is unchanged, and how to publish the run after review.</summary>
    public static IReadOnlyList<string> HeldLines(MigrationResult result) =>
    [
        $"  {result.HeldReason}",
        "  Its rows and reports are kept for review; it is not published.",
        result.StillPublished is { } published
            ? $"  The published run of this entity and year is unchanged: {published}."
            : "  No run of this entity and year is published: the published_* views show none.",
        "  Fix the export or the mapping and migrate again, or, once an accountant has reviewed and signed the report, publish it with:",
        $"    bascule publish --run {result.RunId} --reason \"<who reviewed it, and why the differences are accepted>\"",
    ];
}
