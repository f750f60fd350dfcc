using Bascule.Reconcile.Cutover.Model;
using Bascule.Reconcile.Reports;

namespace Bascule.Reconcile.Cutover.Package;

/// <summary>The three data files of the package, their documented columns and one row per record.</summary>
internal static class PackageLayout
{
    public const string OpeningBalancesFile = "opening-balances.csv";
    public const string OpenItemsFile = "open-items.csv";
    public const string OpenCommitmentsFile = "open-commitments.csv";

    public static readonly string[] OpeningBalanceColumns = ["ACCOUNT", "DEBIT", "CREDIT", "CLOSED_RESULT"];

    public static readonly string[] OpenItemColumns =
        ["ACCOUNT", "LEGACY_ACCOUNT", "THIRD_PARTY", "THIRD_PARTY_NAME", "JOURNAL", "DOCUMENT", "DOCUMENT_DATE", "DEBIT", "CREDIT"];

    public static readonly string[] OpenCommitmentColumns =
        ["COMMITMENT", "FISCAL_YEAR", "COMMITMENT_DATE", "LEGACY_ARTICLE", "FUNCTION", "ECONOMIC", "ARTICLE_MAPPING",
            "THIRD_PARTY", "LABEL", "COMMITTED", "CHARGED", "OPEN"];

    public static IEnumerable<IReadOnlyList<string?>> OpeningBalanceRows(CutoverResult result) =>
        result.OpeningBalances.Select(b => (IReadOnlyList<string?>)
            [b.Account, ImportCsv.Money(b.Debit), ImportCsv.Money(b.Credit), b.Account == result.ResultAccount
                ? ImportCsv.Money(b.ClosedResult)
                : null]);

    public static IEnumerable<IReadOnlyList<string?>> OpenItemRows(CutoverResult result) =>
        result.OpenItems.Select(i => (IReadOnlyList<string?>)
            [i.Account, i.LegacyAccount, i.ThirdParty, i.ThirdPartyName is { } name
                ? ImportCsv.Text(name)
                : null, i.Journal, i.Document, ImportCsv.Day(i.Date),
             ImportCsv.Money(i.Debit), ImportCsv.Money(i.Credit)]);

    public static IEnumerable<IReadOnlyList<string?>> OpenCommitmentRows(CutoverResult result, ReportOptions options) =>
        result.OpenCommitments.Select(c => (IReadOnlyList<string?>)
            [c.Number, c.FiscalYear.ToString(System.Globalization.CultureInfo.InvariantCulture), ImportCsv.Day(c.Date), c.LegacyArticle, c
                .Function, c.Economic,
             c.Mapping.ToCode(), c.ThirdParty, ImportCsv.Text(PersonalData.Mask(c.Label, result.Masker, options)),
             ImportCsv.Money(c.Committed), ImportCsv.Money(c.Charged), ImportCsv.Money(c.Open)]);
}
