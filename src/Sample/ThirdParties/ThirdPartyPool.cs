using System.Globalization;
using Bascule.Extract.Values;
using Bascule.Sample.Catalog;

namespace Bascule.Sample.ThirdParties;

/// <summary>
/// The entity's third parties, numbered per kind (<c>F00001</c>, <c>C000001</c>, <c>B000001</c>) and each derived
/// from the seed and its number alone: the pool is never held in memory, whatever the size of the export.
/// Pool sizes grow with the ledger so that a large export still spreads over many suppliers and persons.
/// </summary>
public sealed class ThirdPartyPool
{
    private readonly ulong _seed;

    public ThirdPartyPool(ulong seed, EntityType entityType, long ledgerLines)
    {
        _seed = seed;
        Authorities = [.. LegacyCatalog.Authorities(entityType).OrderBy(a => a.Code, StringComparer.Ordinal)];
        SupplierCount = (int)Math.Clamp(ledgerLines / 40, 40, 4_000);
        PersonCount = (int)Math.Clamp(ledgerLines / 10, 100, 50_000);
        BeneficiaryCount = entityType == EntityType.Cpas ? (int)Math.Clamp(ledgerLines / 15, 80, 30_000) : 0;
    }

    public IReadOnlyList<CatalogAuthority> Authorities { get; }

    public int SupplierCount { get; }

    public int PersonCount { get; }

    public int BeneficiaryCount { get; }

    public static string SupplierCode(int index) => "F" + (index + 1).ToString("00000", CultureInfo.InvariantCulture);

    public static string PersonCode(int index) => "C" + (index + 1).ToString("000000", CultureInfo.InvariantCulture);

    public static string BeneficiaryCode(int index) => "B" + (index + 1).ToString("000000", CultureInfo.InvariantCulture);

    /// <summary>Every third party in file order: authorities, suppliers, persons, beneficiaries.</summary>
    public IEnumerable<SampleThirdParty> All()
    {
        foreach (var authority in Authorities)
        {
            var random = SampleRandom.For(_seed, "authority", long.Parse(authority.Code[1..], CultureInfo.InvariantCulture));
            yield return new SampleThirdParty(
                authority.Code, authority.Name, CheckDigits.EnterpriseNumber(random), CheckDigits.BelgianIban(random),
                authority.PostalCode, authority.Locality, 'A');
        }

        for (var i = 0; i < SupplierCount; i++)
        {
            yield return Supplier(i);
        }

        for (var i = 0; i < PersonCount; i++)
        {
            yield return Person(i, PersonCode(i), 'C');
        }

        for (var i = 0; i < BeneficiaryCount; i++)
        {
            yield return Person(i, BeneficiaryCode(i), 'B');
        }
    }

    public SampleThirdParty Supplier(int index)
    {
        var random = SampleRandom.For(_seed, "supplier", index);
        var trade = random.Pick(SampleNames.Trades);
        var family = random.Pick(SampleNames.LastNames);
        var form = random.Pick(SampleNames.LegalForms);
        // A few trading names carry quotes or a semicolon, as real supplier files do.
        var name = random.Next(25) switch
        {
            0 => $"{trade} \"{family}\" {form}",
            1 => $"{trade} {family}; succursale de Bruxelles {form}",
            _ => $"{trade} {family} {form}",
        };
        var (postalCode, locality) = random.Pick(SampleNames.Places);
        return new SampleThirdParty(
            SupplierCode(index),
            name,
            CheckDigits.EnterpriseNumber(random),
            CheckDigits.BelgianIban(random),
            postalCode,
            locality,
            'F');
    }

    private SampleThirdParty Person(int index, string code, char type)
    {
        var random = SampleRandom.For(_seed, code[..1], index);
        var name = $"{random.Pick(SampleNames.LastNames).ToUpperInvariant()} {random.Pick(SampleNames.FirstNames)}";
        // Not every person has given the administration a bank account.
        var iban = random.Chance(0.8) ? CheckDigits.BelgianIban(random) : "";
        var (postalCode, locality) = type == 'B' || random.Chance(0.7) ? ("1040", "Etterbeek") : random.Pick(SampleNames.Places);
        return new SampleThirdParty(code, name, "", iban, postalCode, locality, type);
    }
}
