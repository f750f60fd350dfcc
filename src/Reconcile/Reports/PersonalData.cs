using System.Text.RegularExpressions;

namespace Bascule.Reconcile.Reports;

/// <summary>
/// Masks third parties' personal data in report text: any IBAN keeps its country and last four characters, and a
/// rejected line of the third-party file keeps only its code and type (its name, enterprise number, IBAN, postal code
/// and locality are masked).
/// </summary>
public static partial class PersonalData
{
    public const string Masked = "***";

    public static string MaskText(string text) =>
        Iban().Replace(text, m => m.Value[..2] + Masked + m.Value[^4..]);

    /// <summary>A raw line of the third-party file: <c>CODE_TIERS;NOM;NUM_ENTREPRISE;IBAN;CODE_POSTAL;LOCALITE;TYPE</c>.</summary>
    public static string MaskThirdPartyLine(string rawText)
    {
        var fields = rawText.Split(';');
        for (var i = 1; i < fields.Length - 1; i++)
        {
            if (fields[i].Length > 0)
            {
                fields[i] = Masked;
            }
        }

        return string.Join(';', fields);
    }

    [GeneratedRegex(@"\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,30}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Iban();
}
