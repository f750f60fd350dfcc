namespace Bascule.Load.Runs;

/// <summary>
/// Life of a run: rows are written while it is <see cref="Loading"/> (invisible to readers), it becomes
/// <see cref="Published"/> in one commit, and <see cref="Superseded"/> when a later run of the same entity and year is published.
/// A run whose reconciliation is FAILED is <see cref="Held"/> instead: complete and fingerprinted, its rows kept for the
/// reports, but not published, until an accountant publishes it after review or a later published run supersedes it.
/// </summary>
public enum RunStatus
{
    Loading,
    Published,
    Superseded,
    Failed,
    Held,
}

public static class RunStatuses
{
    public static string ToCode(this RunStatus status) => status switch
    {
        RunStatus.Loading => "loading",
        RunStatus.Published => "published",
        RunStatus.Superseded => "superseded",
        RunStatus.Held => "held",
        _ => "failed",
    };

    public static RunStatus Parse(string code) => code switch
    {
        "loading" => RunStatus.Loading,
        "published" => RunStatus.Published,
        "superseded" => RunStatus.Superseded,
        "failed" => RunStatus.Failed,
        "held" => RunStatus.Held,
        _ => throw new FormatException($"'{code}' is not a run status."),
    };
}
