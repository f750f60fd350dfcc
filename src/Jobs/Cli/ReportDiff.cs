using System.Data.Common;
using System.Globalization;
using Bascule.Jobs.Cli.Json;
using Bascule.Jobs.Composition;
using Bascule.Load.Runs;
using Bascule.Reconcile;
using Bascule.Reconcile.Diff;
using Spectre.Console;

namespace Bascule.Jobs.Cli;

/// <summary>
/// <c>bascule report diff RUN_A RUN_B</c>: per target account what changed in euros between two runs of the same entity
/// and year, and why (mapping version or hash, source files). Exit code 0 when nothing changed, 3 when something did,
/// 1 when the runs could not be compared. With <c>--format json</c> the comparison is one JSON document, the messages go
/// to <paramref name="errors"/>.
/// </summary>
public sealed class ReportDiff(IAnsiConsole console, StagingDatabases databases, StandardError? errors = null)
{
    public const int Changed = ExitCodes.Differences;

    private static readonly string[] AmountColumns = ["Debit A", "Debit B", "Δ debit", "Credit A", "Credit B", "Δ credit", "Δ net"];

    public async Task<int> RunAsync(ReportSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var target = databases.Target(settings.Provider, settings.Connection);
        RunDiff diff;
        try
        {
            var provider = await databases.OpenAsync(target, cancellationToken);
            diff = await RunComparison.ComputeAsync(
                provider,
                ReportSettings.ParseRun(settings.RunA),
                ReportSettings.ParseRun(settings.RunB),
                cancellationToken);
        }
        // A database fault once cancelled is the cancellation itself, reported by the caller.
        catch (Exception ex) when (ex is ArgumentException or ReconcileException or DbException or IOException
            && !(ex is DbException && cancellationToken.IsCancellationRequested))
        {
            var messages = errors is null ? console : OutputFormat.Messages(settings.Format, console, errors);
            messages.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{databases.Explain(ex, target)}[/]");
            return ExitCodes.CouldNotComplete;
        }

        if (OutputFormat.IsJson(settings.Format))
        {
            JsonOutput.Write(console, Document(diff));
        }
        else
        {
            Print(diff);
        }

        return diff.AnyChange ? Changed : ExitCodes.Done;
    }

    private void Print(RunDiff diff)
    {
        console.MarkupLineInterpolated(
            CultureInfo.InvariantCulture,
            $"{diff.A.Entity} ({diff.A.EntityType} {diff.A.InsCode}) {diff.A.FiscalYear}: run A {diff.A.RunId} → run B {diff.B.RunId}");
        var changed = diff.Changed.ToList();
        if (changed.Count == 0)
        {
            console.MarkupLine("[green]No target account changed.[/]");
        }
        else
        {
            // Amounts right-aligned, so that their decimal commas line up.
            var table = new Table().AddColumn("Target account")
                .AddColumns(AmountColumns.Select(h => new TableColumn(h).RightAligned()).ToArray());
            foreach (var c in changed)
            {
                table.AddRow(
                    Markup.Escape(c.Account),
                    Euro(c.DebitA),
                    Euro(c.DebitB),
                    Euro(c.DebitChange),
                    Euro(c.CreditA),
                    Euro(c.CreditB),
                    Euro(c.CreditChange),
                    Euro(c.NetChange));
            }

            console.Write(table);
            console.MarkupLineInterpolated(
                CultureInfo.InvariantCulture,
                $"{Figures.Count(changed.Count)} of {Figures.Count(diff.Accounts.Count)} target accounts changed.");
        }

        PrintUnmapped(diff);
        console.MarkupLine("Why:");
        if (diff.MappingChanged)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  mapping differs: A {diff.A.Mapping.Id} {
                diff.A.Mapping.Version} ({diff.A.Mapping.Sha256}), B {
                    diff.B.Mapping.Id} {diff.B.Mapping.Version} ({diff.B.Mapping.Sha256})");
        }
        else
        {
            console.MarkupLineInterpolated(
                CultureInfo.InvariantCulture,
                $"  same mapping: {diff.A.Mapping.Id} {diff.A.Mapping.Version} ({diff.A.Mapping.Sha256})");
        }
        var files = diff.ChangedFiles.ToList();
        if (files.Count == 0)
        {
            console.MarkupLine("  same source files (SHA-256 equal)");
        }

        foreach (var f in files)
        {
            console.MarkupLineInterpolated(
                CultureInfo.InvariantCulture,
                $"  source file {f.Name} differs: A {f.Sha256A ?? "(absent)"}, B {f.Sha256B ?? "(absent)"}");
        }
    }

    // Euros that reach no target account are invisible in the table above: said apart, per legacy account and article.
    private void PrintUnmapped(RunDiff diff)
    {
        console.MarkupLineInterpolated(
            CultureInfo.InvariantCulture,
            $"Unmapped: run A {Totals(diff.UnmappedA)}; run B {Totals(diff.UnmappedB)}");
        if (diff.Unmapped.Count == 0)
        {
            console.MarkupLine(diff.UnmappedA.Lines == 0 && diff.UnmappedB.Lines == 0
                ? "  no line unmapped in either run."
                : "  the same lines unmapped in both runs.");
            return;
        }

        var table = new Table().AddColumn("Legacy account").AddColumn("Article").AddColumn("Became")
            .AddColumns(UnmappedColumns.Select(h => new TableColumn(h).RightAligned()).ToArray());
        foreach (var u in diff.Unmapped)
        {
            table.AddRow(
                Markup.Escape(u.Account),
                Markup.Escape(u.Article ?? "-"),
                Became(u.Move),
                Figures.Count(u.A.Lines),
                Figures.Count(u.B.Lines),
                Euro(u.A.Debit),
                Euro(u.B.Debit),
                Euro(u.A.Credit),
                Euro(u.B.Credit));
        }

        console.Write(table);
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"{Figures.Count(diff.Unmapped.Count(u => u.Move == UnmappedMove.BecameMapped))} legacy account/article(s) became mapped, {
                Figures.Count(diff.Unmapped.Count(u => u.Move == UnmappedMove.BecameUnmapped))} became unmapped, {
                    Figures.Count(diff.Unmapped.Count(u => u.Move == UnmappedMove.Changed))} changed.");
    }

    private static readonly string[] UnmappedColumns = ["Lines A", "Lines B", "Debit A", "Debit B", "Credit A", "Credit B"];

    private static string Totals(UnmappedTotals t) => $"{Figures.Count(t.Lines)} line(s), debit {Euro(t.Debit)}, credit {Euro(t.Credit)}";

    /// <summary>The move as text and JSON name it: <c>mapped</c>, <c>unmapped</c> or <c>changed</c>.</summary>
    public static string Became(UnmappedMove move) => move switch
    {
        UnmappedMove.BecameMapped => "mapped",
        UnmappedMove.BecameUnmapped => "unmapped",
        _ => "changed",
    };

    private static string Euro(decimal value) => Figures.Amount(value);

    private static ReportDiffDocument Document(RunDiff diff) => new(
        diff.A.Entity, diff.A.EntityType, diff.A.InsCode, diff.A.FiscalYear.Value, Run(diff.A), Run(diff.B), diff.AnyChange, diff.Accounts
            .Count,
        [.. diff.Changed.Select(
            c => new AccountChangeJson(c.Account, c.DebitA, c.DebitB, c.DebitChange, c.CreditA, c.CreditB, c.CreditChange, c.NetChange))],
        new UnmappedDiffJson(
            UnmappedJson(diff.UnmappedA),
            UnmappedJson(diff.UnmappedB),
            [.. diff.Unmapped.Select(u => new UnmappedChangeJson(
                u.Account, u.Article, Became(u.Move), u.A.Lines, u.B.Lines, u.A.Debit, u.B.Debit, u.DebitChange, u.A.Credit, u.B.Credit, u
                    .CreditChange))]),
        new DiffWhyJson(diff.MappingChanged, [.. diff.ChangedFiles.Select(f => new SourceFileChangeJson(f.Name, f.Sha256A, f.Sha256B))]));

    private static UnmappedTotalsJson UnmappedJson(UnmappedTotals t) => new(t.Lines, t.Debit, t.Credit);

    private static DiffRunJson Run(Bascule.Reconcile.Model.RunSummary run) =>
        new(
            run.RunId.Value,
            run.RunStatus.ToCode(),
            new MappingJson(run.Mapping.Id, run.Mapping.Version, run.Mapping.Sha256),
            run.Fingerprint);
}
