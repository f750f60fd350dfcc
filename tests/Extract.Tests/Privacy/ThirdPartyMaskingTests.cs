using Bascule.Extract.Privacy;
using Bascule.Extract.Records;
using Bascule.TestSupport;

namespace Bascule.Extract.Tests.Privacy;

/// <summary>Which third parties of a real TIERS.csv (the CPAS sample) get their names and IBANs masked.</summary>
public sealed class ThirdPartyMaskingTests
{
    [Theory]
    [InlineData(ThirdPartyKind.Beneficiary, false, true)]
    [InlineData(ThirdPartyKind.Beneficiary, true, true)]
    [InlineData(ThirdPartyKind.Customer, false, true)]
    [InlineData(ThirdPartyKind.Other, false, true)]
    [InlineData(ThirdPartyKind.Supplier, false, true)]
    [InlineData(ThirdPartyKind.Supplier, true, false)]
    [InlineData(ThirdPartyKind.Customer, true, false)]
    [InlineData(ThirdPartyKind.Other, true, false)]
    public void A_name_is_personal_for_a_beneficiary_or_without_an_enterprise_number(
        ThirdPartyKind kind,
        bool hasEnterpriseNumber,
        bool personal) =>
        Assert.Equal(personal, ThirdPartyMasking.IsPersonalName(kind, hasEnterpriseNumber));

    [Fact]
    public async Task The_cpas_export_masks_beneficiaries_and_private_customers_but_not_companies()
    {
        var export = LegacyExport.Open(RepositoryRoot.Combine("samples", "cpas-etterbeek-2023"));

        var masker = await ThirdPartyMasking.FromExportAsync(export, TestContext.Current.CancellationToken);

        // B000005 (beneficiary), C000001 (customer without enterprise number); F00001 and A0002 have one.
        Assert.Equal("Aide *** / *** / Informatique Nowak SCRL / SPF Finances",
            masker.Mask("Aide Marie Noël / michel françoise / Informatique Nowak SCRL / SPF Finances"));
        // Every known IBAN is masked, a supplier's too.
        Assert.Equal("*** / ***", masker.Mask("be74 3633 8690 0607 / BE95 0013 0143 5458"));
    }
}
