using System.Globalization;
using Bascule.TestSupport.Samples;

namespace Bascule.Reconcile.Tests.Support;

/// <summary>
/// Figures of a committed sample, summed from its own files with the independent reader rather than written into
/// the tests, so that the tests follow the sample when the generator is changed and the sample regenerated.
/// </summary>
internal sealed class SampleFigures
{
    public const string Suppliers = "4400000";

    private static readonly NumberFormatInfo Belgian = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    private SampleFigures(List<Dictionary<string, string>> ledger, List<Dictionary<string, string>> thirdParties)
    {
        Ledger = ledger;
        ThirdParties = thirdParties;
    }

    /// <summary>The lines of ECRITURES.csv, in file order.</summary>
    public List<Dictionary<string, string>> Ledger { get; }

    public List<Dictionary<string, string>> ThirdParties { get; }

    public static SampleFigures Of(string sample) => OfFolder(SampleRun.SampleFolder(sample));

    /// <summary>The figures of an export anywhere (a generated one).</summary>
    public static SampleFigures OfFolder(string folder)
    {
        return new SampleFigures(
            IndependentExportReader.Table(folder, "ECRITURES.csv"),
            IndependentExportReader.Table(folder, "TIERS.csv"));
    }

    /// <summary>Sum of the DEBIT column (negative debits included), of one journal or of the whole ledger.</summary>
    public decimal Debit(string? journal = null) => Lines(journal).Sum(l => IndependentExportReader.Amount(l["DEBIT"]));

    public decimal Credit(string? journal = null) => Lines(journal).Sum(l => IndependentExportReader.Amount(l["CREDIT"]));

    /// <summary>Debit minus credit of the lines of <paramref name="account"/> that match <paramref name="where"/>.</summary>
    public decimal Net(string account, Func<Dictionary<string, string>, bool> where) =>
        Ledger.Where(l => l["COMPTE_GENERAL"] == account && where(l)).Sum(Net);

    public static decimal Net(Dictionary<string, string> line) =>
        IndependentExportReader.Amount(line["DEBIT"]) - IndependentExportReader.Amount(line["CREDIT"]);

    public string Name(string thirdParty) => ThirdParties.Single(t => t["CODE_TIERS"] == thirdParty)["NOM"];

    /// <summary>
    /// The first supplier invoice (ACH) paid by a bank document (FIN) of exactly its amount, with nothing else of that
    /// amount for that supplier, so that whatever the order of settlement, this payment is this invoice's.
    /// </summary>
    public PaidInvoice FirstPaidInvoice()
    {
        var supplierLines = Ledger.Where(l => l["COMPTE_GENERAL"] == Suppliers && l["TIERS"].StartsWith('F')).ToList();
        foreach (var invoice in supplierLines.Where(l => l["JOURNAL"] == "ACH"))
        {
            var party = invoice["TIERS"];
            var amount = -Net(invoice);
            var same = supplierLines.Where(l => l["TIERS"] == party && Math.Abs(Net(l)) == amount).ToList();
            var payment = same.Where(l => l["JOURNAL"] == "FIN" && Net(l) == amount).ToList();
            if (amount > 0 && same.Count == 2 && payment.Count == 1 && OneLineFor(invoice) && OneLineFor(payment[0]))
            {
                return new PaidInvoice(party, Name(party), invoice["NUM_PIECE"], payment[0]["NUM_PIECE"], amount);
            }
        }

        throw new InvalidOperationException("The commune sample holds no supplier invoice paid by a bank document of exactly its amount.");
    }

    /// <summary>
    /// A third party with one receivable (a <c>VEN</c> document) settled by two or more <c>FIN</c> documents that add
    /// up to exactly its amount: instalments that leave nothing open.
    /// </summary>
    public string ThirdPartyPaidInInstalments()
    {
        foreach (var party in Ledger.Where(l => l["TIERS"].Length > 0 && l["COMPTE_GENERAL"].StartsWith('4'))
            .GroupBy(l => l["TIERS"], StringComparer.Ordinal))
        {
            var lines = party.ToList();
            var sales = lines.Where(l => l["JOURNAL"] == "VEN").Select(l => l["NUM_PIECE"]).Distinct().ToList();
            var payments = lines.Where(l => l["JOURNAL"] == "FIN").Select(l => l["NUM_PIECE"]).Distinct().ToList();
            if (sales.Count == 1 && payments.Count >= 2 && lines.All(l => l["JOURNAL"] is "VEN" or "FIN") && lines.Sum(Net) == 0m)
            {
                return party.Key;
            }
        }

        throw new InvalidOperationException("The export holds no receivable paid in instalments.");
    }

    /// <summary>Debit minus credit per legacy account of one document.</summary>
    public Dictionary<string, decimal> Document(string journal, string document) =>
        Ledger.Where(l => l["JOURNAL"] == journal && l["NUM_PIECE"] == document)
            .GroupBy(l => l["COMPTE_GENERAL"], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(Net), StringComparer.Ordinal);

    /// <summary><c>126.203.241,58</c>, as the HTML report shows amounts.</summary>
    public static string Grouped(decimal amount) => amount.ToString("#,0.00", Belgian);

    /// <summary><c>126203241,58</c>, as the CSV report writes amounts.</summary>
    public static string Plain(decimal amount) => amount.ToString("0.00", Belgian);

    // A document's only line for that supplier on the suppliers account: its amount is the document's for that supplier.
    private bool OneLineFor(Dictionary<string, string> line) =>
        Ledger.Count(l => l["JOURNAL"] == line["JOURNAL"] && l["NUM_PIECE"] == line["NUM_PIECE"] && l["COMPTE_GENERAL"] == Suppliers
            && l["TIERS"] == line["TIERS"]) == 1;

    private IEnumerable<Dictionary<string, string>> Lines(string? journal) =>
        journal is null ? Ledger : Ledger.Where(l => l["JOURNAL"] == journal);
}

/// <summary>A supplier's invoice and the bank document that pays exactly it.</summary>
internal sealed record PaidInvoice(string Supplier, string Name, string Invoice, string Payment, decimal Amount);
