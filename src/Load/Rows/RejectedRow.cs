using Bascule.Extract.Records;

namespace Bascule.Load.Rows;

/// <summary>A rejected line; <paramref name="Part"/> numbers several rejections of the same record (1 for the first).</summary>
public sealed record RejectedRow(Rejected Rejected, int Part);
