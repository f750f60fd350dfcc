using Bascule.Extract.Records;
using Bascule.Extract.Values;
using Bascule.Load.Rows;

namespace Bascule.Reconcile.Tests.Support;

/// <summary>The side files' records as the staging tables keep them (what the migration pipeline stores).</summary>
internal static class AsRead
{
    public static LegacyBalanceRow From(BalanceLine l) => new(
        l.Lineage, l.Year, l.Account.Value, l.Label, l.OpeningDebit, l.OpeningCredit, l.MovementDebit, l.MovementCredit, l.ClosingDebit, l
            .ClosingCredit);

    public static BudgetArticleRow From(ArticleLine l) => new(
        l.Lineage, l.Year, l.Article.ToString(), l.Label, l.Service.ToCode(), l.Kind == ArticleKind.Revenue ? "R" : "D",
        l.InitialCredit, l.AdjustedCredit, l.Committed, l.Charged);

    public static CommitmentRow From(CommitmentLine l) => new(
        l.Lineage, l.Year, l.Article.ToString(), l.CommitmentNumber, l.Date, l.ThirdParty, l.Label, l.Committed, l.Charged);

    public static ThirdPartyRow From(ThirdParty p) => new(
        p.Lineage, p.Code.Value, p.Name, p.EnterpriseNumber?.ToString(), p.Iban?.ToString(), p.PostalCode, p.Locality,
        p.Kind switch { ThirdPartyKind.Supplier => "F", ThirdPartyKind.Customer => "C", ThirdPartyKind.Beneficiary => "B", _ => "A" });
}
