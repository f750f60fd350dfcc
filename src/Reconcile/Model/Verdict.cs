namespace Bascule.Reconcile.Model;

/// <summary>The outcome of a check or of a whole run. Ordered from best to worst, so the run takes the worst of its checks.</summary>
public enum Verdict
{
    Ok,
    Warning,
    Failed,
}

public static class Verdicts
{
    /// <summary>The code the JSON and the reports show: <c>OK</c>, <c>WARNING</c>, <c>FAILED</c>.</summary>
    public static string ToCode(this Verdict verdict) => verdict switch
    {
        Verdict.Ok => "OK",
        Verdict.Warning => "WARNING",
        _ => "FAILED",
    };

    public static Verdict Worst(this IEnumerable<Verdict> verdicts) => verdicts.DefaultIfEmpty(Verdict.Ok).Max();
}
