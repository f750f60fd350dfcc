using System.Globalization;
using System.Text;

namespace Bascule.Reconcile.Tests.Cutover;

/// <summary>
/// Reads a package data file as an import tool would, without the package's code: UTF-8, <c>;</c>, a header, RFC 4180
/// quotes, amounts with a <c>.</c> decimal point. Counts the records and sums the named amount columns.
/// </summary>
internal static class IndependentCsv
{
    public static (long Rows, IReadOnlyDictionary<string, decimal> Totals) Totals(string path, IEnumerable<string> columns)
    {
        var records = Records(File.ReadAllText(path, Encoding.UTF8)).ToList();
        var header = records[0];
        var totals = columns.ToDictionary(c => c, c => records.Skip(1).Sum(r => decimal.Parse(
            r[Array.IndexOf(header, c)],
            NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture)));
        return (records.Count - 1, totals);
    }

    private static IEnumerable<string[]> Records(string text)
    {
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
                yield return [.. fields];
                fields.Clear();
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return [.. fields];
        }
    }
}
