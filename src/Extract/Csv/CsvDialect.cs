using System.Text;
using Bascule.Extract.Encodings;

namespace Bascule.Extract.Csv;

/// <summary>
/// How a CSV file of Bascule is written: the field separator, the encoding (with its byte order mark, if it has one),
/// the line end, whether text fields are neutralised against spreadsheet formulas (<see cref="SpreadsheetText"/>), and
/// the character that starts a comment line, for the files that have them (a mapping's <c>rules.csv</c>).
/// Every dialect quotes as RFC 4180 asks: only a field that holds the separator, a quote or a line break, quotes doubled
/// (and, with comments, a record's first field that starts with the comment character).
/// </summary>
public sealed record CsvDialect(char Separator, Encoding Encoding, string NewLine, bool NeutraliseFormulas, char? CommentPrefix = null)
{
    /// <summary>The legacy exports' files: Windows-1252, <c>;</c>, CRLF, text as it is.</summary>
    public static CsvDialect LegacyExport { get; } = new(';', ExportEncoding.Windows1252, "\r\n", NeutraliseFormulas: false);

    /// <summary>
    /// Files for spreadsheets and people (report tables, drill-down lists): <c>;</c> as Excel expects in Belgian locales,
    /// UTF-8 with a BOM (so Excel opens accents right), CRLF, text neutralised.
    /// </summary>
    public static CsvDialect Spreadsheet { get; }
        = new(';', new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), "\r\n", NeutraliseFormulas: true);
}
