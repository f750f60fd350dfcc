namespace Bascule.Load.Rows;

/// <summary>A column of a staging table, in the order rows are written.</summary>
public sealed record StagingColumn(string Name, ColumnKind Kind);
