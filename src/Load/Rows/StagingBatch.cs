namespace Bascule.Load.Rows;

/// <summary>
/// The rows of one batch, for every table, encoded as they were added (<see cref="RowBuffer"/>). A batch is written
/// (and, on a transient fault, rewritten) in one transaction, so its rows appear all together or not at all.
/// </summary>
public sealed class StagingBatch
{
    public RowBuffer Staged { get; } = new();

    public RowBuffer Unmapped { get; } = new();

    public RowBuffer Rejected { get; } = new();

    public RowBuffer Balance { get; } = new();

    public RowBuffer Articles { get; } = new();

    public RowBuffer Commitments { get; } = new();

    public RowBuffer ThirdParties { get; } = new();

    public int Count
        => Staged.Rows + Unmapped.Rows + Rejected.Rows + Balance.Rows + Articles.Rows + Commitments.Rows + ThirdParties.Rows;

    /// <summary>Empties every table's rows and lets their memory go (a batch that fills again grows again).</summary>
    public void Release()
    {
        foreach (var rows in (RowBuffer[])[Staged, Unmapped, Rejected, Balance, Articles, Commitments, ThirdParties])
        {
            rows.Release();
        }
    }

    public void Clear()
    {
        Staged.Clear();
        Unmapped.Clear();
        Rejected.Clear();
        Balance.Clear();
        Articles.Clear();
        Commitments.Clear();
        ThirdParties.Clear();
    }
}
