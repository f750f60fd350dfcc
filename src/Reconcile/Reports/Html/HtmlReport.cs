using System.Globalization;
using System.Text;
using Bascule.Load.Runs;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Reports.Tables;
using Bascule.Transform.Mapping;
using static Bascule.Reconcile.Reports.Html.HtmlText;

namespace Bascule.Reconcile.Reports.Html;

/// <summary>
/// <c>reconciliation.html</c>: one self-contained file (inline CSS, no script, no external resource) that reads in a
/// browser and prints on A4. Summary first (status, key figures, checks), then the tables with drill-down, the
/// exceptions and a sign-off block. Labels in French and Dutch side by side; all source text HTML-escaped.
/// </summary>
public static class HtmlReport
{
    public static string Render(ReconciliationResult result, IReadOnlyList<ReportTable> tables)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(tables);
        var byId = tables.ToDictionary(t => t.Id);
        var html = new StringBuilder();
        var run = result.Run;
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="fr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Réconciliation / Aansluiting — {Encode(run.Entity)} {run.FiscalYear}</title>
            <style>{HtmlStyles.Css}</style>
            </head>
            <body>
            <header>
            <h1>{Bilingual("Rapport de réconciliation", "Aansluitingsrapport")}</h1>
            <dl class="meta">
            <dt>{Bilingual("Entité", "Entiteit")}</dt><dd id="entity">{Encode(run.Entity)} ({Encode(run.EntityType)} {Encode(run.InsCode)})</dd>
            <dt>{Bilingual("Exercice", "Boekjaar")}</dt><dd id="fiscal-year">{run.FiscalYear}</dd>
            <dt>{Bilingual("Migration", "Migratie")}</dt><dd id="run-id">{Encode(run.RunId.Value)} ({Encode(run.RunStatus.ToCode())}, {Encode(run.StartedBy)}, {Stamp(run.StartedUtc)})</dd>
            <dt>{Bilingual("Table de correspondance", "Mappingtabel")}</dt><dd id="mapping">{Encode(run.Mapping.Id)} {Encode(run.Mapping.Version)} — SHA-256 {Encode(run.Mapping.Sha256)}</dd>
            <dt>{Bilingual("Approbation", "Goedkeuring")}</dt><dd id="mapping-approval">{Bilingual(ApprovalText.French(run.MappingApproval), ApprovalText.Dutch(run.MappingApproval))}</dd>
            <dt>{Bilingual("Écritures source lues dans", "Bronboekingen gelezen uit")}</dt><dd>{Encode(LedgerSource(result.LedgerSource))}</dd>
            <dt>{Bilingual("Calculé le", "Berekend op")}</dt><dd>{Stamp(result.ComputedUtc)} ({Encode(run.ToolVersion)})</dd>
            </dl>
            {NotApprovedBanner(run.MappingApproval)}
            </header>

            """);
        Summary(html, result);
        html.Append("<section class=\"tables\">\n");
        Section(html, "Fichiers source", "Bronbestanden", CheckId.Completeness, CheckId.ControlTotals);
        Table(html, byId[ReportTables.SourceFiles]);
        Section(html, "Par exercice et journal", "Per boekjaar en dagboek", CheckId.Amounts);
        Table(html, byId[ReportTables.Journals]);
        Section(html, "Par compte ancien → lignes cibles", "Per oude rekening → doellijnen", CheckId.LegacyAccounts);
        DrillDown(html, ReportTables.LegacyAccounts, result.LegacyAccounts.Select(a => (a.Account, Amounts: (IReadOnlyList<decimal>)[a.Source.Debit, a.Source.Credit, a.Staged.Debit, a.Staged.Credit, a.Unmapped.Debit, a.Unmapped.Credit, a.DebitDifference, a.CreditDifference], Flows: a.Targets)),
            [("Débit source", "Debet bron"), ("Crédit source", "Credit bron"), ("Débit migré", "Debet gemigreerd"), ("Crédit migré", "Credit gemigreerd"), ("Débit non mappé", "Debet niet gemapt"), ("Crédit non mappé", "Credit niet gemapt"), ("Écart débit", "Verschil debet"), ("Écart crédit", "Verschil credit")],
            ("Compte ancien", "Oude rekening"), ("Compte nouveau", "Nieuwe rekening"), differenceFrom: 6);
        Section(html, "Par compte nouveau, avec les comptes anciens qui l'alimentent", "Per nieuwe rekening, met de oude rekeningen die ze voeden", CheckId.TargetAccounts);
        DrillDown(html, ReportTables.TargetAccounts, result.TargetAccounts.Select(t => (t.Account, Amounts: (IReadOnlyList<decimal>)[t.Debit, t.Credit, t.Net], Flows: t.Feeds)),
            [("Débit", "Debet"), ("Crédit", "Credit"), ("Solde", "Saldo")],
            ("Compte nouveau", "Nieuwe rekening"), ("Compte ancien", "Oude rekening"), differenceFrom: null);
        Section(html, "Balance ancienne et écritures", "Oude balans en boekingen", CheckId.TrialBalance);
        Table(html, byId[ReportTables.TrialBalance]);
        Section(html, CheckId.Budget.French, CheckId.Budget.Dutch, CheckId.Budget);
        Table(html, byId[ReportTables.BudgetArticles]);
        Section(html, CheckId.Exceptions.French, CheckId.Exceptions.Dutch, CheckId.Exceptions, CheckId.Balance);
        html.Append(CultureInfo.InvariantCulture, $"<h3>{Bilingual("Lignes non mappées", "Niet-gemapte lijnen")}</h3>\n");
        Table(html, byId[ReportTables.Unmapped]);
        html.Append(CultureInfo.InvariantCulture, $"<h3>{Bilingual("Lignes rejetées (motif et ligne brute)", "Verworpen lijnen (reden en ruwe lijn)")}</h3>\n");
        Table(html, byId[ReportTables.Rejected]);
        html.Append(CultureInfo.InvariantCulture, $"<h3>{Bilingual("Pièces déséquilibrées après migration", "Onevenwichtige stukken na migratie")}</h3>\n");
        Table(html, byId[ReportTables.UnbalancedDocuments]);
        Section(html, CheckId.Continuity.French, CheckId.Continuity.Dutch, CheckId.Continuity);
        Continuity(html, result.Continuity);
        html.Append("</section>\n");
        SignOff(html);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string Tolerance(CheckResult check) => check.Tolerance is { } tolerance
        ? $" ({Bilingual("tolérance", "tolerantie")} {Figure(tolerance, check)})"
        : "";

    // A run made with an unapproved mapping says so where nobody can miss it, before any figure.
    private static string NotApprovedBanner(MappingApproval? approval) => approval is not null
        ? ""
        : $"""<p class="banner" id="mapping-not-approved" role="alert"><span lang="fr">{Encode(ApprovalText.French(approval))}</span><br><span lang="nl">{Encode(ApprovalText.Dutch(approval))}</span></p>""";

    private static void Summary(StringBuilder html, ReconciliationResult result)
    {
        var status = result.Status.ToCode();
        var t = result.Totals;
        html.Append(CultureInfo.InvariantCulture, $"""
            <section class="overview">
            <h2>{Bilingual("Résumé", "Samenvatting")}</h2>
            <div class="summary"><span id="run-status" class="status {status}">{status}</span><p>{Verdict(result.Status)}</p></div>
            <div class="figures">

            """);
        Figure(html, "source-debit", "Débit source", "Debet bron", Money(t.Source.Debit));
        Figure(html, "source-credit", "Crédit source", "Credit bron", Money(t.Source.Credit));
        Figure(html, "staged-debit", "Débit migré", "Debet gemigreerd", Money(t.Staged.Debit));
        Figure(html, "staged-credit", "Crédit migré", "Credit gemigreerd", Money(t.Staged.Credit));
        Figure(html, "unmapped-debit", "Débit non mappé", "Debet niet gemapt", Money(t.Unmapped.Debit));
        Figure(html, "unmapped-credit", "Crédit non mappé", "Credit niet gemapt", Money(t.Unmapped.Credit));
        Figure(html, "lines-read", "Lignes lues (tous fichiers)", "Gelezen lijnen (alle bestanden)", Count(result.SourceFiles.Sum(f => f.Lines)));
        Figure(html, "lines-rejected", "Lignes rejetées", "Verworpen lijnen", Count(result.SourceFiles.Sum(f => f.Rejected)));
        html.Append(CultureInfo.InvariantCulture, $"""
            </div>
            <h3>{Bilingual("Contrôles", "Controles")}</h3>
            <table id="check-summary">
            <thead><tr><th>N°</th><th>{Bilingual("Contrôle", "Controle")}</th><th>{Bilingual("Statut", "Status")}</th><th>{Bilingual("Comparaisons", "Vergelijkingen")}</th><th>{Bilingual("Écarts", "Verschillen")}</th></tr></thead>
            <tbody>

            """);
        foreach (var check in CheckId.Reconciliation)
        {
            var checks = result.Checks.Where(c => c.Check == check).ToList();
            var worst = checks.Select(c => c.Status).Worst();
            var notOk = checks.Where(c => c.Status != Model.Verdict.Ok).Select(c => $"{Encode(c.Name)}: {Figure(c.Expected, c)} → {Figure(c.Found, c)} ({Figure(c.Difference, c)})");
            var badge = $"<span class=\"badge {worst.ToCode()}\">{worst.ToCode()}</span>";
            if (check == CheckId.Continuity)
            {
                // Check 10 may have nothing to compare yet: the pairs left unchecked say which year is missing.
                notOk = notOk.Concat(result.Continuity.Where(p => !p.IsChecked).Select(p => Bilingual(ContinuityText.French(p), ContinuityText.Dutch(p))));
                badge = checks.Count == 0 ? $"<span class=\"badge UNCHECKED\">{Bilingual("NON VÉRIFIÉ", "NIET GECONTROLEERD")}</span>" : badge;
            }

            html.Append(CultureInfo.InvariantCulture, $"<tr data-check=\"{check}\"><td class=\"num\">{check}</td><td>{Bilingual(check.French, check.Dutch)}</td><td>{badge}</td><td class=\"num\">{checks.Count}</td><td>{string.Join("<br>", notOk)}</td></tr>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            </tbody>
            </table>
            <details id="all-checks"><summary>{Bilingual("Toutes les comparaisons", "Alle vergelijkingen")} ({result.Checks.Count})</summary>

            """);
        html.Append("<table id=\"checks\">\n<thead><tr><th>N°</th><th>").Append(Bilingual("Contrôle", "Controle")).Append("</th><th>").Append(Bilingual("Statut", "Status"))
            .Append("</th><th>").Append(Bilingual("Attendu", "Verwacht")).Append("</th><th>").Append(Bilingual("Trouvé", "Gevonden")).Append("</th><th>")
            .Append(Bilingual("Différence", "Verschil")).Append("</th><th>").Append(Bilingual("Unité", "Eenheid")).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var c in result.Checks)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr{(c.Status == Model.Verdict.Ok ? "" : " class=\"diff\"")} data-check-name=\"{Encode(c.Name)}\"><td class=\"num\">{c.Number}</td><td>{Encode(c.Name)}{Tolerance(c)}</td><td><span class=\"badge {c.Status.ToCode()}\">{c.Status.ToCode()}</span></td><td class=\"num\">{Figure(c.Expected, c)}</td><td class=\"num\">{Figure(c.Found, c)}</td><td class=\"num\">{Figure(c.Difference, c)}</td><td>{Encode(c.Unit)}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</details>\n</section>\n");
    }

    /// <summary>
    /// Check 10 per pair of years: its state, what it means and what to do (both runs named), the accounts that differ
    /// and the result's allocation, then every account of the pair folded away.
    /// </summary>
    internal static void Continuity(StringBuilder html, IReadOnlyList<ContinuityPair> pairs)
    {
        foreach (var pair in pairs)
        {
            var code = ContinuityText.StatusCode(pair);
            var state = pair.IsChecked ? code : Bilingual("NON VÉRIFIÉ", "NIET GECONTROLEERD");
            html.Append(CultureInfo.InvariantCulture, $"""
                <div class="continuity" data-pair="{pair.Key}">
                <h3>{pair.EarlierYear} → {pair.LaterYear} <span class="badge {code}">{state}</span></h3>
                <p><span lang="fr">{Encode(ContinuityText.French(pair))}</span><br><span class="nl" lang="nl">{Encode(ContinuityText.Dutch(pair))}</span></p>

                """);
            if (pair.IsChecked)
            {
                var differs = (object?[] row) => row[^1] is string nature && nature.StartsWith(ContinuityText.Nature(ContinuityNature.Differs).French, StringComparison.Ordinal);
                Table(html, AccountsOnly(ReportTables.ContinuityTable([pair], r => r.Nature != ContinuityNature.Agrees), $"continuity-{pair.Key}"), differs);
                html.Append(CultureInfo.InvariantCulture, $"<details><summary>{Bilingual("Tous les comptes de la paire", "Alle rekeningen van het paar")} ({pair.Rows.Count})</summary>\n");
                Table(html, AccountsOnly(ReportTables.ContinuityTable([pair], _ => true), $"continuity-{pair.Key}-all"), differs);
                html.Append("</details>\n");
            }

            html.Append("</div>\n");
        }
    }

    // Under a pair's heading, its years and runs are said already: the table keeps the accounts' columns.
    private static ReportTable AccountsOnly(ReportTable table, string id)
    {
        const int pairColumns = 4;
        return table with { Id = id, Columns = table.Columns.Skip(pairColumns).ToList(), Rows = table.Rows.Select(r => r[pairColumns..]).ToList() };
    }

    private static void Figure(StringBuilder html, string id, string french, string dutch, string value) =>
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"figure\"><div class=\"label\">{Bilingual(french, dutch)}</div><div class=\"value\" id=\"{id}\">{value}</div></div>\n");

    private static string Figure(decimal value, CheckResult check) => check.IsMoney ? Money(value) : Count(decimal.ToInt64(value));

    private static void Section(StringBuilder html, string french, string dutch, params CheckId[] checks) =>
        html.Append(CultureInfo.InvariantCulture, $"<h2>{string.Join(", ", checks.Select(c => c.Number))}. {Bilingual(french, dutch)}</h2>\n");

    /// <summary>A table of the generic model; rows whose differences are not zero are highlighted. The cut-over report draws its tables with it too.</summary>
    internal static void Table(StringBuilder html, ReportTable table, Func<object?[], bool>? differs = null)
    {
        if (table.Rows.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"empty\" id=\"{table.Id}\">{Bilingual("Aucune ligne.", "Geen lijnen.")}</p>\n");
            return;
        }

        var differences = table.Columns.Select((c, i) => (c, i)).Where(x => x.c.French.StartsWith("Écart", StringComparison.Ordinal)).Select(x => x.i).ToList();
        html.Append(CultureInfo.InvariantCulture, $"<table id=\"{table.Id}\">\n<thead><tr>");
        foreach (var column in table.Columns)
        {
            html.Append("<th>").Append(Bilingual(column.French, column.Dutch)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            var highlighted = differs?.Invoke(row) ?? differences.Any(i => row[i] is decimal d && d != 0m);
            html.Append(highlighted ? "<tr class=\"diff\">" : "<tr>");
            for (var i = 0; i < row.Length; i++)
            {
                html.Append(Cell(row[i], table.Columns[i].Kind));
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static string Cell(object? value, CellKind kind) => value switch
    {
        null => "<td></td>",
        decimal d when kind == CellKind.Money || kind == CellKind.Figure => $"<td class=\"num\">{Money(d)}</td>",
        decimal d => $"<td class=\"num\">{Encode(d.ToString(CultureInfo.InvariantCulture))}</td>",
        long n when kind == CellKind.Count => $"<td class=\"num\">{n.ToString(CultureInfo.InvariantCulture)}</td>",
        _ => kind == CellKind.Code ? $"<td class=\"raw\">{Encode(Convert.ToString(value, CultureInfo.InvariantCulture))}</td>" : $"<td>{Encode(Convert.ToString(value, CultureInfo.InvariantCulture))}</td>",
    };

    /// <summary>One row per account with its totals; a <c>details</c> drill-down lists the accounts on the other side of the mapping.</summary>
    private static void DrillDown(
        StringBuilder html,
        string id,
        IEnumerable<(string Account, IReadOnlyList<decimal> Amounts, IReadOnlyList<AccountFlow> Flows)> rows,
        (string French, string Dutch)[] amountHeaders,
        (string French, string Dutch) accountHeader,
        (string French, string Dutch) flowHeader,
        int? differenceFrom)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"empty\" id=\"{id}\">{Bilingual("Aucune ligne.", "Geen lijnen.")}</p>\n");
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<table id=\"{id}\">\n<thead><tr><th>{Bilingual(accountHeader.French, accountHeader.Dutch)}</th>");
        foreach (var (french, dutch) in amountHeaders)
        {
            html.Append("<th>").Append(Bilingual(french, dutch)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var (account, amounts, flows) in list)
        {
            var differs = differenceFrom is { } from && amounts.Skip(from).Any(a => a != 0m);
            html.Append(differs ? "<tr class=\"diff\">" : "<tr>");
            html.Append(CultureInfo.InvariantCulture, $"<td><details><summary>{Encode(account)} ({flows.Count})</summary>");
            html.Append(CultureInfo.InvariantCulture, $"<table><thead><tr><th>{Bilingual(flowHeader.French, flowHeader.Dutch)}</th><th>{Bilingual("Débit", "Debet")}</th><th>{Bilingual("Crédit", "Credit")}</th></tr></thead><tbody>");
            foreach (var flow in flows)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(flow.Account)}</td><td class=\"num\">{Money(flow.Debit)}</td><td class=\"num\">{Money(flow.Credit)}</td></tr>");
            }

            html.Append("</tbody></table></details></td>");
            foreach (var amount in amounts)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{Money(amount)}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void SignOff(StringBuilder html) =>
        html.Append(CultureInfo.InvariantCulture, $"""
            <section class="signoff-block">
            <h2>{Bilingual("Approbation", "Goedkeuring")}</h2>
            <div class="signoff">
            <div>{Bilingual("Préparé par", "Opgesteld door")}<div class="line"></div>{Bilingual("Nom, fonction, signature", "Naam, functie, handtekening")}</div>
            <div>{Bilingual("Revu par", "Nagekeken door")}<div class="line"></div>{Bilingual("Nom, fonction, signature", "Naam, functie, handtekening")}</div>
            <div>{Bilingual("Date", "Datum")}<div class="line"></div></div>
            </div>
            </section>

            """);

    private static string Verdict(Verdict status) => status switch
    {
        Model.Verdict.Ok => Bilingual("Rien n'est apparu ni disparu : tous les contrôles concordent.", "Niets is verschenen of verdwenen: alle controles kloppen."),
        Model.Verdict.Warning => Bilingual("Rien n'a disparu, mais des exceptions sont à traiter avant approbation.", "Niets is verdwenen, maar er zijn uitzonderingen te behandelen vóór goedkeuring."),
        _ => Bilingual("Au moins un contrôle échoue : ne pas approuver avant d'en connaître la cause.", "Minstens één controle faalt: niet goedkeuren vóór de oorzaak gekend is."),
    };

    private static string LedgerSource(string source) =>
        source == Staging.SourceLedger.FromStaging ? "base de staging / stagingdatabank" : source;

    internal static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
