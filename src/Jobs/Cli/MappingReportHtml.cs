using System.Globalization;
using System.Net;
using System.Text;
using Bascule.Transform.Validation;

namespace Bascule.Jobs.Cli;

/// <summary>
/// The validation report as one self-contained HTML file (no external resources) that an auditor can file or
/// print. Every text is HTML-escaped: rule justifications and export labels are data, never markup.
/// </summary>
public static class MappingReportHtml
{
    public static string Write(MappingValidation validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        var inv = CultureInfo.InvariantCulture;
        var html = new StringBuilder();
        var title = validation.Identity is { } id ? $"Mapping {id.Id} {id.Version}" : $"Mapping {validation.Directory}";
        html.Append("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append("</title>\n<style>")
            .Append("body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;width:100%;margin:1em 0}")
            .Append("th,td{border:1px solid #999;padding:.25em .5em;text-align:left;vertical-align:top}td.n{text-align:right}")
            .Append(".Error{color:#a00}.Warning{color:#850}.Info{color:#555}.ok{color:#070}.ko{color:#a00}")
            .Append("</style></head><body>\n");
        html.Append("<h1>").Append(E(title)).Append("</h1>\n");
        html.Append("<p>Validation du mapping / Validatie van de mapping</p>\n");
        if (validation.Identity is { } identity)
        {
            html.Append("<p>SHA-256: <code>").Append(E(identity.Sha256)).Append("</code></p>\n");
        }

        html.Append("<p class=\"").Append(validation.IsValid ? "ok" : "ko").Append("\"><strong>")
            .Append(validation.IsValid ? "VALIDE / GELDIG" : "NON VALIDE / NIET GELDIG").Append("</strong> — ")
            .Append(inv, $"{validation.Count(FindingSeverity.Error)} error(s), {validation.Count(FindingSeverity.Warning)} warning(s), "
                + $"{validation.Count(FindingSeverity.Info)} note(s)")
            .Append("</p>\n");
        if (validation.Coverage is { } c)
        {
            html.Append("<h2>Couverture / Dekking: ").Append(E(validation.ExportFolder ?? "")).Append("</h2>\n<table>")
                .Append(inv, $"<tr><th>Lines / Lignes / Lijnen</th><td class=\"n\">{c.Lines}</td></tr>")
                .Append(inv, $"<tr><th>Combinations</th><td class=\"n\">{c.Combinations}</td></tr>")
                .Append(inv, $"<tr><th>Uncovered combinations</th><td class=\"n\">{c.Uncovered.Count}</td></tr>")
                .Append(inv, $"<tr><th>Mapped lines / debit / credit</th><td class=\"n\">{c.MappedLines} / "
                    + $"{Figures.Amount(c.MappedDebit.Value)} / {Figures.Amount(c.MappedCredit.Value)}</td></tr>")
                .Append(inv, $"<tr><th>Unmapped lines / debit / credit</th><td class=\"n\">{c.UnmappedLines} / "
                    + $"{Figures.Amount(c.UnmappedDebit.Value)} / {Figures.Amount(c.UnmappedCredit.Value)}</td></tr>")
                .Append(inv, $"<tr><th>Rules never used</th><td class=\"n\">{c.UnusedRules.Count}</td></tr>")
                .Append(inv, $"<tr><th>Damaged lines rejected by Extract</th><td class=\"n\">{validation.RejectedLines}</td></tr>")
                .Append("</table>\n");
            if (c.Uncovered.Count > 0)
            {
                html.Append("<h3>Uncovered</h3>\n<table><tr><th>Account</th><th>Article</th><th>Lines</th>"
                    + "<th>Debit</th><th>Credit</th><th>First line</th></tr>\n");
                foreach (var u in c.Uncovered)
                {
                    html.Append("<tr><td>").Append(E(u.Account)).Append("</td><td>").Append(E(u.ArticleText))
                        .Append(inv, $"</td><td class=\"n\">{u.Lines}</td><td class=\"n\">{Figures.Amount(u.Debit.Value)}</td><td "
                            + $"class=\"n\">{Figures.Amount(u.Credit.Value)}</td><td>")
                        .Append(E($"{u.First.File}:{u.First.Line}")).Append("</td></tr>\n");
                }

                html.Append("</table>\n");
            }
        }

        html.Append("<h2>Findings / Constats / "
            + "Bevindingen</h2>\n<table><tr><th>Severity</th><th>Check</th><th>Rule</th><th>File:line</th><th>Message</th></tr>\n");
        foreach (var f in validation.Findings)
        {
            html.Append("<tr class=\"").Append(f.Severity).Append("\"><td>").Append(f.Severity).Append("</td><td>").Append(E(f.Check))
                .Append("</td><td>").Append(E(f.RuleId ?? "")).Append("</td><td>").Append(E(string.Create(inv, $"{f.File}:{f.Line}")))
                .Append("</td><td>").Append(E(f.Message)).Append("</td></tr>\n");
        }

        html.Append("</table>\n</body></html>\n");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
