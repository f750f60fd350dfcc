using System.Globalization;
using Bascule.Extract.Values;

namespace Bascule.Extract.Reading;

/// <summary>
/// The fiscal years a ledger's records carry, against the year <c>EXPORT.txt</c> announces. A few lines of another year
/// are damaged lines, rejected one by one (<c>OtherFiscalYear</c>); a ledger of which more than half the records carry
/// another year is the ledger of another year, a wrong delivery refused as a whole. Tallied by the pass that counts the
/// records (and by every full read, which reaches the same verdict), so the check costs no pass of its own.
/// </summary>
internal sealed class LedgerYears(int field, FiscalYear announced)
{
    private readonly string _announcedText = announced.ToString();
    private readonly SortedDictionary<int, long> _others = [];
    private long _announced;

    /// <summary>Tallies the year of the current record; a record without a readable year counts for neither side.</summary>
    public void Add(CsvRecordReader reader)
    {
        if (!reader.Has(field))
        {
            return;
        }

        var text = reader[field];
        // Almost every record carries the announced year, written as such: compared without parsing.
        if (text.SequenceEqual(_announcedText))
        {
            _announced++;
            return;
        }

        if (FiscalYear.TryParse(text, out var year))
        {
            if (year == announced)
            {
                _announced++;
            }
            else
            {
                _others[year.Value] = _others.GetValueOrDefault(year.Value) + 1;
            }
        }
    }

    /// <summary>Throws when more than half of the file's <paramref name="records"/> carry another fiscal year.</summary>
    public void ThrowIfAnotherYear(string file, long records)
    {
        var others = _others.Values.Sum();
        if (others * 2 <= records)
        {
            return;
        }

        var found = new SortedDictionary<int, long>(_others);
        if (_announced > 0)
        {
            found[announced.Value] = _announced;
        }

        var years = string.Join(", ", found.Select(y => $"{y.Key} on {Lines(y.Value)}"));
        var unreadable = records - others - _announced;
        if (unreadable > 0)
        {
            years += $", no readable year on {Lines(unreadable)}";
        }

        throw new ExportFileException(file, null, "EXERCICE",
            $"{others} of its {records} records carry another fiscal year than the {announced} that EXPORT.txt announces (years found: "
                + $"{years}). " +
            $"This is not the ledger of {announced}: deliver the export of {announced}, or, if the export really is of another year, fix "
                + $"EXERCICE in EXPORT.txt.");
    }

    private static string Lines(long count) => count.ToString(CultureInfo.InvariantCulture) + (count == 1 ? " line" : " lines");
}
