using System.Globalization;
using Bascule.Reconcile.Model;

namespace Bascule.Reconcile.Reports;

/// <summary>
/// Check 10 told for people, in French and Dutch: for each pair of years, what was compared (both runs named), what
/// was found, and what to do next. One place for the HTML report, the tables (workbook, CSV), the JSON and the history.
/// </summary>
public static class ContinuityText
{
    public static string French(ContinuityPair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var head = $"{pair.EarlierYear} → {pair.LaterYear} : ";
        if (!pair.IsChecked)
        {
            var held = pair.HeldInMissingYear.Count > 0
                ? $" (exécution retenue, non publiée : {string.Join(", ", pair.HeldInMissingYear)})"
                : "";
            return head + $"non vérifiée : aucune exécution publiée pour {Years(pair.MissingYears, "et")}{held}. " +
                   $"Elle le sera dès que {Years(pair.MissingYears, "et")} aura une exécution publiée.";
        }

        var runs = $"exécutions {pair.EarlierYear} {pair.Earlier!.RunId} et {pair.LaterYear} {pair.Later!.RunId}";
        var (legacy, target) = (Count(pair, ContinuitySide.Legacy), Count(pair, ContinuitySide.New));
        var allocation = Allocation(pair, "le résultat {0} de {1} est affecté au compte {2} (report du résultat)", ContinuitySide.Legacy);
        if (pair.Status == Verdict.Ok)
        {
            return head + $"l'ouverture de {pair.LaterYear} reprend la clôture de {pair.EarlierYear} sur chaque compte, ancien et nouveau "
                + $"({runs}){allocation}.";
        }

        return head + $"{legacy} compte(s) ancien(s) et {target} compte(s) nouveau(x) n'ouvrent pas {pair.LaterYear} à leur clôture de "
            + $"{pair.EarlierYear} ({runs}){allocation}. " +
               $"Comparer l'écriture d'ouverture (OUV) de {pair.LaterYear} avec la clôture de {pair.EarlierYear} sur ces comptes, "
                   + $"corriger l'export fautif, puis migrer à nouveau cet exercice.";
    }

    public static string Dutch(ContinuityPair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var head = $"{pair.EarlierYear} → {pair.LaterYear}: ";
        if (!pair.IsChecked)
        {
            var held = pair.HeldInMissingYear.Count > 0
                ? $" (tegengehouden, niet gepubliceerde uitvoering: {string.Join(", ", pair.HeldInMissingYear)})"
                : "";
            return head + $"niet gecontroleerd: geen gepubliceerde uitvoering voor {Years(pair.MissingYears, "en")}{held}. " +
                   $"De controle gebeurt zodra {Years(pair.MissingYears, "en")} een gepubliceerde uitvoering heeft.";
        }

        var runs = $"uitvoeringen {pair.EarlierYear} {pair.Earlier!.RunId} en {pair.LaterYear} {pair.Later!.RunId}";
        var (legacy, target) = (Count(pair, ContinuitySide.Legacy), Count(pair, ContinuitySide.New));
        var allocation = Allocation(
            pair,
            "het resultaat {0} van {1} is toegewezen aan rekening {2} (overgedragen resultaat)",
            ContinuitySide.Legacy);
        if (pair.Status == Verdict.Ok)
        {
            return head + $"de opening van {pair.LaterYear} neemt de afsluiting van {pair.EarlierYear} over op elke rekening, oud en "
                + $"nieuw ({runs}){allocation}.";
        }

        return head + $"{legacy} oude en {target} nieuwe rekening(en) openen {pair.LaterYear} niet op hun afsluiting van "
            + $"{pair.EarlierYear} ({runs}){allocation}. " +
               $"Vergelijk de openingsboeking (OUV) van {pair.LaterYear} met de afsluiting van {pair.EarlierYear} op die rekeningen, "
                   + $"verbeter de foute export en migreer dat boekjaar opnieuw.";
    }

    public static string Bilingual(ContinuityPair pair) => $"{French(pair)} / {Dutch(pair)}";

    /// <summary>The pair's state as a code: <c>OK</c>, <c>FAILED</c> or <c>UNCHECKED</c>.</summary>
    public static string StatusCode(ContinuityPair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return pair.Status?.ToCode() ?? "UNCHECKED";
    }

    public static (string French, string Dutch) Nature(ContinuityNature nature) => nature switch
    {
        ContinuityNature.Agrees => ("concorde", "klopt"),
        ContinuityNature.ResultAllocation => ("affectation du résultat", "resultaatverwerking"),
        _ => ("écart", "verschil"),
    };

    public static (string French, string Dutch) Side(ContinuitySide side) =>
        side == ContinuitySide.Legacy ? ("ancien", "oud") : ("nouveau", "nieuw");

    private static int Count(ContinuityPair pair, ContinuitySide side) => pair.Differing.Count(r => r.Side == side);

    private static string Allocation(ContinuityPair pair, string format, ContinuitySide side) => pair.Allocation(side) is { } row
        ? "; " + string.Format(CultureInfo.InvariantCulture, format, pair.EarlierYear, Html.HtmlText.Money(pair.LegacyResult), row.Account)
        : "";

    private static string Years(IEnumerable<int> years, string and) => string.Join($" {and} ", years);
}
