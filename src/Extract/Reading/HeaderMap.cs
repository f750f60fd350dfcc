using Bascule.Extract.Profiles;

namespace Bascule.Extract.Reading;

/// <summary>Maps a header line onto the canonical fields: names compared trimmed and case-insensitively, aliases from the
/// profile.</summary>
internal static class HeaderMap
{
    public static int[] Resolve(string fileName, long line, IReadOnlyList<string> names, FileLayout layout, IReadOnlyList<string> fields)
    {
        var columns = new int[fields.Count];
        var used = new string?[names.Count];
        for (var field = 0; field < fields.Count; field++)
        {
            var accepted = Accepted(fields[field], layout);
            columns[field] = -1;
            for (var column = 0; column < names.Count; column++)
            {
                if (!accepted.Contains(names[column], StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (columns[field] >= 0)
                {
                    throw new ExportFileException(fileName, line, names[column],
                        $"columns {columns[field] + 1} and {column + 1} both mean {fields[field]}. Remove one, or list one under "
                            + $"ignoredColumns in the export profile.");
                }

                columns[field] = column;
                used[column] = fields[field];
            }

            if (columns[field] < 0)
            {
                throw new ExportFileException(fileName, line, fields[field],
                    $"the header has no column {fields[field]} (accepted names: {string.Join(", ", accepted)}; found: "
                        + $"{string.Join(", ", names)}). " +
                    "Export the file again with all its columns, or map the delivery's name onto it in the export profile (headers).");
            }
        }

        for (var column = 0; column < names.Count; column++)
        {
            if (used[column] is null && !layout.IgnoredColumns.Contains(names[column], StringComparer.OrdinalIgnoreCase))
            {
                throw new ExportFileException(fileName, line, names[column],
                    $"column {column + 1} \"{names[column]}\" is not a field of {fileName}. If the delivery adds it on purpose, list it "
                        + $"under ignoredColumns in the export profile; " +
                    "if it is a renamed field, map it in headers.");
            }
        }

        return columns;
    }

    private static List<string> Accepted(string field, FileLayout layout)
    {
        var accepted = new List<string> { field };
        if (layout.Headers.TryGetValue(field, out var aliases))
        {
            accepted.AddRange(aliases.Select(alias => alias.Trim().ToUpperInvariant()));
        }

        return accepted;
    }
}
