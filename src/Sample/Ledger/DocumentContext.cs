using System.Globalization;
using Bascule.Extract.Values;
using Bascule.Sample.Catalog;
using Bascule.Sample.ThirdParties;

namespace Bascule.Sample.Ledger;

/// <summary>What every kind of document draws from: the seeded random source, the catalogue, the third parties and the open
/// items.</summary>
public sealed class DocumentContext
{
    private static readonly string[] Months =
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

    private readonly Dictionary<ArticleUse, CatalogArticle[]> _articlesByUse;
    private int _lastReference;

    public DocumentContext(
        SampleRandom random,
        FiscalYear year,
        IReadOnlyList<CatalogArticle> articles,
        ThirdPartyPool thirdParties,
        LedgerTotals totals)
    {
        Random = random;
        Year = year;
        ThirdParties = thirdParties;
        Totals = totals;
        _articlesByUse = articles.GroupBy(a => a.Use).ToDictionary(g => g.Key, g => g.ToArray());
    }

    public SampleRandom Random { get; }

    public FiscalYear Year { get; }

    public ThirdPartyPool ThirdParties { get; }

    public LedgerTotals Totals { get; }

    /// <summary>The booking date of the document being composed.</summary>
    public DateOnly Today { get; set; }

    public PendingItems Payables { get; } = new();

    public PendingItems Receivables { get; } = new();

    public IReadOnlyList<CatalogArticle> Articles(ArticleUse use) => _articlesByUse.GetValueOrDefault(use) ?? [];

    public CatalogArticle Pick(ArticleUse use) => Random.Pick(Articles(use));

    /// <summary>An amount in cents around the article's typical booking: log-normal, so most are near it and a few far above.</summary>
    public long Draw(decimal typical, double sigma = 0.8)
    {
        var cents = Math.Round((double)typical * 100.0 * Random.LogNormal(sigma));
        return Math.Max(100L, (long)cents);
    }

    /// <summary>A running number for invoices, rolls and orders, unique within the export.</summary>
    public string NextReference() =>
        string.Create(CultureInfo.InvariantCulture, $"{Year.Value}-{++_lastReference:00000}");

    public static string MonthName(DateOnly date) => Months[date.Month - 1];

    public string Supplier() => ThirdPartyPool.SupplierCode(Random.Next(ThirdParties.SupplierCount));

    public string Person() => ThirdPartyPool.PersonCode(Random.Next(ThirdParties.PersonCount));

    public string Beneficiary() => ThirdPartyPool.BeneficiaryCode(Random.Next(ThirdParties.BeneficiaryCount));

    /// <summary>Most money goes through the current account; a little through the savings account.</summary>
    public string BankAccount() => Random.Chance(0.9) ? LegacyCatalog.CurrentAccount : LegacyCatalog.SavingsAccount;

    /// <summary>
    /// Free text as clerks type it: now and then a semicolon, quotes, a line break or a euro sign, which the
    /// export must quote and encode correctly.
    /// </summary>
    public string Label(string text) => Random.Next(200) switch
    {
        0 => $"{text}; réf. {NextReference()}",
        1 => $"{text} - dossier \"{NextReference()}\"",
        2 => $"{text}\r\nRéf. bon de commande {NextReference()}",
        3 => $"{text} - acompte de {Random.Between(1, 40) * 25} €",
        _ => text,
    };
}
