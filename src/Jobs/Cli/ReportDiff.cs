using System.Data.Common;
using System.Globalization;
using Bascule.Jobs.Composition;
using Bascule.Reconcile;
using Bascule.Reconcile.Diff;
using Spectre.Console;

namespace Bascule.Jobs.Cli;

/// <summary>
/// <c>bascule report diff RUN_A RUN_B</c>: per target account what changed in euros between two runs of the same entity
/// and year, and why (mapping version or hash, source files). Exit code 0 when nothing changed, 3 when something did,
/// 1 when the runs could not be compared.
/// </summary>
public sealed class ReportDiff(IAnsiConsole console, StagingDatabases databases)
{
    public const int Changed = ExitCodes.Differences;

    public async Task<int> RunAsync(ReportSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var target = databases.Target(settings.Provider, settings.Connection);
        RunDiff diff;
        try
        {
            var provider = await databases.OpenAsync(target, cancellationToken);
            diff = await RunComparison.ComputeAsync(provider, ReportSettings.ParseRun(settings.RunA).Value, ReportSettings.ParseRun(settings.RunB).Value, cancellationToken);
        }
        catch (Exception ex) when (ex is ArgumentException or ReconcileException or DbException or IOException)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{databases.Explain(ex, target)}[/]");
            return ExitCodes.CouldNotComplete;
        }

        Print(diff);
        return diff.Changed.Any() ? Changed : ExitCodes.Done;
    }

    private void Print(RunDiff diff)
    {
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{diff.A.Entity} ({diff.A.EntityType} {diff.A.InsCode}) {diff.A.FiscalYear}: run A {diff.A.RunId} → run B {diff.B.RunId}");
        var changed = diff.Changed.ToList();
        if (changed.Count == 0)
        {
            console.MarkupLine("[green]No target account changed.[/]");
        }
        else
        {
            var table = new Table().AddColumns("Target account", "Debit A", "Debit B", "Δ debit", "Credit A", "Credit B", "Δ credit", "Δ net");
            foreach (var c in changed)
            {
                table.AddRow(Markup.Escape(c.Account), Euro(c.DebitA), Euro(c.DebitB), Euro(c.DebitChange), Euro(c.CreditA), Euro(c.CreditB), Euro(c.CreditChange), Euro(c.NetChange));
            }

            console.Write(table);
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{changed.Count} of {diff.Accounts.Count} target accounts changed.");
        }

        console.MarkupLine("Why:");
        if (diff.MappingChanged)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  mapping differs: A {diff.A.Mapping.Id} {diff.A.Mapping.Version} ({diff.A.Mapping.Sha256}), B {diff.B.Mapping.Id} {diff.B.Mapping.Version} ({diff.B.Mapping.Sha256})");
        }
        else
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  same mapping: {diff.A.Mapping.Id} {diff.A.Mapping.Version} ({diff.A.Mapping.Sha256})");
        }
        var files = diff.ChangedFiles.ToList();
        if (files.Count == 0)
        {
            console.MarkupLine("  same source files (SHA-256 equal)");
        }

        foreach (var f in files)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  source file {f.Name} differs: A {f.Sha256A ?? "(absent)"}, B {f.Sha256B ?? "(absent)"}");
        }
    }

    private static string Euro(decimal value) => value.ToString("#,##0.00", CultureInfo.InvariantCulture);
}
