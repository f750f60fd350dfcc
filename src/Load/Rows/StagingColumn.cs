namespace Bascule.Load.Rows;

/// <summary>
/// A column of a staging table, in the order rows are written. <paramref name="Fingerprinted"/> is false for a column
/// the run's fingerprint leaves out (a source line's raw text: what the fingerprint proves is the content parsed from it).
/// </summary>
public sealed record StagingColumn(string Name, ColumnKind Kind, bool Fingerprinted = true);
