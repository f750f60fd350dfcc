namespace Bascule.Extract.Records;

/// <summary>Where a record came from: file name, data record number (1-based, header excluded) and the physical line it starts
/// on.</summary>
public readonly record struct Lineage(string File, long Record, long Line);
