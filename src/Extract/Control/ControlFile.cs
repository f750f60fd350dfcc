using Bascule.Extract.Values;

namespace Bascule.Extract.Control;

/// <summary>The control file <c>EXPORT.txt</c>: who exported what, for which year, and what each data file must contain.</summary>
public sealed record ControlFile(
    string Software,
    string EntityName,
    EntityType EntityType,
    string InsCode,
    FiscalYear FiscalYear,
    DateTime ExportDate,
    IReadOnlyList<ControlFileEntry> Files)
{
    public const string FileName = "EXPORT.txt";

    /// <summary>The entry for a data file, matched case-insensitively as file systems of the exporting machines are.</summary>
    public ControlFileEntry? Entry(string fileName) =>
        Files.FirstOrDefault(entry => string.Equals(entry.Name, fileName, StringComparison.OrdinalIgnoreCase));
}
