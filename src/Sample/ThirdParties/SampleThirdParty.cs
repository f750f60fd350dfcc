namespace Bascule.Sample.ThirdParties;

/// <summary>One row of <c>TIERS.csv</c>; <c>Type</c> is F supplier, C taxpayer or customer, B beneficiary, A authority.</summary>
public sealed record SampleThirdParty(
    string Code,
    string Name,
    string EnterpriseNumber,
    string Iban,
    string PostalCode,
    string Locality,
    char Type);
