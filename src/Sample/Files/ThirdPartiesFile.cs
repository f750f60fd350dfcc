using Bascule.Sample.ThirdParties;
using Bascule.Sample.Writing;

namespace Bascule.Sample.Files;

/// <summary>TIERS.csv: every third party the ledger and the commitments can name.</summary>
public static class ThirdPartiesFile
{
    public const string FileName = "TIERS.csv";

    public static WrittenFile Write(string folder, ThirdPartyPool pool)
    {
        using var csv = new LegacyCsvWriter(Path.Combine(folder, FileName),
            "CODE_TIERS", "NOM", "NUM_ENTREPRISE", "IBAN", "CODE_POSTAL", "LOCALITE", "TYPE");
        foreach (var party in pool.All())
        {
            csv.Field(party.Code).Field(party.Name).Field(party.EnterpriseNumber).Field(party.Iban)
                .Field(party.PostalCode).Field(party.Locality).Field(party.Type.ToString())
                .EndRecord();
        }

        return new WrittenFile(FileName, csv.Records);
    }
}
