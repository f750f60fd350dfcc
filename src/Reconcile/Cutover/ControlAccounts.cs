namespace Bascule.Reconcile.Cutover;

/// <summary>
/// The legacy control accounts: receivables (40, 41) and payables (44, 45), whose balance is made of open items per
/// third party. One definition, so that the open items read and the accounts they are checked against are the same set.
/// </summary>
public static class ControlAccounts
{
    /// <summary>The legacy account prefixes of the control accounts.</summary>
    public static readonly IReadOnlyList<string> Prefixes = ["40", "41", "44", "45"];

    public static bool IsControl(string legacyAccount) =>
        Prefixes.Any(p => legacyAccount.StartsWith(p, StringComparison.Ordinal));

    /// <summary>The SQL condition on a legacy account column, with the same prefixes (constant text, no user input).</summary>
    internal static string SqlCondition(string column) =>
        "(" + string.Join(" OR ", Prefixes.Select(p => $"{column} LIKE '{p}%'")) + ")";
}
