namespace Bascule.Extract.Profiles;

/// <summary>
/// How one data file of a delivery is laid out. <paramref name="Headers"/> gives, per canonical field, the other
/// header names that mean it (the canonical name is always accepted). Without a header line,
/// <paramref name="ColumnOrder"/> names the canonical field of each column (empty for a column to ignore).
/// Header columns listed in <paramref name="IgnoredColumns"/> are skipped; any other unknown column is a fault.
/// </summary>
public sealed record FileLayout(
    string FileName,
    bool HasHeader,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Headers,
    IReadOnlyList<string>? ColumnOrder,
    IReadOnlyList<string> IgnoredColumns,
    DebitCreditLayout DebitCredit)
{
    public static FileLayout Default(ExportFile file) =>
        new(FileSchema.Key(file) + ".csv", true, new Dictionary<string, IReadOnlyList<string>>(), null, [], DebitCreditLayout.TwoColumns);
}
