namespace Bascule.Reconcile.Reports;

/// <summary>The French and Dutch texts of the cut-over and history reports' pages (their tables' columns are on the tables).</summary>
public static partial class ReportTexts
{
    public static class Cutover
    {
        public static readonly Bilingual DocumentTitle = new("Bascule", "Overgang");
        public static readonly Bilingual Title = new("Situation d'ouverture au", "Openingstoestand op");
        public static readonly Bilingual LastLegacyYear = new("Dernier exercice ancien", "Laatste oude boekjaar");
        public static readonly Bilingual ClosingRule = new("Règle de clôture", "Afsluitingsregel");
        public static readonly Bilingual ResultPostedTo = new(
            "résultat des classes 6 et 7 porté au compte",
            "resultaat van klassen 6 en 7 geboekt op rekening");
        public static readonly Bilingual OpeningDebit = new("Soldes d'ouverture débit", "Openingssaldi debet");
        public static readonly Bilingual OpeningCredit = new("Soldes d'ouverture crédit", "Openingssaldi credit");
        public static readonly Bilingual ClosedResult = new(
            "Résultat clôturé (6 + 7, débit − crédit)",
            "Afgesloten resultaat (6 + 7, debet − credit)");
        public static readonly Bilingual OffBalance = new("Hors bilan exclu (0)", "Buiten balans uitgesloten (0)");
        public static readonly Bilingual OpenItems = new("Postes ouverts", "Openstaande posten");
        public static readonly Bilingual OpenCommitments = new("Engagements ouverts", "Openstaande vastleggingen");
        public static readonly Bilingual SignOffTitle = new(
            "Approbation de la situation d'ouverture",
            "Goedkeuring van de openingstoestand");

        /// <summary>What each of the package's three checks establishes, in order: the sections' titles and what is signed.</summary>
        public static readonly IReadOnlyList<Bilingual> Sections =
        [
            new("Soldes d'ouverture = clôture ancienne", "Openingssaldi = oude afsluiting"),
            new("Postes ouverts par tiers = solde du compte", "Openstaande posten per derde = saldo van de rekening"),
            new("Engagements ouverts = engagé − imputé", "Openstaande vastleggingen = vastgelegd − aangerekend"),
        ];
    }

    public static class History
    {
        public static readonly Bilingual DocumentTitle = new("Historique", "Historiek");
        public static readonly Bilingual Title = new("Historique de l'entité", "Historiek van de entiteit");
        public static readonly Bilingual Years = new("Exercices", "Boekjaren");

        /// <summary>Check 10 over the entity's years, under the status badge; <paramref name="open"/> pairs are unchecked.</summary>
        public static Bilingual Verdict(bool failed, int open)
        {
            var (fr, nl) = open == 0 ? ("", "") : ($" {open} paire(s) non vérifiée(s) : un exercice sans exécution publiée.",
                $" {open} paar/paren niet gecontroleerd: een boekjaar zonder gepubliceerde uitvoering.");
            return failed
                ? new(
                    "Au moins un exercice n'ouvre pas à la clôture du précédent : voir les comptes en écart ci-dessous." + fr,
                    "Minstens één boekjaar opent niet op de afsluiting van het vorige: zie de rekeningen met een verschil hieronder." + nl)
                : new(
                    "Chaque exercice vérifié ouvre à la clôture du précédent." + fr,
                    "Elk gecontroleerd boekjaar opent op de afsluiting van het vorige." + nl);
        }
    }
}
