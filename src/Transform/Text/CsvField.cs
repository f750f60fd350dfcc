namespace Bascule.Transform.Text;

/// <summary>One field of a mapping CSV file, with the 1-based column where it starts.</summary>
internal readonly record struct CsvField(string Value, int Column);
