namespace Bascule.Reconcile.Cutover.Model;

/// <summary>A budget commitment of <c>ENGAGEMENTS.csv</c>, with the new economic and function codes of its article.</summary>
public sealed record OpenCommitment(
    int FiscalYear,
    string Number,
    DateOnly? Date,
    string LegacyArticle,
    string? Economic,
    string? Function,
    ArticleMapping Mapping,
    string? ThirdParty,
    string Label,
    decimal Committed,
    decimal Charged)
{
    /// <summary>Committed and not yet charged: what the new year still has to charge.</summary>
    public decimal Open => Committed - Charged;
}
