using System.Globalization;
using Bascule.Extract.Values;

namespace Bascule.Sample;

/// <summary>Belgian enterprise numbers and IBANs with valid mod-97 check digits, built from random digits.</summary>
public static class CheckDigits
{
    // Bank codes of the main Belgian banks (BNP Paribas Fortis, Belfius, ING, KBC, Argenta, bpost bank).
    private static readonly string[] BankCodes = ["001", "068", "091", "310", "363", "734", "735", "973", "000", "679"];

    /// <summary><c>0xxx.xxx.xxx</c>: the last two digits are 97 minus the first eight modulo 97.</summary>
    public static string EnterpriseNumber(SampleRandom random) =>
        Extract.Values.EnterpriseNumber.Create(random.Between(2_000_000, 8_999_999)).ToString();

    /// <summary>
    /// <c>BEkk bbba aaaa aacc</c> without spaces: bank code, account, national check (first ten digits mod 97,
    /// 97 when 0), then the ISO 13616 check digits over the whole.
    /// </summary>
    public static string BelgianIban(SampleRandom random)
    {
        var first10 = random.Pick(BankCodes) + random.Between(0, 9_999_999).ToString("0000000", CultureInfo.InvariantCulture);
        var national = (int)(long.Parse(first10, CultureInfo.InvariantCulture) % 97);
        return Iban.Create("BE", first10 + (national == 0 ? 97 : national).ToString("00", CultureInfo.InvariantCulture)).Value;
    }
}
