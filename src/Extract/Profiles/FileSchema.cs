namespace Bascule.Extract.Profiles;

/// <summary>The canonical fields of each data file, named as in the legacy format.</summary>
public static class FileSchema
{
    public const string SignedAmount = "MONTANT";
    public const string Side = "SENS";

    /// <summary>The key of the file in a profile and its default file name (<c>ECRITURES</c> → <c>ECRITURES.csv</c>).</summary>
    public static string Key(ExportFile file) => file switch
    {
        ExportFile.Ledger => "ECRITURES",
        ExportFile.Balance => "BALANCE",
        ExportFile.Articles => "ARTICLES",
        ExportFile.ThirdParties => "TIERS",
        ExportFile.Commitments => "ENGAGEMENTS",
        _ => throw new ArgumentOutOfRangeException(nameof(file), file, null),
    };

    public static IReadOnlyList<string> Fields(ExportFile file, DebitCreditLayout layout) => file switch
    {
        ExportFile.Ledger => layout.Kind == DebitCreditKind.TwoColumns
            ? ["EXERCICE", "JOURNAL", "NUM_PIECE", "NUM_LIGNE", "DATE_COMPTABLE", "COMPTE_GENERAL",
                "ARTICLE_BUDGETAIRE", "SERVICE", "TIERS", "LIBELLE", "DEBIT", "CREDIT"]
            : ["EXERCICE", "JOURNAL", "NUM_PIECE", "NUM_LIGNE", "DATE_COMPTABLE", "COMPTE_GENERAL",
                "ARTICLE_BUDGETAIRE", "SERVICE", "TIERS", "LIBELLE", SignedAmount, Side],
        ExportFile.Balance => ["EXERCICE", "COMPTE_GENERAL", "LIBELLE", "OUVERTURE_DEBIT", "OUVERTURE_CREDIT", "MOUVEMENTS_DEBIT",
            "MOUVEMENTS_CREDIT", "CLOTURE_DEBIT", "CLOTURE_CREDIT"],
        ExportFile.Articles => ["EXERCICE", "ARTICLE", "LIBELLE", "SERVICE", "TYPE", "CREDIT_INITIAL", "CREDIT_AJUSTE", "ENGAGE", "IMPUTE"],
        ExportFile.ThirdParties => ["CODE_TIERS", "NOM", "NUM_ENTREPRISE", "IBAN", "CODE_POSTAL", "LOCALITE", "TYPE"],
        ExportFile.Commitments => ["EXERCICE", "ARTICLE", "NUM_ENGAGEMENT", "DATE_ENGAGEMENT", "TIERS", "LIBELLE", "MONTANT_ENGAGE",
            "MONTANT_IMPUTE"],
        _ => throw new ArgumentOutOfRangeException(nameof(file), file, null),
    };
}
