using Bascule.Reconcile.Cutover.Model;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Reports;
using Bascule.Reconcile.Reports.Tables;

namespace Bascule.Reconcile.Cutover.Reports;

/// <summary>The package reconciliation's tables, the same for HTML, the workbook (one sheet each) and the CSV files.</summary>
public static class CutoverTables
{
    public const string Checks = "checks";
    public const string OpeningBalances = "opening-balances";
    public const string LegacyClosing = "legacy-closing";
    public const string OpenItemAccounts = "open-item-accounts";
    public const string OpenItemControlAccounts = "open-item-control-accounts";
    public const string OpenItems = "open-items";
    public const string OpenCommitments = "open-commitments";
    public const string OverCharged = "over-charged";
    public const string OpenCommitmentArticles = "open-commitment-articles";

    private static readonly ReportColumn NewAccount = new("Compte nouveau", "Nieuwe rekening", CellKind.Text);
    private static readonly ReportColumn Debit = new("Débit", "Debet", CellKind.Money);
    private static readonly ReportColumn Credit = new("Crédit", "Credit", CellKind.Money);
    private static readonly ReportColumn Difference = new("Écart", "Verschil", CellKind.Money);

    public static IReadOnlyList<ReportTable> Build(CutoverResult result, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        return
        [
            // Each comparison as the run's are: a sentence in both languages with what to do next and who; the technical names stay in the
            // JSON.
            new(Checks, "Contrôles", "Controles", ReportTables.CheckColumns(), result.Checks.Select(ReportTables.CheckRow).ToList()),
            new(OpeningBalances, "Soldes d'ouverture", "Openingssaldi",
                [NewAccount, Debit, Credit, new("Dont résultat clôturé", "Waarvan afgesloten resultaat", CellKind.Money)],
                result.OpeningBalances.Select(b => Row(b.Account, b.Debit, b.Credit, b.ClosedResult)).ToList()),
            new(LegacyClosing, "Clôture ancienne par compte", "Oude afsluiting per rekening",
                [new("Compte ancien", "Oude rekening", CellKind.Text), new("Libellé", "Omschrijving", CellKind.Text),
                 new("Clôture (balance)", "Afsluiting (balans)", CellKind.Money), new(
                     "Clôture (écritures)",
                     "Afsluiting (boekingen)",
                     CellKind.Money),
                 new("Soldes d'ouverture", "Openingssaldi", CellKind.Money), new(
                     "Résultat clôturé",
                     "Afgesloten resultaat",
                     CellKind.Money),
                 new("Hors bilan (exclu)", "Buiten balans (uitgesloten)", CellKind.Money), new(
                     "Non mappé",
                     "Niet gemapt",
                     CellKind.Money), Difference],
                result.LegacyAccounts.Select(a => Row(
                    a.Account,
                    PersonalData.Mask(a.Label, result.Masker, options),
                    a.BalanceClosing,
                    a.LedgerClosing,
                    a.Carried,
                    a.ClosedToResult,
                    a.OffBalance,
                    a.Unmapped,
                    a.Difference)).ToList()),
            new(OpenItemAccounts, "Postes ouverts par compte", "Openstaande posten per rekening",
                [NewAccount, new("Postes", "Posten", CellKind.Count), new("Sans tiers", "Zonder derde", CellKind.Count),
                 new("Total des postes", "Totaal van de posten", CellKind.Money), new(
                     "Solde d'ouverture",
                     "Openingssaldo",
                     CellKind.Money), Difference],
                result.OpenItemAccounts.Select(a => Row(a.Account, a.Items, a.WithoutThirdParty, a.ItemsNet, a.Balance, a.Difference))
                    .ToList()),
            new(OpenItemControlAccounts, "Postes ouverts par compte collectif ancien = clôture (BALANCE)", "Openstaande posten per oude "
                + "centralisatierekening = afsluiting (BALANCE)",
                [new("Compte ancien", "Oude rekening", CellKind.Text), new("Libellé", "Omschrijving", CellKind.Text),
                 new("Clôture (balance)", "Afsluiting (balans)", CellKind.Money), new(
                     "Non reporté (hors bilan, résultat)",
                     "Niet overgedragen (buiten balans, resultaat)",
                     CellKind.Money),
                 new("Attendu", "Verwacht", CellKind.Money), new("Non mappé", "Niet gemapt", CellKind.Money), new(
                     "Postes",
                     "Posten",
                     CellKind.Count),
                 new("Total des postes", "Totaal van de posten", CellKind.Money), Difference],
                result.ControlAccounts.Select(a => Row(
                    a.LegacyAccount,
                    PersonalData.Mask(a.Label, result.Masker, options),
                    a.Closing,
                    a.NotCarried,
                    a.Expected,
                    a.Unmapped,
                    a.Items,
                    a.ItemsNet,
                    a.Difference)).ToList()),
            new(OpenItems, "Postes ouverts", "Openstaande posten",
                [NewAccount, new("Compte ancien", "Oude rekening", CellKind.Text), new("Tiers", "Derde", CellKind.Text), new(
                    "Nom",
                    "Naam",
                    CellKind.Text),
                 new("Journal", "Dagboek", CellKind.Text), new("Pièce", "Stuk", CellKind.Text), new(
                     "Date",
                     "Datum",
                     CellKind.Text), Debit, Credit],
                result.OpenItems.Select(i => Row(
                    i.Account,
                    i.LegacyAccount,
                    i.ThirdParty ?? "(sans tiers / zonder derde)",
                    i.ThirdPartyName,
                    i.Journal,
                    i.Document,
                    Day(i.Date),
                    i.Debit,
                    i.Credit)).ToList()),
            new(
                OpenCommitments,
                "Engagements ouverts",
                "Openstaande vastleggingen",
                CommitmentColumns(),
                result.OpenCommitments.Select(c => CommitmentRow(result, c, options)).ToList()),
            new(OverCharged, "Engagements imputés au-delà du montant engagé", "Vastleggingen boven het vastgelegde bedrag aangerekend",
                CommitmentColumns(), result.OverCharged.Select(c => CommitmentRow(result, c, options)).ToList()),
            new(OpenCommitmentArticles, "Engagements ouverts par article = engagé − imputé (ARTICLES)", "Openstaande vastleggingen per "
                + "artikel = vastgelegd − aangerekend (ARTICLES)",
                [new("Article ancien", "Oud artikel", CellKind.Text), new("Libellé", "Omschrijving", CellKind.Text),
                 new("Engagé (ARTICLES)", "Vastgelegd (ARTICLES)", CellKind.Money), new(
                     "Imputé (ARTICLES)",
                     "Aangerekend (ARTICLES)",
                     CellKind.Money),
                 new("Attendu", "Verwacht", CellKind.Money), new("Engagements", "Vastleggingen", CellKind.Count),
                 new("Ouvert reporté", "Overgedragen open", CellKind.Money), new(
                     "Imputé au-delà de l'engagé",
                     "Boven vastgelegd aangerekend",
                     CellKind.Money), Difference],
                result.CommitmentArticles.Select(a => Row(
                    a.Article,
                    PersonalData.Mask(a.Label, result.Masker, options),
                    a.Committed,
                    a.Charged,
                    a.Expected,
                    a.Commitments,
                    a.Carried,
                    a.OverCharged,
                    a.Difference)).ToList()),
        ];
    }

    private static ReportColumn[] CommitmentColumns() =>
        [new("Engagement", "Vastlegging", CellKind.Text), new("Exercice", "Boekjaar", CellKind.Count), new("Date", "Datum", CellKind.Text),
         new("Article ancien", "Oud artikel", CellKind.Text), new("Fonction", "Functie", CellKind.Text), new(
             "Économique",
             "Economisch",
             CellKind.Text),
         new("Correspondance", "Overeenstemming", CellKind.Text), new("Tiers", "Derde", CellKind.Text), new(
             "Libellé",
             "Omschrijving",
             CellKind.Text),
         new("Engagé", "Vastgelegd", CellKind.Money), new("Imputé", "Aangerekend", CellKind.Money), new("Ouvert", "Open", CellKind.Money)];

    private static object?[] CommitmentRow(CutoverResult result, OpenCommitment c, ReportOptions options) =>
        Row(
            c.Number,
            (long)c.FiscalYear,
            Day(c.Date),
            c.LegacyArticle,
            c.Function,
            c.Economic,
            c.Mapping.ToCode(),
            c.ThirdParty,
            PersonalData.Mask(c.Label, result.Masker, options),
            c.Committed,
            c.Charged,
            c.Open);

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static object?[] Row(params object?[] cells) => cells;
}
