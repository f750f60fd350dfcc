using System.Globalization;
using Bascule.Load.Runs;
using Bascule.Load.Runs.SignOffs;
using Bascule.Reconcile.Model;

namespace Bascule.Reconcile.Reports.Tables;

/// <summary>The reconciliation's tables, in report order, with personal data masked as the options say.</summary>
public static class ReportTables
{
    public const string Run = "run";
    public const string Checks = "checks";
    public const string SourceFiles = "source-files";
    public const string LegacyAccounts = "legacy-accounts";
    public const string LegacyToTarget = "legacy-to-target";
    public const string TargetAccounts = "target-accounts";
    public const string TargetFeeds = "target-feeds";
    public const string Journals = "journals";
    public const string BudgetArticles = "budget-articles";
    public const string TrialBalance = "trial-balance";
    public const string Unmapped = "unmapped";
    public const string Rejected = "rejected";
    public const string UnbalancedDocuments = "unbalanced-documents";
    public const string Continuity = "continuity";
    public const string SignOffs = "signoffs";

    private static readonly ReportColumn Account = new("Compte", "Rekening", CellKind.Text);
    private static readonly ReportColumn LegacyAccount = new("Compte ancien", "Oude rekening", CellKind.Text);
    private static readonly ReportColumn NewAccount = new("Compte nouveau", "Nieuwe rekening", CellKind.Text);
    private static readonly ReportColumn Debit = new("Débit", "Debet", CellKind.Money);
    private static readonly ReportColumn Credit = new("Crédit", "Credit", CellKind.Money);

    public static IReadOnlyList<ReportTable> Build(ReconciliationResult result, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var run = result.Run;
        return
        [
            // Which run, which mapping and whether it was approved, which fingerprint: a workbook or CSV read on its own says it too.
            new(Run, "Exécution", "Uitvoering",
                [new("Élément", "Element", CellKind.Text), new("Valeur", "Waarde", CellKind.Text)],
                [
                    Row("Entité / Entiteit", $"{run.Entity} ({run.EntityType} {run.InsCode})"),
                    Row("Exercice / Boekjaar", run.FiscalYear.ToString()),
                    Row("Migration / Migratie", $"{run.RunId} ({StateOf(run.RunStatus)})"),
                    Row("Empreinte / Vingerafdruk", run.Fingerprint ?? ""),
                    Row("Table de correspondance / Mappingtabel", $"{run.Mapping.Id} {run.Mapping.Version}"),
                    Row("SHA-256", run.Mapping.Sha256),
                    Row("Approbation / Goedkeuring", ApprovalText.Bilingual(run.MappingApproval)),
                ]),
            // Each comparison as a sentence in both languages, with what to do next and who: the technical names stay in the JSON.
            new(Checks, "Contrôles", "Controles", CheckColumns(), result.Checks.Select(CheckRow).ToList())
            {
                Figures = (row, column) => column == 0
                    ? new ReportFigure(FigureKind.CheckDifferences, Convert.ToString(row[0], CultureInfo.InvariantCulture)!)
                    : null,
            },
            new(SourceFiles, "Fichiers source", "Bronbestanden",
                [new("Fichier", "Bestand", CellKind.Text), new("SHA-256", "SHA-256", CellKind.Code), new(
                    "Lignes lues",
                    "Gelezen lijnen",
                    CellKind.Count),
                 new("Lignes annoncées", "Aangekondigde lijnen", CellKind.Count), new("Chargées", "Geladen", CellKind.Count),
                 new("Non mappées", "Niet gemapt", CellKind.Count), new("Rejetées", "Verworpen", CellKind.Count), Debit, Credit,
                 new("Total débit annoncé", "Aangekondigd debettotaal", CellKind.Money), new(
                     "Total crédit annoncé",
                     "Aangekondigd credittotaal",
                     CellKind.Money)],
                result.SourceFiles.Select(f => Row(
                    f.Name,
                    f.Sha256,
                    f.Lines,
                    f.ControlLines,
                    f.Staged,
                    f.Unmapped,
                    f.Rejected,
                    f.Amounts?.Debit,
                    f.Amounts?.Credit,
                    f.ControlDebit?.Value,
                    f.ControlCredit?.Value)).ToList())
            {
                Figures = (row, column) => column switch
                {
                    5 => new ReportFigure(FigureKind.Unmapped, ""),
                    6 => new ReportFigure(FigureKind.Rejected, (string)row[0]!),
                    _ => null,
                },
            },
            new(LegacyAccounts, "Par compte ancien", "Per oude rekening",
                [LegacyAccount, new("Débit source", "Debet bron", CellKind.Money), new("Crédit source", "Credit bron", CellKind.Money),
                 new("Débit migré", "Debet gemigreerd", CellKind.Money), new("Crédit migré", "Credit gemigreerd", CellKind.Money),
                 new("Débit non mappé", "Debet niet gemapt", CellKind.Money), new("Crédit non mappé", "Credit niet gemapt", CellKind.Money),
                 new("Écart débit", "Verschil debet", CellKind.Money), new("Écart crédit", "Verschil credit", CellKind.Money)],
                result.LegacyAccounts.Select(a => Row(
                    a.Account,
                    a.Source.Debit,
                    a.Source.Credit,
                    a.Staged.Debit,
                    a.Staged.Credit,
                    a.Unmapped.Debit,
                    a.Unmapped.Credit,
                    a.DebitDifference,
                    a.CreditDifference)).ToList()),
            new(LegacyToTarget, "Compte ancien → lignes cibles", "Oude rekening → doellijnen",
                [LegacyAccount, NewAccount, Debit, Credit],
                result.LegacyAccounts.SelectMany(a => a.Targets.Select(t => Row(a.Account, t.Account, t.Amounts.Debit, t.Amounts.Credit)))
                    .ToList()),
            new(TargetAccounts, "Par compte nouveau", "Per nieuwe rekening",
                [NewAccount, Debit, Credit, new("Solde", "Saldo", CellKind.Money), new(
                    "Comptes anciens",
                    "Oude rekeningen",
                    CellKind.Count)],
                result.TargetAccounts.Select(t => Row(t.Account, t.Amounts.Debit, t.Amounts.Credit, t.Amounts.Net, (long)t.Feeds.Count))
                    .ToList()),
            new(TargetFeeds, "Compte nouveau ← comptes anciens", "Nieuwe rekening ← oude rekeningen",
                [NewAccount, LegacyAccount, Debit, Credit],
                result.TargetAccounts.SelectMany(t => t.Feeds.Select(f => Row(t.Account, f.Account, f.Amounts.Debit, f.Amounts.Credit)))
                    .ToList()),
            new(Journals, "Par exercice et journal", "Per boekjaar en dagboek",
                [new("Exercice", "Boekjaar", CellKind.Count), new("Journal", "Dagboek", CellKind.Text),
                 new("Débit source", "Debet bron", CellKind.Money), new("Crédit source", "Credit bron", CellKind.Money),
                 new("Débit migré", "Debet gemigreerd", CellKind.Money), new("Crédit migré", "Credit gemigreerd", CellKind.Money),
                 new("Débit non mappé", "Debet niet gemapt", CellKind.Money), new("Crédit non mappé", "Credit niet gemapt", CellKind.Money),
                 new("Écart débit", "Verschil debet", CellKind.Money), new("Écart crédit", "Verschil credit", CellKind.Money)],
                result.Journals.Select(j => Row(
                    (long)j.FiscalYear,
                    j.Journal,
                    j.Source.Debit,
                    j.Source.Credit,
                    j.Staged.Debit,
                    j.Staged.Credit,
                    j.Unmapped.Debit,
                    j.Unmapped.Credit,
                    j.DebitDifference,
                    j.CreditDifference)).ToList())
            {
                Figures = (row, column) => column == 1
                    ? new ReportFigure(FigureKind.Journal, string.Create(CultureInfo.InvariantCulture, $"{row[0]}/{row[1]}"))
                    : null,
            },
            new(BudgetArticles, "Par article budgétaire", "Per begrotingsartikel",
                [new("Article", "Artikel", CellKind.Text), new("Libellé", "Omschrijving", CellKind.Text), new(
                    "Type",
                    "Type",
                    CellKind.Text),
                 new("Engagé (ARTICLES)", "Vastgelegd (ARTICLES)", CellKind.Money), new(
                     "Imputé (ARTICLES)",
                     "Aangerekend (ARTICLES)",
                     CellKind.Money),
                 new("Engagé (ENGAGEMENTS)", "Vastgelegd (ENGAGEMENTS)", CellKind.Money), new(
                     "Imputé (ENGAGEMENTS)",
                     "Aangerekend (ENGAGEMENTS)",
                     CellKind.Money),
                 new("Imputé (écritures)", "Aangerekend (boekingen)", CellKind.Money), new("Concorde", "Klopt", CellKind.Text)],
                result.Articles.Select(a => Row(
                    a.Article,
                    Mask(result, a.Label, options),
                    a.Kind,
                    a.Budget.Committed,
                    a.Budget.Charged,
                    a.Commitments.Committed,
                    a.Commitments.Charged,
                    a.LedgerCharged,
                    YesNo(a.Agrees))).ToList())
            {
                Figures = (row, column) => column == 0 ? new ReportFigure(FigureKind.BudgetArticle, (string)row[0]!) : null,
            },
            new(TrialBalance, "Balance ancienne / écritures", "Oude proef- en saldibalans / boekingen",
                [Account, new("Libellé", "Omschrijving", CellKind.Text),
                 new("Ouverture (balance)", "Opening (balans)", CellKind.Money), new(
                     "Ouverture (écritures)",
                     "Opening (boekingen)",
                     CellKind.Money),
                 new("Mouvements débit (balance)", "Bewegingen debet (balans)", CellKind.Money), new(
                     "Mouvements débit (écritures)",
                     "Bewegingen debet (boekingen)",
                     CellKind.Money),
                 new("Mouvements crédit (balance)", "Bewegingen credit (balans)", CellKind.Money), new(
                     "Mouvements crédit (écritures)",
                     "Bewegingen credit (boekingen)",
                     CellKind.Money),
                 new("Clôture (balance)", "Afsluiting (balans)", CellKind.Money), new(
                     "Clôture (écritures)",
                     "Afsluiting (boekingen)",
                     CellKind.Money),
                 new("Écart", "Verschil", CellKind.Money)],
                result.TrialBalance.Select(t => Row(
                    t.Account,
                    Mask(result, t.Label, options),
                    t.Balance.Opening,
                    t.Ledger.Opening,
                    t.Balance.Movements.Debit,
                    t.Ledger.Movements.Debit,
                    t.Balance.Movements.Credit,
                    t.Ledger.Movements.Credit,
                    t.Balance.Closing,
                    t.Ledger.Closing,
                    t.Difference)).ToList())
            {
                Figures = (row, column) => column == 0 ? new ReportFigure(FigureKind.LegacyAccount, (string)row[0]!) : null,
            },
            new(Unmapped, "Lignes non mappées", "Niet-gemapte lijnen",
                [LegacyAccount, new("Article", "Artikel", CellKind.Text), new("Lignes", "Lijnen", CellKind.Count), Debit, Credit],
                result.Unmapped.Select(u => Row(u.Account, u.Article, u.Count, u.Amounts.Debit, u.Amounts.Credit)).ToList())
            {
                Figures = (row, column) => column switch
                {
                    0 => new ReportFigure(FigureKind.LegacyAccount, (string)row[0]!),
                    2 => new ReportFigure(FigureKind.Unmapped, (string)row[0]!),
                    _ => null,
                },
            },
            new(Rejected, "Lignes rejetées", "Verworpen lijnen",
                [new("Fichier", "Bestand", CellKind.Text), new("Ligne", "Lijn", CellKind.Count), new("Colonne", "Kolom", CellKind.Text),
                 new("Motif", "Reden", CellKind.Text), new("Message", "Bericht", CellKind.Text), new(
                     "Ligne brute",
                     "Ruwe lijn",
                     CellKind.Code)],
                result.Rejected.Select(
                    r => Row(r.File, r.Line, r.Column, r.Reason, Mask(result, r.Message, options), RawText(result, r, options))).ToList())
            {
                Figures = (row, column) => column == 0 ? new ReportFigure(FigureKind.Rejected, (string)row[0]!) : null,
            },
            new(UnbalancedDocuments, "Pièces déséquilibrées", "Onevenwichtige stukken",
                [new("Exercice", "Boekjaar", CellKind.Count), new("Journal", "Dagboek", CellKind.Text), new("Pièce", "Stuk", CellKind.Text),
                 new("Débit migré", "Debet gemigreerd", CellKind.Money), new("Crédit migré", "Credit gemigreerd", CellKind.Money),
                 new("Débit non mappé", "Debet niet gemapt", CellKind.Money), new("Crédit non mappé", "Credit niet gemapt", CellKind.Money),
                 new("Écart", "Verschil", CellKind.Money), new("Expliqué par non mappé", "Verklaard door niet gemapt", CellKind.Text)],
                result.UnbalancedDocuments.Select(d => Row(
                    (long)d.FiscalYear,
                    d.Journal,
                    d.Document,
                    d.Staged.Debit,
                    d.Staged.Credit,
                    d.Unmapped.Debit,
                    d.Unmapped.Credit,
                    d.Difference,
                    YesNo(d.ExplainedByUnmapped))).ToList())
            {
                Figures = (row, column) => column == 2
                    ? new ReportFigure(FigureKind.Document, string.Create(CultureInfo.InvariantCulture, $"{row[0]}/{row[1]}/{row[2]}"))
                    : null,
            },
            ContinuityTable(result.Continuity, _ => true),
            SignOffTable(result),
        ];
    }

    /// <summary>The run's sign-offs so far: who, when, what they read (the report's SHA-256, the run's fingerprint) and decided.</summary>
    public static ReportTable SignOffTable(ReconciliationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(SignOffs, "Signatures", "Handtekeningen",
            [new("Date (UTC)", "Datum (UTC)", CellKind.Text), new("Signataire", "Ondertekenaar", CellKind.Text), new(
                "Rôle",
                "Rol",
                CellKind.Text),
             new("Décision", "Beslissing", CellKind.Text), new("Réconciliation lue", "Gelezen aansluiting", CellKind.Text), new(
                 "Rapport lu",
                 "Gelezen rapport",
                 CellKind.Text),
             new("SHA-256 du rapport", "SHA-256 van het rapport", CellKind.Code), new(
                 "Empreinte signée",
                 "Getekende vingerafdruk",
                 CellKind.Code),
             new("Empreinte de cette migration", "Vingerafdruk van deze migratie", CellKind.Text), new(
                 "Commentaire",
                 "Opmerking",
                 CellKind.Text)],
            result.SignOffs.Select(s => Row(
                s.SignedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), s.Signer.Name, ReportTexts.RoleName(
                    s.Signer.Role).In(ReaderLanguage.Both),
                ReportTexts.DecisionName(s.Decision).In(ReaderLanguage.Both), s.Reconciliation, s.Report.Name, s.Report.Sha256, s
                    .Fingerprint,
                (s.Fingerprint == result.Run.Fingerprint ? ReportTexts.SameFingerprint : ReportTexts.OtherFingerprint).In(
                    ReaderLanguage.Both), s.Comment)).ToList());
    }

    /// <summary>The checks table's columns, the run's and the cut-over package's: figures, then the sentences in both languages.</summary>
    internal static ReportColumn[] CheckColumns() =>
        [new("N°", "Nr", CellKind.Count), new("Contrôle", "Controle", CellKind.Text), new("Statut", "Status", CellKind.Text),
         new("Attendu", "Verwacht", CellKind.Figure), new("Trouvé", "Gevonden", CellKind.Figure), new(
             "Différence",
             "Verschil",
             CellKind.Figure),
         new("Unité", "Eenheid", CellKind.Text), new("Tolérance", "Tolerantie", CellKind.Figure),
         new("Constat et suite à donner", "Constat et suite à donner", CellKind.Text), new(
             "Vaststelling en opvolging",
             "Vaststelling en opvolging",
             CellKind.Text)];

    /// <summary>A comparison as a row of the checks table: its check's title, never its technical name (that stays in the JSON).</summary>
    internal static object?[] CheckRow(CheckResult c)
    {
        var sentence = ReportTexts.Sentence(c);
        return Row(
            (long)c.Number,
            $"{c.Check.French} / {c.Check.Dutch}",
            c.Status.ToCode(),
            Figure(c, c.Expected),
            Figure(c, c.Found),
            Figure(c, c.Difference),
            ReportTexts.Unit(c.Unit).In(ReaderLanguage.Both),
            c.Tolerance is { } t ? Figure(c, t) : null,
            sentence.French,
            sentence.Dutch);
    }

    /// <summary>
    /// Check 10, one row per account of each checked pair (<paramref name="include"/> picks them), and one row saying why
    /// for a pair left unchecked. The history report shows the same table for every pair of the entity's years.
    /// </summary>
    public static ReportTable ContinuityTable(IEnumerable<ContinuityPair> pairs, Func<ContinuityRow, bool> include)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var rows = new List<object?[]>();
        foreach (var pair in pairs)
        {
            var years = $"{pair.EarlierYear} → {pair.LaterYear}";
            if (!pair.IsChecked)
            {
                rows.Add(Row(
                    years,
                    pair.Earlier?.RunId.Value,
                    pair.Later?.RunId.Value,
                    ContinuityText.StatusCode(pair),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    ContinuityText.Bilingual(pair)));
                continue;
            }

            foreach (var row in pair.Rows.Where(include))
            {
                var side = ContinuityText.Side(row.Side);
                var nature = ContinuityText.Nature(row.Nature);
                rows.Add(Row(
                    years,
                    pair.Earlier!.RunId.Value,
                    pair.Later!.RunId.Value,
                    ContinuityText.StatusCode(pair),
                    $"{side.French} / {side.Dutch}",
                    row.Account,
                    row.Closing,
                    row.Expected,
                    row.Opening,
                    row.Difference,
                    $"{nature.French} / {nature.Dutch}"));
            }
        }

        return new(Continuity, CheckId.Continuity.French, CheckId.Continuity.Dutch,
            [new("Exercices", "Boekjaren", CellKind.Text), new("Exécution N", "Uitvoering N", CellKind.Text), new(
                "Exécution N+1",
                "Uitvoering N+1",
                CellKind.Text),
             new("Statut", "Status", CellKind.Text), new("Comptes", "Rekeningen", CellKind.Text), Account,
             new("Clôture N (D−C)", "Afsluiting N (D−C)", CellKind.Money), new("Ouverture attendue", "Verwachte opening", CellKind.Money),
             new("Ouverture N+1 (D−C)", "Opening N+1 (D−C)", CellKind.Money), new("Écart", "Verschil", CellKind.Money), new(
                 "Constat",
                 "Vaststelling",
                 CellKind.Text)],
            rows);
    }

    /// <summary>The raw text of a rejected line, with a third party's personal data masked unless the options show it.</summary>
    public static string RawText(ReconciliationResult result, RejectedLineRow row, ReportOptions options)
    {
        if (options.ShowPersonalData)
        {
            return row.RawText;
        }

        return IsThirdPartyFile(result, row.File)
            ? PersonalData.MaskThirdPartyLine(row.RawText)
            : PersonalData.Mask(row.RawText, result.Masker, options);
    }

    /// <summary>Free text of the run (a label, a message) with its third parties' personal data masked unless the options show
    /// it.</summary>
    public static string Mask(ReconciliationResult result, string text, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        return PersonalData.Mask(text, result.Masker, options);
    }

    // The third-party file is the one whose rows went to third_parties; TIERS.csv is its name in the default profile.
    private static bool IsThirdPartyFile(ReconciliationResult result, string file) =>
        result.ThirdPartyFiles.Contains(file) || file.Contains("TIERS", StringComparison.OrdinalIgnoreCase);

    private static string YesNo(bool value) => value ? "oui / ja" : "non / nee";

    // A check's figures are euros (two decimals) or counts of lines, which are whole numbers in every format.
    private static object Figure(CheckResult check, decimal value) => check.IsMoney ? value : (object)decimal.ToInt64(value);

    private static object?[] Row(params object?[] cells) => cells;

    // A run's state in both languages, as the workbook's and CSV's labels are written.
    private static string StateOf(RunStatus status) => $"{ReportTexts.Of(status).French} / {ReportTexts.Of(status).Dutch}";
}
