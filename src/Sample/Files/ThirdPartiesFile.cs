using Bascule.Extract.Csv;
using Bascule.Sample.ThirdParties;

namespace Bascule.Sample.Files;

/// <summary>TIERS.csv: every third party the ledger and the commitments can name.</summary>
public static class ThirdPartiesFile
{
    public const string FileName = "TIERS.csv";

    public static WrittenFile Write(string folder, ThirdPartyPool pool)
    {
        using var csv = new CsvFileWriter(Path.Combine(folder, FileName), CsvDialect.LegacyExport, [
            "CODE_TIERS", "NOM", "NUM_ENTREPRISE", "IBAN", "CODE_POSTAL", "LOCALITE", "TYPE"]);
        foreach (var party in pool.All())
        {
            csv.Text(party.Code).Text(party.Name).Text(party.EnterpriseNumber).Text(party.Iban)
                .Text(party.PostalCode).Text(party.Locality).Text(party.Type.ToString())
                .EndRecord();
        }

        return new WrittenFile(FileName, csv.Records);
    }
}
