using Bascule.Extract.Records;

namespace Bascule.Load.Rows;

/// <summary>One third party (<c>TIERS.csv</c>), as read. Personal data: only reports that need it show it.</summary>
public sealed record ThirdPartyRow(
    Lineage Lineage,
    string Code,
    string Name,
    string? EnterpriseNumber,
    string? Iban,
    string? PostalCode,
    string? Locality,
    string? Kind);
