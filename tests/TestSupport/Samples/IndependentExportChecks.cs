using System.Globalization;
using System.Text;
using Xunit;
using static Bascule.TestSupport.Samples.IndependentExportReader;

namespace Bascule.TestSupport.Samples;

/// <summary>
/// What a generated export must satisfy, checked with the independent reader: encoding and line ends, every
/// document balanced, EXPORT.txt counts and totals, BALANCE.csv = opening + movements of the ledger, budget
/// articles and commitments consistent with the ledger, and valid check digits.
/// </summary>
public static class IndependentExportChecks
{
    public static readonly string[] DataFiles = ["ECRITURES.csv", "BALANCE.csv", "ARTICLES.csv", "TIERS.csv", "ENGAGEMENTS.csv"];

    public static void Verify(string folder, string entityType, int year)
    {
        foreach (var file in DataFiles.Append("EXPORT.txt"))
        {
            VerifyEncodingAndLineEnds(Bytes(folder, file), file);
        }

        var ledger = Table(folder, "ECRITURES.csv");
        VerifyDocuments(ledger, year);
        VerifyControlFile(folder, entityType, year, ledger);
        VerifyBalance(folder, ledger);
        VerifyThirdParties(folder, ledger);
        VerifyBudget(folder, ledger);
    }

    private static void VerifyEncodingAndLineEnds(byte[] bytes, string file)
    {
        Assert.False(bytes is [0xEF, 0xBB, 0xBF, ..], $"{file} starts with a UTF-8 byte order mark");
        for (var i = 0; i < bytes.Length; i++)
        {
            Assert.False(bytes[i] is 0x81 or 0x8D or 0x8F or 0x90 or 0x9D, $"{file}: byte {i} is undefined in Windows-1252");
            Assert.False(bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r'), $"{file}: bare LF at byte {i}");
            Assert.False(bytes[i] == '\r' && (i + 1 == bytes.Length || bytes[i + 1] != '\n'), $"{file}: bare CR at byte {i}");
        }

        Assert.True(bytes.Length >= 2 && bytes[^2] == '\r' && bytes[^1] == '\n', $"{file} does not end with CRLF");
    }

    private static void VerifyDocuments(List<Dictionary<string, string>> ledger, int year)
    {
        var seen = new HashSet<(string, string)>();
        var i = 0;
        while (i < ledger.Count)
        {
            var key = (ledger[i]["JOURNAL"], ledger[i]["NUM_PIECE"]);
            Assert.True(seen.Add(key), $"document {key} is not contiguous");
            decimal debit = 0, credit = 0;
            var lineNumber = 0;
            for (; i < ledger.Count && (ledger[i]["JOURNAL"], ledger[i]["NUM_PIECE"]) == key; i++)
            {
                var line = ledger[i];
                Assert.Equal((++lineNumber).ToString(CultureInfo.InvariantCulture), line["NUM_LIGNE"]);
                Assert.Equal(year.ToString(CultureInfo.InvariantCulture), line["EXERCICE"]);
                var date = DateOnly.ParseExact(line["DATE_COMPTABLE"], "dd/MM/yyyy", CultureInfo.InvariantCulture);
                Assert.Equal(year, date.Year);
                Assert.Matches(@"^\d{6,7}$", line["COMPTE_GENERAL"]);
                Assert.Matches(@"^(\d{3,5}/\d{3}-\d{2})?$", line["ARTICLE_BUDGETAIRE"]);
                Assert.Equal(line["ARTICLE_BUDGETAIRE"].Length > 0, line["SERVICE"] is "O" or "E");
                debit += Amount(line["DEBIT"]);
                credit += Amount(line["CREDIT"]);
                if (key.Item1 == "OUV")
                {
                    Assert.Equal(new DateOnly(year, 1, 1), date);
                    Assert.Contains(line["COMPTE_GENERAL"][0], "12345");
                }
            }

            Assert.True(lineNumber >= 2, $"document {key} has a single line");
            Assert.True(debit == credit, $"document {key} does not balance: debit {debit}, credit {credit}");
        }

        Assert.Contains(("OUV", "1"), seen);
    }

    private static void VerifyControlFile(string folder, string entityType, int year, List<Dictionary<string, string>> ledger)
    {
        var lines = Text(folder, "EXPORT.txt").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var values = lines.Where(l => !l.StartsWith("FICHIER=", StringComparison.Ordinal))
            .ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)], l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        Assert.Equal(["LOGICIEL", "ENTITE", "TYPE_ENTITE", "CODE_INS", "EXERCICE", "DATE_EXPORT"], values.Keys);
        Assert.Equal(entityType, values["TYPE_ENTITE"]);
        Assert.Equal(year.ToString(CultureInfo.InvariantCulture), values["EXERCICE"]);
        Assert.Matches(@"^\d{5}$", values["CODE_INS"]);
        DateTime.ParseExact(values["DATE_EXPORT"], "dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

        var declared = lines.Where(l => l.StartsWith("FICHIER=", StringComparison.Ordinal))
            .Select(l => l["FICHIER=".Length..].Split(';'))
            .ToDictionary(parts => parts[0], parts => parts.Skip(1).ToDictionary(p => p.Split('=')[0], p => p.Split('=')[1]));
        Assert.Equal(DataFiles.Order(), declared.Keys.Order());
        foreach (var file in DataFiles)
        {
            Assert.Equal((Records(folder, file).Count - 1).ToString(CultureInfo.InvariantCulture), declared[file]["LIGNES"]);
        }

        Assert.Equal(ledger.Sum(l => Amount(l["DEBIT"])), Amount(declared["ECRITURES.csv"]["TOTAL_DEBIT"]));
        Assert.Equal(ledger.Sum(l => Amount(l["CREDIT"])), Amount(declared["ECRITURES.csv"]["TOTAL_CREDIT"]));
        var balance = Table(folder, "BALANCE.csv");
        Assert.Equal(
            balance.Sum(b => Amount(b["OUVERTURE_DEBIT"]) + Amount(b["MOUVEMENTS_DEBIT"])),
            Amount(declared["BALANCE.csv"]["TOTAL_DEBIT"]));
        Assert.Equal(
            balance.Sum(b => Amount(b["OUVERTURE_CREDIT"]) + Amount(b["MOUVEMENTS_CREDIT"])),
            Amount(declared["BALANCE.csv"]["TOTAL_CREDIT"]));
    }

    private static void VerifyBalance(string folder, List<Dictionary<string, string>> ledger)
    {
        var balance = Table(folder, "BALANCE.csv");
        Assert.Equal(
            ledger.Select(l => l["COMPTE_GENERAL"]).Distinct().Order(StringComparer.Ordinal),
            balance.Select(b => b["COMPTE_GENERAL"]));
        foreach (var row in balance)
        {
            var lines = ledger.Where(l => l["COMPTE_GENERAL"] == row["COMPTE_GENERAL"]).ToList();
            var opening = lines.Where(l => l["JOURNAL"] == "OUV").ToList();
            var movements = lines.Where(l => l["JOURNAL"] != "OUV").ToList();
            Assert.Equal(opening.Sum(l => Amount(l["DEBIT"])), Amount(row["OUVERTURE_DEBIT"]));
            Assert.Equal(opening.Sum(l => Amount(l["CREDIT"])), Amount(row["OUVERTURE_CREDIT"]));
            Assert.Equal(movements.Sum(l => Amount(l["DEBIT"])), Amount(row["MOUVEMENTS_DEBIT"]));
            Assert.Equal(movements.Sum(l => Amount(l["CREDIT"])), Amount(row["MOUVEMENTS_CREDIT"]));
            var net = Amount(row["OUVERTURE_DEBIT"]) + Amount(row["MOUVEMENTS_DEBIT"]) - Amount(row["OUVERTURE_CREDIT"])
                - Amount(row["MOUVEMENTS_CREDIT"]);
            Assert.Equal(Math.Max(net, 0m), Amount(row["CLOTURE_DEBIT"]));
            Assert.Equal(Math.Max(-net, 0m), Amount(row["CLOTURE_CREDIT"]));
        }
    }

    private static void VerifyThirdParties(string folder, List<Dictionary<string, string>> ledger)
    {
        var parties = Table(folder, "TIERS.csv");
        var codes = parties.Select(p => p["CODE_TIERS"]).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(parties.Count, codes.Count);
        foreach (var party in parties)
        {
            Assert.Contains(party["TYPE"], new[] { "F", "C", "B", "A" });
            Assert.True(
                party["NUM_ENTREPRISE"].Length == 0 || IndependentCheckDigits.IsEnterpriseNumber(party["NUM_ENTREPRISE"]),
                $"enterprise number {party["NUM_ENTREPRISE"]}");
            Assert.True(party["IBAN"].Length == 0 || IndependentCheckDigits.IsBelgianIban(party["IBAN"]), $"IBAN {party["IBAN"]}");
            Assert.Equal(party["TYPE"] is "F" or "A", party["NUM_ENTREPRISE"].Length > 0);
        }

        var used = ledger.Select(l => l["TIERS"]).Concat(Table(folder, "ENGAGEMENTS.csv").Select(c => c["TIERS"])).Where(t => t.Length > 0);
        Assert.All(used, code => Assert.Contains(code, codes));
    }

    private static void VerifyBudget(string folder, List<Dictionary<string, string>> ledger)
    {
        var articles = Table(folder, "ARTICLES.csv").ToDictionary(a => a["ARTICLE"], StringComparer.Ordinal);
        var commitments = Table(folder, "ENGAGEMENTS.csv").ToLookup(c => c["ARTICLE"], StringComparer.Ordinal);
        foreach (var line in ledger.Where(l => l["ARTICLE_BUDGETAIRE"].Length > 0))
        {
            Assert.True(
                articles.TryGetValue(line["ARTICLE_BUDGETAIRE"], out var article),
                $"article {line["ARTICLE_BUDGETAIRE"]} missing from ARTICLES.csv");
            Assert.Equal(article["SERVICE"], line["SERVICE"]);
        }

        foreach (var (code, article) in articles)
        {
            var lines = ledger.Where(l => l["ARTICLE_BUDGETAIRE"] == code).ToList();
            var debit = lines.Sum(l => Amount(l["DEBIT"]));
            var credit = lines.Sum(l => Amount(l["CREDIT"]));
            var expenditure = article["TYPE"] == "D";
            Assert.True(expenditure || article["TYPE"] == "R");
            var charged = Amount(article["IMPUTE"]);
            var committed = Amount(article["ENGAGE"]);
            Assert.Equal(expenditure ? debit - credit : credit - debit, charged);
            Assert.True(charged >= 0m && committed >= charged, $"{code}: ENGAGE {committed} < IMPUTE {charged}");
            Assert.True(
                Amount(article["CREDIT_INITIAL"]) >= committed && Amount(article["CREDIT_AJUSTE"]) >= committed,
                $"{code}: credits below ENGAGE");
            if (expenditure && committed > 0m)
            {
                Assert.Equal(charged, commitments[code].Sum(c => Amount(c["MONTANT_IMPUTE"])));
                Assert.Equal(committed, commitments[code].Sum(c => Amount(c["MONTANT_ENGAGE"])));
                Assert.All(commitments[code], c => Assert.True(Amount(c["MONTANT_ENGAGE"]) >= Amount(c["MONTANT_IMPUTE"])));
            }
            else
            {
                Assert.Empty(commitments[code]);
            }
        }

        Assert.All(commitments, group => Assert.Contains(group.Key, articles.Keys));
    }

    /// <summary>Whether the bytes are Windows-1252 rather than UTF-8: accented letters as single bytes.</summary>
    public static bool IsSingleByteAccented(byte[] bytes)
    {
        var strictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
        try
        {
            strictUtf8.GetString(bytes);
            return false;
        }
        catch (DecoderFallbackException)
        {
            return bytes.Contains((byte)0xE9);
        }
    }
}
