using Bascule.Extract.Values;

namespace Bascule.Extract.Control;

/// <summary>One <c>FICHIER=</c> line of <c>EXPORT.txt</c>: a data file, its record count and, for files with amounts, its totals.</summary>
public sealed record ControlFileEntry(string Name, long Lines, Amount? TotalDebit, Amount? TotalCredit);
