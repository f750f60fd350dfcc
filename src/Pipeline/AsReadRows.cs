using Bascule.Extract.Records;
using Bascule.Extract.Values;
using Bascule.Load.Rows;

namespace Bascule.Pipeline;

/// <summary>The extracted records of the side files, as the staging tables keep them: as read, codes as text.</summary>
internal static class AsReadRows
{
    public static LegacyBalanceRow From(BalanceLine line) => new(
        line.Lineage, line.Year, line.Account.Value, line.Label,
        line.OpeningDebit, line.OpeningCredit, line.MovementDebit, line.MovementCredit, line.ClosingDebit, line.ClosingCredit);

    public static BudgetArticleRow From(ArticleLine line) => new(
        line.Lineage, line.Year, line.Article.ToString(), line.Label, line.Service.ToCode(), line.Kind == ArticleKind.Revenue ? "R" : "D",
        line.InitialCredit, line.AdjustedCredit, line.Committed, line.Charged);

    public static CommitmentRow From(CommitmentLine line) => new(
        line.Lineage, line.Year, line.Article.ToString(), line.CommitmentNumber, line.Date, line.ThirdParty, line.Label, line
            .Committed, line.Charged);

    public static ThirdPartyRow From(ThirdParty party) => new(
        party.Lineage, party.Code.Value, party.Name, party.EnterpriseNumber?.ToString(), party.Iban?.ToString(), party.PostalCode, party
            .Locality, KindCode(party.Kind));

    private static string KindCode(ThirdPartyKind kind) => kind switch
    {
        ThirdPartyKind.Supplier => "F",
        ThirdPartyKind.Customer => "C",
        ThirdPartyKind.Beneficiary => "B",
        _ => "A",
    };
}
