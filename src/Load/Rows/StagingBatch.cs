using Bascule.Extract.Records;
using Bascule.Transform.Mapping;

namespace Bascule.Load.Rows;

/// <summary>
/// The rows of one batch, for every table. A batch is written (and, on a transient fault, rewritten)
/// in one transaction, so its rows appear all together or not at all.
/// </summary>
public sealed class StagingBatch
{
    public List<TargetLine> Staged { get; } = [];

    public List<LedgerLine> Unmapped { get; } = [];

    public List<RejectedRow> Rejected { get; } = [];

    public List<LegacyBalanceRow> Balance { get; } = [];

    public List<BudgetArticleRow> Articles { get; } = [];

    public List<CommitmentRow> Commitments { get; } = [];

    public List<ThirdPartyRow> ThirdParties { get; } = [];

    public int Count
        => Staged.Count + Unmapped.Count + Rejected.Count + Balance.Count + Articles.Count + Commitments.Count + ThirdParties.Count;

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
