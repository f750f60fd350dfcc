using System.Text;

namespace Bascule.TestSupport;

/// <summary>
/// Reads back a CSV file Bascule wrote, independently of the writer: RFC 4180 with <c>;</c>, fields in double quotes
/// (quotes doubled inside), a quoted field keeping its line breaks, records ending with CRLF or LF, a leading BOM skipped.
/// </summary>
public static class CsvText
{
    public static List<string[]> Rows(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var at = text.StartsWith('\uFEFF') ? 1 : 0; at < text.Length; at++)
        {
            var c = text[at];
            if (quoted)
            {
                if (c == '"' && at + 1 < text.Length && text[at + 1] == '"')
                {
                    cell.Append('"');
                    at++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ';')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n' || (c == '\r' && at + 1 < text.Length && text[at + 1] == '\n'))
            {
                at += c == '\r' ? 1 : 0;
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add([.. row]);
        }

        return rows;
    }
}
