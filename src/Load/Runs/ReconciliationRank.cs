namespace Bascule.Load.Runs;

/// <summary>The order of reconciliation statuses as recorded on runs: OK, then WARNING, then FAILED.</summary>
public static class ReconciliationRank
{
    public const string Ok = "OK";
    public const string Warning = "WARNING";
    public const string Failed = "FAILED";

    /// <summary>0 for OK, 1 for WARNING, 2 for FAILED; null for a run recorded before statuses were (nothing to compare).</summary>
    public static int? Of(string? status) => status switch
    {
        Ok => 0,
        Warning => 1,
        Failed => 2,
        _ => null,
    };

    /// <summary>Whether <paramref name="candidate"/> is worse than <paramref name="published"/>; unknown statuses compare as not
    /// worse.</summary>
    public static bool IsWorse(string candidate, string? published) =>
        Of(candidate) is { } c && Of(published) is { } p && c > p;
}
