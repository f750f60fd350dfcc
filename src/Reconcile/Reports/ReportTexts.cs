using Bascule.Load.Runs;
using Bascule.Load.Runs.SignOffs;
using Bascule.Reconcile.Model;

namespace Bascule.Reconcile.Reports;

/// <summary>
/// Every French and Dutch text of the reconciliation report's pages, in one place: the components show them in the
/// reader's language (<see cref="ReaderLanguage"/>). Check titles stay on <see cref="CheckId"/>, the mapping's approval
/// in <see cref="ApprovalText"/>, check 10's findings in <see cref="ContinuityText"/>, table columns on their
/// <see cref="Tables.ReportColumn"/>; what a difference means and who acts on it is in <c>ReportTexts.Differences.cs</c>.
/// </summary>
public static partial class ReportTexts
{
    public static readonly Bilingual DocumentTitle = new("Réconciliation", "Aansluiting");
    public static readonly Bilingual Title = new("Rapport de réconciliation", "Aansluitingsrapport");
    public static readonly Bilingual Entity = new("Entité", "Entiteit");
    public static readonly Bilingual FiscalYear = new("Exercice", "Boekjaar");
    public static readonly Bilingual Run = new("Migration", "Migratie");
    public static readonly Bilingual Fingerprint = new("Empreinte", "Vingerafdruk");
    public static readonly Bilingual FingerprintNote = new(
        "SHA-256 des lignes de la migration, que bascule verify recalcule",
        "SHA-256 van de lijnen van de migratie, die bascule verify herberekent");
    public static readonly Bilingual NoFingerprint = new(
        "pas encore calculée : la migration n'est pas terminée",
        "nog niet berekend: de migratie is niet voltooid");
    public static readonly Bilingual Mapping = new("Table de correspondance", "Mappingtabel");
    public static readonly Bilingual Approval = new("Approbation", "Goedkeuring");
    public static readonly Bilingual LedgerReadFrom = new("Écritures source lues dans", "Bronboekingen gelezen uit");
    public static readonly Bilingual StagingDatabase = new("base de staging", "stagingdatabank");
    public static readonly Bilingual ComputedOn = new("Calculé le", "Berekend op");
    public static readonly Bilingual Summary = new("Résumé", "Samenvatting");
    public static readonly Bilingual Checks = new("Contrôles", "Controles");
    public static readonly Bilingual Number = new("N°", "Nr");
    public static readonly Bilingual Check = new("Contrôle", "Controle");
    public static readonly Bilingual Status = new("Statut", "Status");
    public static readonly Bilingual Comparisons = new("Comparaisons", "Vergelijkingen");
    public static readonly Bilingual Differences = new("Écarts et suite à donner", "Verschillen en opvolging");
    public static readonly Bilingual AllComparisons = new("Toutes les comparaisons", "Alle vergelijkingen");
    public static readonly Bilingual Expected = new("Attendu", "Verwacht");
    public static readonly Bilingual Found = new("Trouvé", "Gevonden");
    public static readonly Bilingual Difference = new("Différence", "Verschil");
    public static readonly Bilingual UnitHeader = new("Unité", "Eenheid");
    public static readonly Bilingual Finding = new("Constat", "Vaststelling");
    public static readonly Bilingual Tolerance = new("tolérance", "tolerantie");
    public static readonly Bilingual Unchecked = new("NON VÉRIFIÉ", "NIET GECONTROLEERD");
    public static readonly Bilingual NoLines = new("Aucune ligne.", "Geen lijnen.");
    public static readonly Bilingual Debit = new("Débit", "Debet");
    public static readonly Bilingual Credit = new("Crédit", "Credit");
    public static readonly Bilingual Balance = new("Solde", "Saldo");
    public static readonly Bilingual LegacyAccount = new("Compte ancien", "Oude rekening");
    public static readonly Bilingual NewAccount = new("Compte nouveau", "Nieuwe rekening");

    // The key figures of the summary.
    public static readonly Bilingual SourceDebit = new("Débit source", "Debet bron");
    public static readonly Bilingual SourceCredit = new("Crédit source", "Credit bron");
    public static readonly Bilingual StagedDebit = new("Débit migré", "Debet gemigreerd");
    public static readonly Bilingual StagedCredit = new("Crédit migré", "Credit gemigreerd");
    public static readonly Bilingual UnmappedDebit = new("Débit non mappé", "Debet niet gemapt");
    public static readonly Bilingual UnmappedCredit = new("Crédit non mappé", "Credit niet gemapt");
    public static readonly Bilingual DebitDifference = new("Écart débit", "Verschil debet");
    public static readonly Bilingual CreditDifference = new("Écart crédit", "Verschil credit");
    public static readonly Bilingual LinesRead = new("Lignes lues (tous fichiers)", "Gelezen lijnen (alle bestanden)");
    public static readonly Bilingual LinesRejected = new("Lignes rejetées", "Verworpen lijnen");

    // The sections, in report order.
    public static readonly Bilingual SourceFiles = new("Fichiers source", "Bronbestanden");
    public static readonly Bilingual ByJournal = new("Par exercice et journal", "Per boekjaar en dagboek");
    public static readonly Bilingual ByLegacyAccount = new("Par compte ancien → lignes cibles", "Per oude rekening → doellijnen");
    public static readonly Bilingual ByNewAccount = new(
        "Par compte nouveau, avec les comptes anciens qui l'alimentent",
        "Per nieuwe rekening, met de oude rekeningen die ze voeden");
    public static readonly Bilingual TrialBalance = new("Balance ancienne et écritures", "Oude balans en boekingen");
    public static readonly Bilingual UnmappedLines = new("Lignes non mappées", "Niet-gemapte lijnen");
    public static readonly Bilingual RejectedLines = new("Lignes rejetées (motif et ligne brute)", "Verworpen lijnen (reden en ruwe lijn)");
    public static readonly Bilingual UnbalancedDocuments = new(
        "Pièces déséquilibrées après migration",
        "Onevenwichtige stukken na migratie");
    public static readonly Bilingual AllAccountsOfPair = new("Tous les comptes de la paire", "Alle rekeningen van het paar");

    // Sign-off: those recorded, then the block signed on paper.
    public static readonly Bilingual SignOffs = new("Signatures enregistrées", "Geregistreerde handtekeningen");
    public static readonly Bilingual NoSignOffs = new(
        "Aucune signature enregistrée pour cette migration.",
        "Geen handtekening geregistreerd voor deze migratie.");
    public static readonly Bilingual SignedOn = new("Date (UTC)", "Datum (UTC)");
    public static readonly Bilingual Signer = new("Signataire", "Ondertekenaar");
    public static readonly Bilingual Role = new("Rôle", "Rol");
    public static readonly Bilingual Decision = new("Décision", "Beslissing");
    public static readonly Bilingual ReportRead = new("Rapport lu (SHA-256)", "Gelezen rapport (SHA-256)");
    public static readonly Bilingual FingerprintSigned = new("Empreinte signée", "Getekende vingerafdruk");
    public static readonly Bilingual Comment = new("Commentaire", "Opmerking");
    public static readonly Bilingual SameFingerprint = new("identique à celle de ce rapport", "dezelfde als in dit rapport");
    public static readonly Bilingual OtherFingerprint = new(
        "DIFFÉRENTE de celle de ce rapport : la migration a changé depuis",
        "VERSCHILLEND van die in dit rapport: de migratie is sindsdien gewijzigd");
    public static readonly Bilingual PaperSignOff = new("Approbation", "Goedkeuring");
    public static readonly Bilingual PreparedBy = new("Préparé par", "Opgesteld door");
    public static readonly Bilingual ReviewedBy = new("Revu par", "Nagekeken door");
    public static readonly Bilingual Date = new("Date", "Datum");
    public static readonly Bilingual NameRoleSignature = new("Nom, fonction, signature", "Naam, functie, handtekening");

    public static Bilingual RoleName(SignOffRole role) => role switch
    {
        SignOffRole.Accountant => new("comptable", "boekhouder"),
        _ => new("auditeur", "auditor"),
    };

    public static Bilingual DecisionName(SignOffDecision decision) => decision switch
    {
        SignOffDecision.PublishHeld => new("publication d'une migration retenue", "publicatie van een tegengehouden migratie"),
        _ => new("rapport revu", "rapport nagekeken"),
    };

    /// <summary>What the run's status means for the reader, under the status badge.</summary>
    public static Bilingual Verdict(Verdict status) => status switch
    {
        Model.Verdict.Ok => new(
            "Rien n'est apparu ni disparu : tous les contrôles concordent.",
            "Niets is verschenen of verdwenen: alle controles kloppen."),
        Model.Verdict.Warning => new(
            "Rien n'a disparu, mais des exceptions sont à traiter avant approbation.",
            "Niets is verdwenen, maar er zijn uitzonderingen te behandelen vóór goedkeuring."),
        _ => new(
            "Au moins un contrôle échoue : ne pas approuver avant d'en connaître la cause.",
            "Minstens één controle faalt: niet goedkeuren vóór de oorzaak gekend is."),
    };

    /// <summary>The unit a check's figures are counted in.</summary>
    public static Bilingual Unit(string unit) => unit switch
    {
        Units.Euro => new("EUR", "EUR"),
        Units.Lines => new("lignes", "lijnen"),
        Units.Accounts => new("comptes", "rekeningen"),
        Units.Documents => new("pièces", "stukken"),
        Units.Articles => new("articles", "artikelen"),
        Units.Files => new("fichiers", "bestanden"),
        Units.Items => new("postes", "posten"),
        Units.Commitments => new("engagements", "vastleggingen"),
        _ => new(unit, unit),
    };

    // A run's state as people read it (a migration, une exécution: feminine in French); the code stays in JSON only.
    public static readonly Bilingual RunPublished = new("publiée", "gepubliceerd");
    public static readonly Bilingual RunHeld = new("retenue, non publiée", "tegengehouden, niet gepubliceerd");
    public static readonly Bilingual RunSuperseded = new("remplacée", "vervangen");
    public static readonly Bilingual RunLoading = new("en chargement", "wordt geladen");
    public static readonly Bilingual RunFailed = new("échouée", "mislukt");

    public static Bilingual Of(RunStatus status) => status switch
    {
        RunStatus.Published => RunPublished,
        RunStatus.Held => RunHeld,
        RunStatus.Superseded => RunSuperseded,
        RunStatus.Loading => RunLoading,
        _ => RunFailed,
    };
}
