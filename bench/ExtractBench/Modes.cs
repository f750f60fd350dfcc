using Bascule.Extract;
using Bascule.Extract.Encodings;
using CsvHelper;
using nietras.SeparatedValues;

namespace Bascule.ExtractBench;

/// <summary>The ways of reading the same ledger file that the benchmark compares; each returns the records it read.</summary>
internal static class Modes
{
    public static IReadOnlyDictionary<string, Func<string, string, DetectedEncoding, Task<long>>> All { get; } =
        new Dictionary<string, Func<string, string, DetectedEncoding, Task<long>>>
        {
            ["extract"] = ExtractAsync,
            ["sep"] = (_, ledger, encoding) => Task.FromResult(RawSep(ledger, encoding)),
            ["open"] = (folder, _, _) => Task.FromResult((long)LegacyExport.Open(folder).Control.Files.Count),
            ["counts"] = (folder, _, _) => Task.FromResult(VerifyCounts(folder)),
            ["csvhelper"] = (_, ledger, encoding) => Task.FromResult(RawCsvHelper(ledger, encoding)),
        };

    // The whole Extract stage: open and check the export, then stream typed ledger lines with lineage and rejects.
    private static async Task<long> ExtractAsync(string folder, string ledger, DetectedEncoding encoding)
    {
        var export = LegacyExport.Open(folder);
        long records = 0;
        await foreach (var parsed in export.ReadLedgerAsync())
        {
            records++;
        }

        return records;
    }

    // The pre-pass a run makes before loading: every file's record count against EXPORT.txt.
    private static long VerifyCounts(string folder)
    {
        var export = LegacyExport.Open(folder);
        export.VerifyRecordCounts();
        return export.Control.Files.Sum(file => file.Lines);
    }

    // Sep alone: split every record and touch every field, no typing.
    private static long RawSep(string ledger, DetectedEncoding encoding)
    {
        using var text = new StreamReader(ledger, encoding.Encoding, detectEncodingFromByteOrderMarks: true);
        using var reader = new SepReaderOptions(new Sep(';')) { HasHeader = true }.From(text);
        long records = 0;
        long characters = 0;
        foreach (var row in reader)
        {
            for (var column = 0; column < row.ColCount; column++)
            {
                characters += row[column].Span.Length;
            }

            records++;
        }

        return characters > 0 ? records : 0;
    }

    // CsvHelper 34 alone, the same way.
    private static long RawCsvHelper(string ledger, DetectedEncoding encoding)
    {
        using var text = new StreamReader(ledger, encoding.Encoding, detectEncodingFromByteOrderMarks: true);
        using var reader = CsvReader.Create(text, new CsvReaderOptions { Separator = ';', HasHeader = true }, false);
        long records = 0;
        long bytes = 0;
        while (reader.Read())
        {
            for (var column = 0; column < reader.FieldCount; column++)
            {
                bytes += reader.GetSpan(column).Length;
            }

            records++;
        }

        return bytes > 0 ? records : 0;
    }
}
