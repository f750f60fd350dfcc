using Bascule.Extract.Records;

namespace Bascule.Extract.Privacy;

/// <summary>Which third parties' data is masked in free text, and the masker for an export's third parties.</summary>
public static class ThirdPartyMasking
{
    /// <summary>
    /// Whether a third party's name is a person's name, masked wherever free text shows it: every aid beneficiary (type
    /// B: that someone receives social aid is sensitive whoever they are), and every third party without an enterprise
    /// number (a natural person: a taxpayer, a private customer). A company's or public body's name is not personal data,
    /// and accountants need suppliers' names to read the labels of the ledger, so those are left as they are. A sole
    /// trader, a person with an enterprise number, is taken for a company: the export does not tell them apart.
    /// </summary>
    public static bool IsPersonalName(ThirdPartyKind kind, bool hasEnterpriseNumber) =>
        kind == ThirdPartyKind.Beneficiary || !hasEnterpriseNumber;

    /// <summary>
    /// Masks the names of <see cref="IsPersonalName"/> and the IBANs of every third party: an IBAN is an account number
    /// in free text, the same kind of data whoever holds it, and the reports mask any IBAN they recognise anyway.
    /// </summary>
    public static PersonalDataMasker Masker(IEnumerable<KnownThirdParty> parties)
    {
        var list = parties as IReadOnlyCollection<KnownThirdParty> ?? parties.ToList();
        return PersonalDataMasker.Create(
            list.Where(p => IsPersonalName(p.Kind, p.HasEnterpriseNumber)).Select(p => p.Name),
            list.Select(p => p.Iban).OfType<string>());
    }

    /// <summary>
    /// The masker for the third parties of an export's <c>TIERS.csv</c>, read again for it. A file-level fault stops the
    /// read where it is: the third parties read until then are masked, the fault is the caller's to report.
    /// </summary>
    public static async Task<PersonalDataMasker> FromExportAsync(LegacyExport export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(export);
        var parties = new List<KnownThirdParty>();
        try
        {
            await foreach (var parsed in export.ReadThirdPartiesAsync(cancellationToken))
            {
                if (parsed.Value is { } party)
                {
                    parties.Add(KnownThirdParty.From(party));
                }
            }
        }
        catch (ExportFileException)
        {
            // Reported by whoever read the file first; what was read still gets masked.
        }

        return Masker(parties);
    }
}
