using System.Globalization;
using Bascule.Load.Providers;
using Bascule.Load.Reconciliation;
using Spectre.Console;

namespace Bascule.Jobs.Pipeline;

/// <summary>The concise end-of-run summary: what was published, its status and the checks that need a look.</summary>
public static class MigrationSummary
{
    public static void Write(MigrationResult result, IStagingProvider provider)
    {
        var report = result.Reconciliation;
        var colour = report.Status switch
        {
            CheckStatus.Ok => "green",
            CheckStatus.Warning => "yellow",
            _ => "red",
        };
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Run [bold]{result.RunId}[/] published in {provider.Target}: {report.Entity} ({report.EntityType} {report.InsCode}) {report.FiscalYear}");
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  mapping {report.Mapping.Id} {report.Mapping.Version}, {result.RowsWritten:N0} rows, {result.Retries} retried batch attempt(s)");
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  fingerprint {result.Fingerprint}");
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  reconciliation [{colour}]{report.Status.ToString().ToUpperInvariant()}[/]: {result.ReconciliationPath}");
        foreach (var check in report.Checks.Where(c => c.Status != CheckStatus.Ok).Take(12))
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"    {check.Status.ToString().ToUpperInvariant(),-8} {check.Name}: expected {check.Expected} found {check.Found} ({check.Unit})");
        }
    }
}
