using System.Text.RegularExpressions;
using Bascule.Extract.Privacy;

namespace Bascule.Reconcile.Reports;

/// <summary>
/// Masks third parties' personal data in report text. In free text (labels, rejected lines, messages) the names and
/// IBANs of the run's third parties become <see cref="Masked"/> (see <see cref="ThirdPartyMasking"/> for which names);
/// any other IBAN keeps its country and last four characters. A rejected line of the third-party file keeps only its
/// code and type (its name, enterprise number, IBAN, postal code and locality are masked).
/// </summary>
public static partial class PersonalData
{
    public const string Masked = PersonalDataMasker.Masked;

    /// <summary>Free text as a report shows it: masked with the run's third parties, unless the options show personal data.</summary>
    public static string Mask(string text, PersonalDataMasker known, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(options);
        return options.ShowPersonalData ? text : MaskText(known.Mask(text));
    }

    /// <summary>Any IBAN in the text (electronic or printed in upper case), known or not, down to its country and last four
    /// characters.</summary>
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
