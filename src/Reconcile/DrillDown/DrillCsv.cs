using System.Globalization;
using System.Text;
using Bascule.Reconcile.Reports;

namespace Bascule.Reconcile.DrillDown;

/// <summary>
/// A drill-down list as CSV, in the reports' dialect (<c>;</c>, UTF-8 with a BOM, CRLF, amounts with a decimal comma,
/// text neutralised against formula injection): one header, then each line as it arrives, written and forgotten, so a
/// list of any length streams in the memory of one page. Every row repeats the run's mapping identity, so a file
/// downloaded alone still says which mapping produced it. The only place that writes this CSV.
/// </summary>
public static class DrillCsv
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);
    private static readonly NumberFormatInfo DecimalComma = new() { NumberDecimalSeparator = ",", NegativeSign = "-" };

    /// <summary>The column names, in the reader's language; the same in French and Dutch where the word is (<c>Article</c>).</summary>
    public static IReadOnlyList<Bilingual> Header { get; } =
    [
        new("Fichier", "Bestand"), new("Ligne", "Regel"), new("État", "Status"), new("Texte de la ligne", "Tekst van de regel"),
        new("Journal", "Dagboek"), new("Pièce", "Stuk"), new("Compte", "Rekening"), new("Article", "Artikel"), new("Libellé", "Omschrijving"),
        new("Règle", "Regel (mapping)"), new("Justification", "Verantwoording"), new("Nouveau compte", "Nieuwe rekening"),
        new("Code économique", "Economische code"), new("Fonction", "Functie"), new("Débit source", "Debet bron"),
        new("Crédit source", "Credit bron"), new("Débit", "Debet"), new("Crédit", "Credit"), new("Motif du rejet", "Reden van verwerping"),
        new("Mapping", "Mapping"), new("Version", "Versie"), new("SHA-256 du mapping", "SHA-256 van de mapping"),
    ];

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<DrillLine> lines, RunLines run, ReaderLanguage language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(run);
        await using var writer = new StreamWriter(output, Utf8WithBom, bufferSize: 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(Row(Header.Select(h => Text(h.In(language)))).AsMemory(), cancellationToken);
        var mapping = new[] { Text(run.Mapping.Id), Text(run.Mapping.Version), Text(run.Mapping.Sha256) };
        await foreach (var l in lines.WithCancellation(cancellationToken))
        {
            var cells = new[]
            {
                Text(l.SourceFile), l.Line.ToString(CultureInfo.InvariantCulture), Text(l.State.ToString().ToLowerInvariant()), Text(l.Text),
                Text(l.Journal), Text(l.Document), Text(l.Account), Text(l.Article), Text(l.Label), Text(l.RuleId), Text(l.Justification),
                Text(l.TargetAccount), Text(l.TargetEconomic), Text(l.TargetFunction),
                Money(l.SourceDebit), Money(l.SourceCredit), Money(l.Debit), Money(l.Credit), Text(l.Reason),
            };
            await writer.WriteAsync(Row(cells.Concat(mapping)).AsMemory(), cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static string Row(IEnumerable<string> cells) => string.Join(';', cells) + "\r\n";

    private static string Money(decimal? value) => value?.ToString("0.00", DecimalComma) ?? "";

    private static string Text(string? text)
    {
        var safe = SpreadsheetText.Neutralise(text ?? "");
        return safe.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
