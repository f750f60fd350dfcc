using static Bascule.Reconcile.Reports.Html.HtmlText;

namespace Bascule.Reconcile.Reports;

/// <summary>What the printable report says where it cuts a long per-account table (<see cref="Html.PrintLimits"/>).</summary>
public static partial class ReportTexts
{
    /// <summary>
    /// Above a table: it has <paramref name="rows"/> rows, the first <paramref name="shown"/> are printed, the whole table is
    /// in the workbook, its CSV file (<paramref name="tableId"/>) and the workspace; and how many of the rows left out show a
    /// difference, when some do.
    /// </summary>
    public static Bilingual TableCut(int rows, int shown, string tableId, int differingLeftOut)
    {
        var (fr, nl) = differingLeftOut == 0
            ? ("", "")
            : ($" Parmi les lignes non reprises, {Count(differingLeftOut)} présentent un écart.",
                $" Van de lijnen die hier ontbreken, vertonen er {Count(differingLeftOut)} een verschil.");
        return new(
            $"Ce tableau compte {Count(rows)} lignes : le rapport imprimable en reprend les {Count(shown)} premières. Le tableau "
                + $"complet se trouve dans reconciliation.xlsx, dans le fichier reconciliation-{tableId}.csv et dans l'espace de "
                + "travail (bascule serve)." + fr,
            $"Deze tabel telt {Count(rows)} lijnen: het afdrukbare rapport toont er de eerste {Count(shown)} van. De volledige "
                + $"tabel staat in reconciliation.xlsx, in het bestand reconciliation-{tableId}.csv en in de werkruimte (bascule serve)."
                + nl);
    }

    /// <summary>
    /// At the end of an account's details: <paramref name="leftOut"/> more accounts, listed in full in <paramref name="tableId"/>.
    /// </summary>
    public static Bilingual FlowsCut(int leftOut, string tableId) => new(
        $"… et {Count(leftOut)} autres comptes, repris dans reconciliation.xlsx et reconciliation-{tableId}.csv.",
        $"… en {Count(leftOut)} andere rekeningen, opgenomen in reconciliation.xlsx en reconciliation-{tableId}.csv.");
}
