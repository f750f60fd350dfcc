using System.Globalization;
using System.Text;
using Bascule.TestSupport;

namespace Bascule.Jobs.Tests.Privacy;

/// <summary>
/// A copy of the CPAS sample in which a beneficiary of its TIERS.csv (B000005, "NOËL Marie", IBAN BE74363386900607)
/// is written into free text the way people write: in a ledger label, in two damaged ledger lines (a bad amount beside
/// the name and IBAN in lower case; the name typed in the TIERS column), in a commitment label, in a legacy account
/// label and in a budget article label, in other cases, accents and word orders. The two damaged lines are added and
/// counted in EXPORT.txt, so the totals still agree and the run is published (WARNING: two rejected lines).
/// </summary>
internal static class PlantedBeneficiary
{
    public const string Iban = "BE74363386900607";

    /// <summary>The raw text of the damaged line with a bad amount, and what the reports show of it when masked.</summary>
    public const string BadAmountLine = "2023;OD;9001;1;15/06/2023;6400000;;O;;Aide noel MARIE be74 3633 8690 0607;12,3x;";
    public const string BadAmountLineMasked = "2023;OD;9001;1;15/06/2023;6400000;;O;;Aide *** ***;12,3x;";

    /// <summary>The damaged line with the name in the TIERS column: its message quotes the name.</summary>
    public const string NameAsCodeLine = "2023;OD;9002;1;15/06/2023;6400000;;O;Marie Noel;Aide sociale;10,00;";

    private static readonly Encoding Latin1 = Encoding.Latin1;

    /// <summary>Writes the copy; returns the line number of the first damaged line in ECRITURES.csv (the second is the next).</summary>
    public static async Task<long> WriteAsync(string folder)
    {
        var sample = RepositoryRoot.Combine("samples", "cpas-etterbeek-2023");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(sample))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        await ReplaceAsync(folder, "ECRITURES.csv",
            "2023;ACH;2;1;05/01/2023;6400000;832/333-03;O;B000013;Aides sociales diverses (énergie, loyers) - janvier 2023;",
            "2023;ACH;2;1;05/01/2023;6400000;832/333-03;O;B000013;Aide NOËL Marie BE74 3633 8690 0607;");
        // Some labels of the sample span lines (quoted line breaks): the added lines follow the last physical line.
        var badAmountLineNumber = (await File.ReadAllBytesAsync(
            Path.Combine(folder, "ECRITURES.csv"),
            TestContext.Current.CancellationToken)).Count(b => b == '\n') + 1;
        await AppendAsync(folder, "ECRITURES.csv", BadAmountLine + "\r\n" + NameAsCodeLine + "\r\n");
        await ReplaceAsync(folder, "EXPORT.txt", "FICHIER=ECRITURES.csv;LIGNES=2000;", "FICHIER=ECRITURES.csv;LIGNES=2002;");
        await ReplaceAsync(folder, "ENGAGEMENTS.csv",
            "2023/00002;26/03/2023;;Engagement global - Traitements du personnel administratif;",
            "2023/00002;26/03/2023;;Aide urgente marie NOËL be74363386900607;");
        await ReplaceAsync(
            folder,
            "BALANCE.csv",
            "2023;4410000;Bénéficiaires d'aides sociales;",
            "2023;4410000;Aides à verser - Noël, Marie;");
        await ReplaceAsync(
            folder,
            "ARTICLES.csv",
            "2023;832/333-03;Aides sociales diverses (énergie, loyers);",
            "2023;832/333-03;Aides sociales diverses (MARIE NOEL);");
        return badAmountLineNumber;
    }

    /// <summary>Whether the text shows the beneficiary's name, in any case, with or without accents, in either order.</summary>
    public static bool ShowsName(string text)
    {
        var words = Words(text);
        return words.Contains(" noel marie ", StringComparison.Ordinal) || words.Contains(" marie noel ", StringComparison.Ordinal);
    }

    /// <summary>Whether the text shows the beneficiary's IBAN, in any case, with or without spaces.</summary>
    public static bool ShowsIban(string text) =>
        string.Concat(text.Where(c => !char.IsWhiteSpace(c))).Contains(Iban, StringComparison.OrdinalIgnoreCase);

    // Folded independently of the code under test: accents dropped through Unicode decomposition, lower case, every run
    // of other characters one space.
    private static string Words(string text)
    {
        var builder = new StringBuilder(" ");
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.Append(' ').ToString();
    }

    private static async Task ReplaceAsync(string folder, string file, string from, string to)
    {
        var path = Path.Combine(folder, file);
        var text = await File.ReadAllTextAsync(path, Latin1, TestContext.Current.CancellationToken);
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{file} of the CPAS sample no longer holds '{from}'.");
        await File.WriteAllTextAsync(
            path,
            string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length)),
            Latin1,
            TestContext.Current.CancellationToken);
    }

    private static async Task AppendAsync(string folder, string file, string lines) =>
        await File.AppendAllTextAsync(Path.Combine(folder, file), lines, Latin1, TestContext.Current.CancellationToken);
}
