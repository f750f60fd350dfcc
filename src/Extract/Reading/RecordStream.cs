using Bascule.Extract.Encodings;
using Bascule.Extract.Profiles;
using Bascule.Extract.Records;
using Bascule.Extract.Values;

namespace Bascule.Extract.Reading;

/// <summary>
/// The read loop shared by every data file: column count, NUL characters, parsing, summary, and at the end the ledger's
/// fiscal years (given <see cref="LedgerYears"/>) and the record count check.
/// </summary>
internal static class RecordStream
{
    public static IEnumerable<Parsed<T>> Read<T>(
        string path, ExportFile file, ExportProfile profile, DetectedEncoding encoding, FiscalYear year, IRecordParser<T> parser,
        FileSummary summary, LedgerYears? years = null)
        where T : class
    {
        var layout = profile.Layout(file);
        var fields = FileSchema.Fields(file, layout.DebitCredit);
        using var reader = CsvRecordReader.Open(path, layout, profile, encoding, fields);
        var row = new RowParser(reader, fields, profile, year);
        while (reader.MoveNext())
        {
            years?.Add(reader);
            var parsed = reader.ColumnCount != reader.ExpectedColumns ? row.WrongColumnCount<T>()
                : reader.RawSpan.Contains('\0') ? row.NulCharacter<T>()
                : parser.Parse(row);
            if (parsed.Rejected is { } rejected)
            {
                summary.Add(rejected);
            }
            else
            {
                var (debit, credit) = parser.Totals(parsed.Value!);
                summary.Add(debit, credit);
            }

            yield return parsed;
        }

        // A wrong delivery first: the ledger of another year rarely has the announced count either, and that is not what to fix.
        years?.ThrowIfAnotherYear(summary.Name, summary.Records);
        ThrowIfCountDisagrees(summary.Name, summary.Records, summary.Control.Lines);
        summary.Complete(reader.Sha256());
    }

    public static void ThrowIfCountDisagrees(string file, long records, long announced)
    {
        if (records != announced)
        {
            throw new ExportFileException(file, null, null,
                $"the file holds {records} records but EXPORT.txt announces LIGNES={announced}: it is incomplete (truncated or altered). " +
                "Nothing may be loaded from this export: export it again from the legacy software.");
        }
    }
}
