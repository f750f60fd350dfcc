using System.Globalization;
using Bascule.Extract.Csv;
using Bascule.Extract.Values;
using Bascule.Sample.Writing;

namespace Bascule.Sample.Ledger;

/// <summary>Writes ECRITURES.csv one document at a time, numbering documents per journal and lines within each document.</summary>
public sealed class LedgerFileWriter : IDisposable
{
    public const string FileName = "ECRITURES.csv";
    public const string OpeningJournal = "OUV";

    private readonly CsvFileWriter _csv;
    private readonly SampleRandom _random;
    private readonly string _year;
    private readonly Dictionary<string, int> _lastDocument = new(StringComparer.Ordinal);

    public LedgerFileWriter(string folder, FiscalYear year, SampleRandom random, LedgerTotals totals)
    {
        _csv = new CsvFileWriter(Path.Combine(folder, FileName), CsvDialect.LegacyExport, [
            "EXERCICE", "JOURNAL", "NUM_PIECE", "NUM_LIGNE", "DATE_COMPTABLE", "COMPTE_GENERAL",
            "ARTICLE_BUDGETAIRE", "SERVICE", "TIERS", "LIBELLE", "DEBIT", "CREDIT"]);
        _year = year.ToString();
        _random = random;
        Totals = totals;
    }

    public LedgerTotals Totals { get; }

    public void Write(string journal, DateOnly date, IReadOnlyList<LedgerEntry> lines)
    {
        EnsureBalanced(journal, lines);
        var document = _lastDocument.GetValueOrDefault(journal) + 1;
        _lastDocument[journal] = document;
        var documentText = document.ToString(CultureInfo.InvariantCulture);
        var dateText = date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var opening = journal == OpeningJournal;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var amount = AmountStyle.Format(line.Cents, _random);
            var unused = AmountStyle.Unused(_random);
            _csv.Text(_year).Text(journal).Text(documentText).Text((i + 1).ToString(CultureInfo.InvariantCulture))
                .Text(dateText).Text(line.Account).Text(line.Article?.Code ?? "").Text(line.Article?.Service.ToCode() ?? "")
                .Text(line.ThirdParty).Text(line.Label)
                .Text(line.IsDebit ? amount : unused).Text(line.IsDebit ? unused : amount)
                .EndRecord();
            Totals.Add(opening, line);
        }
    }

    public void Dispose() => _csv.Dispose();

    // The generator promises balanced documents: a slip here would silently corrupt every sample built on it.
    private static void EnsureBalanced(string journal, IReadOnlyList<LedgerEntry> lines)
    {
        long balance = 0;
        foreach (var line in lines)
        {
            balance += line.IsDebit ? line.Cents : -line.Cents;
        }

        if (balance != 0 || lines.Count < 2)
        {
            throw new InvalidOperationException(
                $"The sample generator built an unbalanced document in journal {journal} ({balance} cents, {lines.Count} lines).");
        }
    }
}
