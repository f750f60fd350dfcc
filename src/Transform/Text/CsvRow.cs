namespace Bascule.Transform.Text;

/// <summary>One data line of a mapping CSV file: its 1-based line number and fields.</summary>
internal sealed record CsvRow(int Line, IReadOnlyList<CsvField> Fields);
