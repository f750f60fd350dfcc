using Bascule.Load.Runs;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Reports;
using Bascule.Reconcile.Reports.Tables;

namespace Bascule.Reconcile.History;

/// <summary>The history's tables, for the workbook (one sheet each) and the HTML page: the years, and check 10 for every pair.</summary>
public static class HistoryTables
{
    public const string Years = "years";

    /// <summary>What the years table says of a year without a published run (the HTML page marks that row).</summary>
    public const string NonePublished = "aucune publiée / geen gepubliceerd";

    public static IReadOnlyList<ReportTable> Build(EntityHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return [YearsTable(history), ReportTables.ContinuityTable(history.Pairs, _ => true)];
    }

    private static ReportTable YearsTable(EntityHistory history)
    {
        var rows = new List<object?[]>();
        foreach (var year in history.Years)
        {
            var pair = history.PairEndingIn(year.Year);
            var continuity = pair is null ? "" : $"{pair.EarlierYear} → {pair.LaterYear} : {ContinuityText.StatusCode(pair)}";
            var held = string.Join(", ", year.Held.Select(h => $"{h.Run.Id} ({h.Run.ReconciliationStatus ?? "?"})"));
            if (year.Published is not { } published)
            {
                rows.Add([(long)year.Year, NonePublished, null, null, null, null, null, null, null, null, held, continuity]);
                continue;
            }

            var run = published.Run;
            var t = published.Totals;
            rows.Add([(long)year.Year, run.Id.Value, run.ReconciliationStatus, $"{run.Mapping.Id} {run.Mapping.Version}", ApprovalText
                .Brief(published.Run.Approval),
                t?.Staged.Debit, t?.Staged.Credit, t is null
                    ? null
                    : t.Unmapped.Debit + t.Unmapped.Credit, t?.UnmappedLines, t?.RejectedLines, held, continuity]);
        }

        return new(Years, "Exercices", "Boekjaren",
            [new("Exercice", "Boekjaar", CellKind.Count), new("Exécution publiée", "Gepubliceerde uitvoering", CellKind.Text),
             new("Réconciliation", "Aansluiting", CellKind.Text), new("Table de correspondance", "Mappingtabel", CellKind.Text), new(
                 "Approbation",
                 "Goedkeuring",
                 CellKind.Text),
             new("Débit migré", "Debet gemigreerd", CellKind.Money), new("Crédit migré", "Credit gemigreerd", CellKind.Money),
             new("Non mappé (débit + crédit)", "Niet gemapt (debet + credit)", CellKind.Money),
             new("Lignes non mappées", "Niet-gemapte lijnen", CellKind.Count), new("Lignes rejetées", "Verworpen lijnen", CellKind.Count),
             new("Exécutions retenues", "Tegengehouden uitvoeringen", CellKind.Text),
             new("Continuité avec l'exercice précédent", "Continuïteit met het vorige boekjaar", CellKind.Text)],
            rows);
    }
}
