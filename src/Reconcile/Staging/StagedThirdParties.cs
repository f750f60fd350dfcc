using Bascule.Extract.Privacy;
using Bascule.Extract.Records;

namespace Bascule.Reconcile.Staging;

/// <summary>
/// The masker of a run's personal data, from its <c>third_parties</c> rows: the reports of a run mask the third parties
/// that run read, whether they are written right after the load or later from the staging database alone.
/// </summary>
internal static class StagedThirdParties
{
    public static async Task<PersonalDataMasker> MaskerAsync(StagingReader db, CancellationToken cancellationToken) =>
        ThirdPartyMasking.Masker((await db.RowsAsync<Queries.ThirdPartyRow>(Queries.ThirdParties, cancellationToken))
            .Select(t => new KnownThirdParty(
                t.Name,
                Kind(t.Kind),
                t.EnterpriseNumber is { Length: > 0 },
                t.Iban is { Length: > 0 } iban ? iban : null))
            .ToList());

    // The codes the pipeline stores (TIERS.csv's own TYPE letters).
    private static ThirdPartyKind Kind(string code) => code switch
    {
        "F" => ThirdPartyKind.Supplier,
        "C" => ThirdPartyKind.Customer,
        "B" => ThirdPartyKind.Beneficiary,
        _ => ThirdPartyKind.Other,
    };
}
