using System.Globalization;
using Bascule.Load.Providers;
using Bascule.Reconcile.Model;
using Spectre.Console;

namespace Bascule.Jobs.Pipeline;

/// <summary>The concise end-of-run summary: what was published, its status, where the reports are and the checks that need a look.</summary>
public static class MigrationSummary
{
    public static void Write(MigrationResult result, IStagingProvider provider)
    {
        var report = result.Reconciliation;
        var run = report.Run;
        var colour = report.Status switch
        {
            Verdict.Ok => "green",
            Verdict.Warning => "yellow",
            _ => "red",
        };
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Run [bold]{result.RunId}[/] published in {provider.Target}: {run.Entity} ({run.EntityType} {run.InsCode}) {run.FiscalYear}");
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  mapping {run.Mapping.Id} {run.Mapping.Version}, {result.RowsWritten:N0} rows, {result.Retries} retried batch attempt(s)");
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  fingerprint {result.Fingerprint}");
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  reconciliation [{colour}]{report.Status.ToString().ToUpperInvariant()}[/]");
        // Paths are written unwrapped, so that they can be copied from a log or a narrow terminal.
        Console.Out.WriteLine($"  report: {result.Reports.Html}");
        Console.Out.WriteLine($"  also:   {Path.GetFileName(result.Reports.Json)}, {Path.GetFileName(result.Reports.Xlsx)} and {result.Reports.Csv.Count} CSV files in the same folder");
        foreach (var check in report.Checks.Where(c => c.Status != Verdict.Ok).Take(12))
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"    {check.Status.ToString().ToUpperInvariant(),-8} {check.Name}: expected {check.Expected} found {check.Found} ({check.Unit})");
        }
    }
}
