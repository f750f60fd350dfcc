namespace Bascule.Sample.Files;

/// <summary>One data file of the export as EXPORT.txt declares it: data records, and control totals in cents where they mean
/// something.</summary>
public sealed record WrittenFile(string Name, long Records, long? Debit = null, long? Credit = null);
