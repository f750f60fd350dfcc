namespace Bascule.Reconcile.Cutover.Package;

/// <summary>
/// A file of the package as the manifest lists it: its SHA-256 and, for the data files, the record count and the totals
/// of its amount columns (by column name: <c>DEBIT</c>, <c>CREDIT</c>, <c>COMMITTED</c>…).
/// </summary>
public sealed record PackageFile(string Name, string Sha256, long? Rows, IReadOnlyDictionary<string, decimal> Totals);
