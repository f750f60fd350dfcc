using Bascule.Extract.Values;

namespace Bascule.Extract.Records;

/// <summary>
/// One third party of <c>TIERS.csv</c>. Names, IBANs and enterprise numbers are personal data: downstream code
/// shows them only where a check needs them.
/// </summary>
public sealed record ThirdParty(
    Lineage Lineage,
    ThirdPartyCode Code,
    string Name,
    EnterpriseNumber? EnterpriseNumber,
    Iban? Iban,
    string PostalCode,
    string Locality,
    ThirdPartyKind Kind);
