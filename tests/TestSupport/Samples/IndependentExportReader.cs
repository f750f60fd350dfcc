using System.Globalization;
using System.Text;
using Xunit;

namespace Bascule.TestSupport.Samples;

/// <summary>
/// A deliberately simple reader of the legacy export, written for these tests from the format description alone and
/// sharing no code with Bascule.Extract, so that the generator and the extractor cannot agree on the same mistake.
/// </summary>
public static class IndependentExportReader
{
    private static readonly Encoding Windows1252 = CreateWindows1252();

    public static byte[] Bytes(string folder, string file) => File.ReadAllBytes(Path.Combine(folder, file));

    public static string Text(string folder, string file) => Windows1252.GetString(Bytes(folder, file));

    /// <summary>Records of a <c>;</c> file, header first; a quoted field may hold <c>;</c>, <c>""</c> and CRLF.</summary>
    public static List<string[]> Records(string folder, string file)
    {
        var text = Text(folder, file);
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ';')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.False(quoted, $"{file} ends inside a quoted field");
        Assert.True(field.Length == 0 && fields.Count == 0, $"{file} does not end with CRLF");
        return records;
    }

    /// <summary>
    /// Each record of a <c>;</c> file as it stands in it (decoded, quotes and quoted line breaks included, its CRLF end
    /// left out) and the physical line it starts on, header first.
    /// </summary>
    public static List<(long Line, string Text)> RawRecords(string folder, string file)
    {
        var text = Text(folder, file);
        var records = new List<(long, string)>();
        var quoted = false;
        var start = 0;
        long line = 1, startLine = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                // A doubled quote inside a quoted field turns the state twice: still inside.
                quoted = !quoted;
            }
            else if (c == '\n')
            {
                line++;
            }
            else if (!quoted && c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                records.Add((startLine, text[start..i]));
                i++;
                line++;
                start = i + 1;
                startLine = line;
            }
        }

        Assert.True(start == text.Length, $"{file} does not end with CRLF");
        return records;
    }

    /// <summary>Data records as dictionaries keyed by the header's column names.</summary>
    public static List<Dictionary<string, string>> Table(string folder, string file)
    {
        var records = Records(folder, file);
        var header = records[0];
        return [.. records.Skip(1).Select(r =>
        {
            Assert.Equal(header.Length, r.Length);
            return header.Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        })];
    }

    /// <summary><c>1.234,56</c>, <c>-12,50</c>, <c>12,50-</c>, empty = 0.</summary>
    public static decimal Amount(string text)
    {
        if (text.Length == 0)
        {
            return 0m;
        }

        Assert.Matches(@"^(-?(\d+|\d{1,3}(\.\d{3})+),\d\d|(\d+|\d{1,3}(\.\d{3})+),\d\d-)$", text);
        var negative = text.StartsWith('-') || text.EndsWith('-');
        var digits = text.Trim('-').Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        var value = decimal.Parse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return negative ? -value : value;
    }

    private static Encoding CreateWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }
}
