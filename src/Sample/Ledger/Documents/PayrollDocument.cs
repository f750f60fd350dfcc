using Bascule.Sample.Catalog;

namespace Bascule.Sample.Ledger.Documents;

/// <summary>
/// The monthly payroll (OD), once per function and month, one or two functions per document: gross salaries and
/// employer contributions per function, then what is owed: net pay to the staff, withholding tax, and social
/// security (employer plus employee share).
/// </summary>
public sealed class PayrollDocument : DocumentKind
{
    // Belgian employee social security is 13.07 % of gross; withholding tax about 22 % on average.
    private const long EmployeeShareBasisPoints = 1_307;
    private const long WithholdingBasisPoints = 2_200;

    private readonly HashSet<(string Function, int Month)> _paid = [];

    public override string Journal => "OD";

    public override int Weight(DocumentContext context) => Due(context).Any() ? 150 : 0;

    public override bool Allows(int size, DocumentContext context) => size is 5 or 7 && Due(context).Count() >= (size - 3) / 2;

    public override int PreferredSize(DocumentContext context) => Due(context).Count() > 1 && context.Random.Chance(0.5) ? 7 : 5;

    public override void Compose(DocumentContext context, DateOnly bookingDate, int size, List<LedgerEntry> lines)
    {
        var month = $"{DocumentContext.MonthName(bookingDate)} {bookingDate.Year}";
        long gross = 0;
        long employer = 0;
        foreach (var salary in Due(context).Take((size - 3) / 2).ToList())
        {
            _paid.Add((salary.Function, bookingDate.Month));
            var contribution = context.Articles(ArticleUse.SalaryContribution).First(a => a.Function == salary.Function);
            var salaryCents = context.Draw(salary.TypicalAmount, sigma: 0.05);
            var contributionCents = salaryCents * context.Random.Between(3_300, 3_600) / 10_000;
            gross += salaryCents;
            employer += contributionCents;
            lines.Add(LedgerEntry.Debit(salary.Account, salaryCents, context.Label($"Rémunérations {month} - {salary.Label}"), salary));
            lines.Add(LedgerEntry.Debit(
                contribution.Account,
                contributionCents,
                context.Label($"Cotisations {month} - {contribution.Label}"),
                contribution));
        }

        var employeeShare = gross * EmployeeShareBasisPoints / 10_000;
        var withholding = gross * WithholdingBasisPoints / 10_000;
        var net = gross - employeeShare - withholding;
        lines.Add(LedgerEntry.Credit(LegacyCatalog.NetPay, net, context.Label($"Net à payer {month}")));
        lines.Add(LedgerEntry.Credit(LegacyCatalog.WithholdingTax, withholding, context.Label($"Précompte professionnel {month}")));
        lines.Add(LedgerEntry.Credit(LegacyCatalog.SocialSecurity, employer + employeeShare, context.Label($"ONSS-APL {month}")));
        context.Payables.Add(new PendingItem(LegacyCatalog.NetPay, "", net, $"rémunérations nettes {month}"));
        context.Payables.Add(new PendingItem(LegacyCatalog.WithholdingTax, "", withholding, $"précompte professionnel {month}"));
        context.Payables.Add(new PendingItem(LegacyCatalog.SocialSecurity, "", employer + employeeShare, $"ONSS-APL {month}"));
    }

    private IEnumerable<CatalogArticle> Due(DocumentContext context) =>
        context.Articles(ArticleUse.Salary).Where(a => !_paid.Contains((a.Function, context.Today.Month)));
}
