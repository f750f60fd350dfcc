using Bascule.Extract.Records;

namespace Bascule.Extract.Privacy;

/// <summary>What masking needs of a third party, whether read from <c>TIERS.csv</c> or back from the staging database.</summary>
public readonly record struct KnownThirdParty(string Name, ThirdPartyKind Kind, bool HasEnterpriseNumber, string? Iban)
{
    public static KnownThirdParty From(ThirdParty party)
    {
        ArgumentNullException.ThrowIfNull(party);
        return new(party.Name, party.Kind, party.EnterpriseNumber is not null, party.Iban?.Value);
    }
}
