using System.Globalization;
using Bascule.Extract.Csv;
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
    /// <summary>The column names, in the reader's language; the same in French and Dutch where the word is (<c>Article</c>).</summary>
    public static IReadOnlyList<Bilingual> Header { get; } =
    [
        new("Fichier", "Bestand"), new("Ligne", "Regel"), new("État", "Status"), new("Texte de la ligne", "Tekst van de regel"),
        new("Journal", "Dagboek"), new("Pièce", "Stuk"), new("Compte", "Rekening"), new("Article", "Artikel"), new(
            "Libellé",
            "Omschrijving"),
        new("Règle", "Regel (mapping)"), new("Justification", "Verantwoording"), new("Nouveau compte", "Nieuwe rekening"),
        new("Code économique", "Economische code"), new("Fonction", "Functie"), new("Débit source", "Debet bron"),
        new("Crédit source", "Credit bron"), new("Débit", "Debet"), new("Crédit", "Credit"), new("Motif du rejet", "Reden van verwerping"),
        new("Mapping", "Mapping"), new("Version", "Versie"), new("SHA-256 du mapping", "SHA-256 van de mapping"),
    ];

    /// <summary>A line's state as readers see it, on a page and in the CSV.</summary>
    public static Bilingual State(LineState state) => state switch
    {
        LineState.Staged => new("reprise", "overgenomen"),
        LineState.Unmapped => new("non mappée", "niet gemapt"),
        _ => new("rejetée", "verworpen"),
    };

    /// <summary>Said before a line rebuilt from its fields, its run loaded before raw text was kept (V009).</summary>
    public static Bilingual RawTextNotKept { get; } = new(
        "texte brut non conservé (exécution chargée avant la version 9 du schéma de la base de données) ; champs tels "
            + "qu’enregistrés :",
        "ruwe tekst niet bewaard (uitvoering geladen vóór versie 9 van het databaseschema); velden zoals opgeslagen:");

    /// <summary>A line's text as readers see it, on a page and in the CSV: its raw text, or what stands in for it.</summary>
    public static string Text(DrillLine line, ReaderLanguage language)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.RawTextKept ? line.Text : $"{RawTextNotKept.In(language)} {line.Text}";
    }

    public static async Task WriteAsync(
        Stream output,
        IAsyncEnumerable<DrillLine> lines,
        RunLines run,
        ReaderLanguage language,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(run);
        await using var csv = new CsvFileWriter(output, CsvDialect.Spreadsheet, Header.Select(h => h.In(language)));
        await foreach (var l in lines.WithCancellation(cancellationToken))
        {
            csv.Text(l.SourceFile).Value(l.Line.ToString(CultureInfo.InvariantCulture)).Text(State(l.State).In(language))
                .Text(Text(l, language))
                .Text(l.Journal).Text(l.Document).Text(l.Account).Text(l.Article).Text(l.Label).Text(l.RuleId).Text(l.Justification)
                .Text(l.TargetAccount).Text(l.TargetEconomic).Text(l.TargetFunction)
                .Euros(l.SourceDebit).Euros(l.SourceCredit).Euros(l.Debit).Euros(l.Credit).Text(l.Reason)
                .Text(run.Mapping.Id).Text(run.Mapping.Version).Text(run.Mapping.Sha256);
            await csv.EndRecordAsync(cancellationToken);
        }
    }
}
