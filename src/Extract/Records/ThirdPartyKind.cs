namespace Bascule.Extract.Records;

/// <summary>The legacy <c>TYPE</c> of a third party: <c>F</c> supplier, <c>C</c> taxpayer or customer, <c>B</c> aid beneficiary, <c>A</c>
/// other.</summary>
public enum ThirdPartyKind
{
    Supplier,
    Customer,
    Beneficiary,
    Other,
}
