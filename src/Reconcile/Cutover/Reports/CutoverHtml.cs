using System.Globalization;
using System.Text;
using Bascule.Load.Runs;
using Bascule.Reconcile.Cutover.Model;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Reports.Html;
using Bascule.Reconcile.Reports.Tables;
using static Bascule.Reconcile.Reports.Html.HtmlText;

namespace Bascule.Reconcile.Cutover.Reports;

/// <summary>
/// <c>cutover-reconciliation.html</c>, in the style of the run's report (same inline style sheet, FR/NL labels, every
/// source text escaped): summary and checks first, then the tables, then what the accountant signs.
/// </summary>
public static class CutoverHtml
{
    private static readonly (string French, string Dutch)[] Titles =
    [
        ("Soldes d'ouverture = clôture ancienne", "Openingssaldi = oude afsluiting"),
        ("Postes ouverts par tiers = solde du compte", "Openstaande posten per derde = saldo van de rekening"),
        ("Engagements ouverts = engagé − imputé", "Openstaande vastleggingen = vastgelegd − aangerekend"),
    ];

    public static string Render(CutoverResult result, IReadOnlyList<ReportTable> tables)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(tables);
        var byId = tables.ToDictionary(t => t.Id);
        var run = result.Run;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="fr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Bascule / Overgang — {Encode(run.Entity)} {result.AsOf:yyyy-MM-dd}</title>
            <style>{HtmlStyles.Css}</style>
            </head>
            <body>
            <header>
            <h1>{Bilingual("Situation d'ouverture au", "Openingstoestand op")} {result.AsOf:dd/MM/yyyy}</h1>
            <dl class="meta">
            <dt>{Bilingual("Entité", "Entiteit")}</dt><dd id="entity">{Encode(run.Entity)} ({Encode(run.EntityType)} {Encode(run.InsCode)})</dd>
            <dt>{Bilingual("Dernier exercice ancien", "Laatste oude boekjaar")}</dt><dd id="fiscal-year">{run.FiscalYear}</dd>
            <dt>{Bilingual("Migration", "Migratie")}</dt><dd id="run-id">{Encode(run.RunId.Value)} ({Encode(run.RunStatus.ToCode())}) — SHA-256 {Encode(run.Fingerprint)}</dd>
            <dt>{Bilingual("Table de correspondance", "Mappingtabel")}</dt><dd id="mapping">{Encode(run.Mapping.Id)} {Encode(run.Mapping.Version)} — SHA-256 {Encode(run.Mapping.Sha256)}</dd>
            <dt>{Bilingual("Approbation", "Goedkeuring")}</dt><dd id="mapping-approval">{Bilingual(Reconcile.Reports.ApprovalText.French(run.MappingApproval), Reconcile.Reports.ApprovalText.Dutch(run.MappingApproval))}</dd>
            <dt>{Bilingual("Règle de clôture", "Afsluitingsregel")}</dt><dd id="closing-rule">{Bilingual("résultat des classes 6 et 7 porté au compte", "resultaat van klassen 6 en 7 geboekt op rekening")} {Encode(result.ResultAccount)}</dd>
            <dt>{Bilingual("Calculé le", "Berekend op")}</dt><dd>{result.ComputedUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}</dd>
            </dl>
            </header>
            <section class="overview">
            <h2>{Bilingual("Résumé", "Samenvatting")}</h2>
            <div class="summary"><span id="run-status" class="status {result.Status.ToCode()}">{result.Status.ToCode()}</span></div>
            <div class="figures">

            """);
        Figure(html, "opening-debit", "Soldes d'ouverture débit", "Openingssaldi debet", Money(result.OpeningBalances.Sum(b => b.Debit)));
        Figure(html, "opening-credit", "Soldes d'ouverture crédit", "Openingssaldi credit", Money(result.OpeningBalances.Sum(b => b.Credit)));
        Figure(html, "closed-result", "Résultat clôturé (6 + 7, débit − crédit)", "Afgesloten resultaat (6 + 7, debet − credit)", Money(result.ClosedResult));
        Figure(html, "off-balance", "Hors bilan exclu (0)", "Buiten balans uitgesloten (0)", Money(result.OffBalanceExcluded));
        Figure(html, "open-items", "Postes ouverts", "Openstaande posten", Count(result.OpenItems.Count));
        Figure(html, "open-commitments", "Engagements ouverts", "Openstaande vastleggingen", Money(result.OpenCommitments.Sum(c => c.Open)));
        html.Append("</div>\n");
        Checks(html, result);
        html.Append("</section>\n<section class=\"tables\">\n");
        Section(html, 1, byId[CutoverTables.OpeningBalances], byId[CutoverTables.LegacyClosing]);
        Section(html, 2, byId[CutoverTables.OpenItemAccounts], byId[CutoverTables.OpenItemControlAccounts], byId[CutoverTables.OpenItems]);
        Section(html, 3, byId[CutoverTables.OpenCommitmentArticles], byId[CutoverTables.OpenCommitments], byId[CutoverTables.OverCharged]);
        html.Append("</section>\n");
        SignOff(html);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Checks(StringBuilder html, CutoverResult result)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h3>{Bilingual("Contrôles", "Controles")}</h3>\n<table id=\"checks\">\n<thead><tr><th>N°</th><th>{Bilingual("Contrôle", "Controle")}</th><th>{Bilingual("Statut", "Status")}</th><th>{Bilingual("Attendu", "Verwacht")}</th><th>{Bilingual("Trouvé", "Gevonden")}</th><th>{Bilingual("Différence", "Verschil")}</th><th>{Bilingual("Unité", "Eenheid")}</th></tr></thead>\n<tbody>\n");
        foreach (var c in result.Checks)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr{(c.Status == Verdict.Ok ? "" : " class=\"diff\"")} data-check-name=\"{Encode(c.Name)}\"><td class=\"num\">{c.Number}</td><td>{Encode(c.Name)}</td><td><span class=\"badge {c.Status.ToCode()}\">{c.Status.ToCode()}</span></td><td class=\"num\">{Figure(c.Expected, c)}</td><td class=\"num\">{Figure(c.Found, c)}</td><td class=\"num\">{Figure(c.Difference, c)}</td><td>{Encode(c.Unit)}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void Section(StringBuilder html, int number, params ReportTable[] tables)
    {
        var (french, dutch) = Titles[number - 1];
        html.Append(CultureInfo.InvariantCulture, $"<h2>{number}. {Bilingual(french, dutch)}</h2>\n");
        foreach (var table in tables)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3>{Bilingual(table.French, table.Dutch)}</h3>\n");
            HtmlReport.Table(html, table);
        }
    }

    private static void Figure(StringBuilder html, string id, string french, string dutch, string value) =>
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"figure\"><div class=\"label\">{Bilingual(french, dutch)}</div><div class=\"value\" id=\"{id}\">{value}</div></div>\n");

    private static string Figure(decimal value, CheckResult check) => check.IsMoney ? Money(value) : Count(decimal.ToInt64(value));

    private static void SignOff(StringBuilder html)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"signoff-block\">\n<h2>{Bilingual("Approbation de la situation d'ouverture", "Goedkeuring van de openingstoestand")}</h2>\n<ol>\n");
        foreach (var (french, dutch) in Titles)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{Bilingual(french, dutch)}</li>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            </ol>
            <div class="signoff">
            <div>{Bilingual("Préparé par", "Opgesteld door")}<div class="line"></div>{Bilingual("Nom, fonction, signature", "Naam, functie, handtekening")}</div>
            <div>{Bilingual("Revu par", "Nagekeken door")}<div class="line"></div>{Bilingual("Nom, fonction, signature", "Naam, functie, handtekening")}</div>
            <div>{Bilingual("Date", "Datum")}<div class="line"></div></div>
            </div>
            </section>

            """);
    }
}
