using Bascule.Load.Runs;
using System.Globalization;
using System.Text;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Reports;
using Bascule.Reconcile.Reports.Html;
using Bascule.Reconcile.Reports.Json;
using Bascule.Reconcile.Reports.Xlsx;
using static Bascule.Reconcile.Reports.Html.HtmlText;

namespace Bascule.Reconcile.History;

/// <summary>
/// The entity's history as files: <c>history.html</c> (French and Dutch, self-contained and printable like the
/// reconciliation report), <c>history.xlsx</c> (the same tables, one sheet each) and <c>history.json</c>. Written all or
/// none, as the reconciliation reports are.
/// </summary>
public static class HistoryReport
{
    public const string JsonFile = "history.json";
    public const string HtmlFile = "history.html";
    public const string XlsxFile = "history.xlsx";

    public static async Task<HistoryFiles> WriteAllAsync(EntityHistory history, string outDir, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(history);
        var tables = HistoryTables.Build(history);
        using var pending = PendingFolder.Create(outDir);
        await using (var stream = File.Create(pending.Pending(JsonFile)))
        {
            await WriteJsonAsync(history, stream, cancellationToken);
        }

        await File.WriteAllTextAsync(pending.Pending(HtmlFile), Html(history, tables), new UTF8Encoding(false), cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        XlsxWorkbookWriter.Write(tables, pending.Pending(XlsxFile));
        pending.Commit([JsonFile, HtmlFile, XlsxFile]);
        return new HistoryFiles(pending.Final(HtmlFile), pending.Final(XlsxFile), pending.Final(JsonFile));
    }

    /// <summary>The JSON document: the entity, every year with its published and held runs, and check 10 per pair (see <see cref="HistoryDocument"/>).</summary>
    public static Task WriteJsonAsync(EntityHistory history, Stream stream, CancellationToken cancellationToken) =>
        ReportJson.WriteAsync(stream, HistoryDocument.From(history), cancellationToken);

    private static string Html(EntityHistory history, IReadOnlyList<Reports.Tables.ReportTable> tables)
    {
        var html = new StringBuilder();
        var status = history.ContinuityStatus.ToCode();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="fr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Historique / Historiek — {Encode(history.Entity)}</title>
            <style>{HtmlStyles.Css}</style>
            </head>
            <body>
            <header>
            <h1>{Bilingual("Historique de l'entité", "Historiek van de entiteit")}</h1>
            <dl class="meta">
            <dt>{Bilingual("Entité", "Entiteit")}</dt><dd id="entity">{Encode(history.Entity)} ({Encode(history.EntityType)} {Encode(history.InsCode)})</dd>
            <dt>{Bilingual("Exercices", "Boekjaren")}</dt><dd id="years-span">{history.Years[0].Year} – {history.Years[^1].Year}</dd>
            <dt>{Bilingual("Calculé le", "Berekend op")}</dt><dd>{HtmlReport.Stamp(history.ComputedUtc)}</dd>
            </dl>
            </header>
            <section class="overview">
            <h2>{Bilingual("Résumé", "Samenvatting")}</h2>
            <div class="summary"><span id="continuity-status" class="status {status}">{status}</span><p>{Verdict(history)}</p></div>
            <h3>{Bilingual("Exercices", "Boekjaren")}</h3>

            """);
        HtmlReport.Table(html, tables[0], row => Equals(row[1], HistoryTables.NonePublished));
        html.Append(CultureInfo.InvariantCulture, $"<h2>{CheckId.Continuity}. {Bilingual(CheckId.Continuity.French, CheckId.Continuity.Dutch)}</h2>\n");
        HtmlReport.Continuity(html, history.Pairs);
        html.Append("</section>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Verdict(EntityHistory history)
    {
        var open = history.Pairs.Count(p => !p.IsChecked);
        var note = open == 0 ? ("", "") : ($" {open} paire(s) non vérifiée(s) : un exercice sans exécution publiée.", $" {open} paar/paren niet gecontroleerd: een boekjaar zonder gepubliceerde uitvoering.");
        return history.ContinuityStatus == Model.Verdict.Failed
            ? Bilingual("Au moins un exercice n'ouvre pas à la clôture du précédent : voir les comptes en écart ci-dessous." + note.Item1, "Minstens één boekjaar opent niet op de afsluiting van het vorige: zie de rekeningen met een verschil hieronder." + note.Item2)
            : Bilingual("Chaque exercice vérifié ouvre à la clôture du précédent." + note.Item1, "Elk gecontroleerd boekjaar opent op de afsluiting van het vorige." + note.Item2);
    }
}

/// <summary>Where a history was written.</summary>
public sealed record HistoryFiles(string Html, string Xlsx, string Json);
