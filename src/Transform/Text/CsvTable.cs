namespace Bascule.Transform.Text;

/// <summary>
/// A small <c>;</c>-separated file (target chart, rules): header required, <c>#</c> comment lines and blank lines
/// skipped, RFC 4180 double quotes within a line. These files are small and reviewed by people, so every error
/// says file, line and column.
/// </summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string file, Dictionary<string, int> columns, IReadOnlyList<CsvRow> rows)
    {
        File = file;
        _columns = columns;
        Rows = rows;
    }

    public string File { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    public static CsvTable Parse(string text, string file, IReadOnlyList<string> required)
    {
        var lines = SourceText.Lines(text);
        Dictionary<string, int>? columns = null;
        var rows = new List<CsvRow>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var fields = SplitLine(line, file, i + 1);
            if (columns is null)
            {
                columns = ReadHeader(fields, file, i + 1, required);
                continue;
            }

            if (fields.Count != columns.Count)
            {
                throw new MappingLoadException(file, i + 1, 1,
                    $"{fields.Count} fields where the header has {columns.Count}; put exactly one ';' between columns (quote a text that "
                        + $"holds ';').");
            }

            rows.Add(new CsvRow(i + 1, fields));
        }

        return columns is null
            ? throw new MappingLoadException(
                file,
                1,
                1,
                $"no header line; the first line must name the columns: {string.Join(';', required)}.")
            : new CsvTable(file, columns, rows);
    }

    public CsvField Get(CsvRow row, string column) => row.Fields[_columns[column]];

    private static Dictionary<string, int> ReadHeader(List<CsvField> fields, string file, int line, IReadOnlyList<string> required)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < fields.Count; i++)
        {
            var name = fields[i].Value.Trim();
            if (!columns.TryAdd(name, i))
            {
                throw new MappingLoadException(file, line, fields[i].Column, $"column '{name}' appears twice in the header; keep one.");
            }
        }

        foreach (var name in required)
        {
            if (!columns.ContainsKey(name))
            {
                throw new MappingLoadException(
                    file,
                    line,
                    1,
                    $"the header lacks the column '{name}'; the header must be {string.Join(';', required)}.");
            }
        }

        return columns;
    }

    private static List<CsvField> SplitLine(string line, string file, int lineNumber)
    {
        var fields = new List<CsvField>();
        var i = 0;
        while (true)
        {
            var start = i;
            string value;
            if (i < line.Length && line[i] == '"')
            {
                var builder = new System.Text.StringBuilder();
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        throw new MappingLoadException(
                            file,
                            lineNumber,
                            start + 1,
                            "a quoted field is not closed; end it with '\"' on the same line.");
                    }

                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            builder.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    builder.Append(line[i++]);
                }

                if (i < line.Length && line[i] != ';')
                {
                    throw new MappingLoadException(
                        file,
                        lineNumber,
                        i + 1,
                        "text after a closing quote; put ';' right after the closing '\"'.");
                }

                value = builder.ToString();
            }
            else
            {
                var end = line.IndexOf(';', i);
                end = end < 0 ? line.Length : end;
                value = line[i..end].Trim();
                i = end;
            }

            fields.Add(new CsvField(value, start + 1));
            if (i >= line.Length)
            {
                return fields;
            }

            i++;
        }
    }
}
