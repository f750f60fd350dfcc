using Bascule.Jobs.Workspace.Fleet;
using Bascule.Load.Runs;
using Bascule.Load.Runs.SignOffs;
using Bascule.Reconcile.Reports;

namespace Bascule.Jobs.Workspace;

/// <summary>The texts of the workspace's pages, French and Dutch side by side; a page shows its reader's language.</summary>
public static class WorkspaceTexts
{
    public static readonly Bilingual Product = new("Bascule", "Bascule");
    public static readonly Bilingual SwitchTo = new("Nederlands", "Français");
    public static readonly Bilingual JobsDashboard = new("Tableau de bord des tâches", "Dashboard van de taken");
    public static readonly Bilingual FleetTitle = new("Exécutions par entité et exercice", "Uitvoeringen per entiteit en boekjaar");
    public static readonly Bilingual FleetCaption = new(
        "Par entité et exercice : l'exécution publiée, les exécutions retenues, la dernière tâche, les signatures et les rapports",
        "Per entiteit en boekjaar: de gepubliceerde uitvoering, de tegengehouden uitvoeringen, de laatste taak, de aftekeningen en de "
            + "rapporten");
    public static readonly Bilingual FleetEmpty = new("Aucune exécution ni tâche pour l'instant.", "Nog geen uitvoering of taak.");
    public static readonly Bilingual Entity = new("Entité", "Entiteit");
    public static readonly Bilingual Year = new("Exercice", "Boekjaar");
    public static readonly Bilingual PublishedRun = new("Exécution publiée", "Gepubliceerde uitvoering");
    public static readonly Bilingual HeldRuns = new("Exécutions retenues", "Tegengehouden uitvoeringen");
    public static readonly Bilingual LastJob = new("Dernière tâche", "Laatste taak");
    public static readonly Bilingual SignOffState = new("Signatures", "Aftekeningen");
    public static readonly Bilingual Reports = new("Rapports", "Rapporten");
    public static readonly Bilingual NonePublished = new("aucune publiée", "geen gepubliceerd");
    public static readonly Bilingual PublishedOverFailed = new(
        "publiée après revue, malgré la réconciliation",
        "gepubliceerd na nazicht, ondanks de reconciliatie");
    public static readonly Bilingual By = new("par", "door");
    public static readonly Bilingual NotSigned = new("non signée", "niet afgetekend");
    public static readonly Bilingual Evidence = new("Dossier de preuves (ZIP)", "Bewijsdossier (ZIP)");
    public static readonly Bilingual NoRunYet = new("aucune exécution", "geen uitvoering");

    public static readonly Bilingual Enqueued = new("en file d'attente", "in de wachtrij");
    public static readonly Bilingual Scheduled = new("nouvel essai prévu", "nieuwe poging gepland");
    public static readonly Bilingual Processing = new("en cours", "bezig");
    public static readonly Bilingual Succeeded = new("réussie", "geslaagd");
    public static readonly Bilingual Failed = new("échouée", "mislukt");

    public static readonly Bilingual StatusPublished = ReportTexts.RunPublished;
    public static readonly Bilingual StatusHeld = ReportTexts.RunHeld;

    public static readonly Bilingual RunTitle = new("Exécution", "Uitvoering");
    public static readonly Bilingual RunFacts = new("L'exécution", "De uitvoering");
    public static readonly Bilingual Status = new("État", "Status");
    public static readonly Bilingual Reconciliation = new("Réconciliation", "Reconciliatie");
    public static readonly Bilingual Fingerprint = new("Empreinte", "Vingerafdruk");
    public static readonly Bilingual Mapping = new("Correspondance", "Mapping");
    public static readonly Bilingual Started = new("Début (UTC)", "Start (UTC)");
    public static readonly Bilingual BackToFleet = new("Retour aux exécutions", "Terug naar de uitvoeringen");
    public static readonly Bilingual NoSuchRun = new(
        "Aucune exécution ne porte cet identifiant.",
        "Geen uitvoering heeft deze identificatie.");

    public static readonly Bilingual SignOffs = new("Signatures", "Aftekeningen");
    public static readonly Bilingual SignOffsCaption = new(
        "Signatures de cette exécution, la plus ancienne d'abord",
        "Aftekeningen van deze uitvoering, de oudste eerst");
    public static readonly Bilingual NoSignOff = new("Aucune signature pour l'instant.", "Nog geen aftekening.");
    public static readonly Bilingual SignedAt = new("Date (UTC)", "Datum (UTC)");
    public static readonly Bilingual SignerHeader = new("Signataire", "Ondertekenaar");
    public static readonly Bilingual Role = new("Rôle", "Rol");
    public static readonly Bilingual Decision = new("Décision", "Beslissing");
    public static readonly Bilingual ReportRead = new("Rapport lu (SHA-256)", "Gelezen rapport (SHA-256)");
    public static readonly Bilingual Comment = new("Commentaire", "Opmerking");
    public static readonly Bilingual Accountant = new("comptable", "boekhouder");
    public static readonly Bilingual Auditor = new("auditeur", "auditor");
    public static readonly Bilingual Reviewed = new("rapport revu", "rapport nagekeken");
    public static readonly Bilingual PublishHeld = new("publication de l'exécution retenue", "publicatie van de tegengehouden uitvoering");

    public static readonly Bilingual SignTitle = new("Signer le rapport", "Het rapport aftekenen");
    public static readonly Bilingual SignExplain = new(
        "Votre signature enregistre votre nom, votre rôle, l'empreinte de l'exécution et le SHA-256 du rapport HTML actuel de "
            + "l'exécution. Elle ne peut plus être modifiée.",
        "Uw aftekening registreert uw naam, uw rol, de vingerafdruk van de uitvoering en de SHA-256 van het huidige HTML-rapport van de "
            + "uitvoering. Ze kan niet meer gewijzigd worden.");
    public static readonly Bilingual CommentRequired = new(
        "Commentaire (obligatoire : la réconciliation n'est pas OK ; dites ce qui a été vérifié et pourquoi c'est accepté)",
        "Opmerking (verplicht: de reconciliatie is niet OK; zeg wat nagekeken werd en waarom het aanvaard wordt)");
    public static readonly Bilingual CommentOptional = new("Commentaire (facultatif)", "Opmerking (facultatief)");
    public static readonly Bilingual SignAs = new("Signer en tant que", "Aftekenen als");
    public static readonly Bilingual SignButton = new("Signer", "Aftekenen");
    public static readonly Bilingual PublishTitle = new("Publier l'exécution retenue", "De tegengehouden uitvoering publiceren");
    public static readonly Bilingual PublishExplain = new(
        "L'exécution est retenue : sa réconciliation est moins bonne que celle de l'exécution publiée, ou FAILED. La publier remplace "
            + "l'exécution publiée de cette entité et de cet exercice ; votre signature doit expliquer pourquoi.",
        "De uitvoering is tegengehouden: haar reconciliatie is slechter dan die van de gepubliceerde uitvoering, of FAILED. Haar "
            + "publiceren vervangt de gepubliceerde uitvoering van deze entiteit en dit boekjaar; uw aftekening moet uitleggen waarom.");
    public static readonly Bilingual PublishReason = new(
        "Raison (obligatoire : pourquoi la réconciliation est acceptée)", "Reden (verplicht: waarom de reconciliatie aanvaard wordt)");
    public static readonly Bilingual PublishButton = new("Signer et publier", "Aftekenen en publiceren");
    public static readonly Bilingual CannotSignLocal = new(
        "Pour signer, connectez-vous : une signature enregistre qui a signé, et ce serveur n'a pas d'utilisateurs (réglages "
            + "Dashboard:Users et Access:Accountants ou Access:Auditors).",
        "Om af te tekenen moet u zich aanmelden: een aftekening registreert wie aftekende, en deze server heeft geen gebruikers "
            + "(instellingen Dashboard:Users en Access:Accountants of Access:Auditors).");
    public static readonly Bilingual CannotSignRole = new(
        "Seuls un comptable ou un auditeur signent : votre nom n'est pas dans Access:Accountants ni Access:Auditors.",
        "Enkel een boekhouder of een auditor tekent af: uw naam staat niet in Access:Accountants of Access:Auditors.");
    public static readonly Bilingual CannotSignIncomplete = new(
        "Seule une exécution terminée (publiée, retenue ou remplacée) a des chiffres et une empreinte à signer.",
        "Enkel een voltooide uitvoering (gepubliceerd, tegengehouden of vervangen) heeft cijfers en een vingerafdruk om af te tekenen.");

    public static readonly Bilingual SignOffRecorded = new("Votre signature est enregistrée.", "Uw aftekening is geregistreerd.");
    public static readonly Bilingual Published = new(
        "L'exécution est publiée, avec votre signature.",
        "De uitvoering is gepubliceerd, met uw aftekening.");
    public static readonly Bilingual Refused = new("Rien n'a été enregistré", "Er werd niets geregistreerd");
    public static readonly Bilingual RefusedCommentMissing = new(
        "la réconciliation de cette exécution n'est pas OK : une signature dit ce qui a été vérifié et pourquoi c'est accepté. Écrivez-le "
            + "dans le commentaire.",
        "de reconciliatie van deze uitvoering is niet OK: een aftekening zegt wat nagekeken werd en waarom het aanvaard wordt. Schrijf "
            + "dat in de opmerking.");
    public static readonly Bilingual RefusedReasonMissing = new(
        "publier une exécution retenue demande une signature qui explique pourquoi sa réconciliation est acceptée. Écrivez-le dans la "
            + "raison.",
        "een tegengehouden uitvoering publiceren vraagt een aftekening die uitlegt waarom haar reconciliatie aanvaard wordt. Schrijf dat "
            + "in de reden.");
    public static readonly Bilingual RefusedNoReport = new(
        "le rapport HTML de l'exécution est introuvable : une signature enregistre le SHA-256 du rapport lu. Faites-le écrire par le "
            + "service informatique (bascule report --run).",
        "het HTML-rapport van de uitvoering is niet te vinden: een aftekening registreert de SHA-256 van het gelezen rapport. Laat het "
            + "schrijven door de informaticadienst (bascule report --run).");
    public static readonly Bilingual RefusedReportChanged = new(
        "le rapport de l'exécution a été réécrit depuis que vous avez ouvert cette page. Relisez-le, puis signez.",
        "het rapport van de uitvoering werd herschreven sinds u deze pagina opende. Lees het opnieuw en teken dan af.");
    public static readonly Bilingual RefusedNotHeld = new(
        "seule une exécution retenue se publie ainsi ; celle-ci ne l'est pas (ou plus).",
        "enkel een tegengehouden uitvoering wordt zo gepubliceerd; deze is het niet (meer).");
    public static readonly Bilingual RefusedForm = new(
        "le formulaire a expiré ou ne vient pas de cette page. Rechargez la page et recommencez.",
        "het formulier is verlopen of komt niet van deze pagina. Herlaad de pagina en begin opnieuw.");
    public static readonly Bilingual RefusedDatabase = new(
        "la base de staging a refusé l'opération (message technique ci-dessous, pour le service informatique).",
        "de staging-databank weigerde de bewerking (technisch bericht hieronder, voor de informaticadienst).");
    /// <summary>Beside the report links of a run whose files show personal data, for a reader without that right: the links
    /// give the reports regenerated for the download, masked.</summary>
    public static readonly Bilingual ReportsRegeneratedMasked = new(
        "régénérés à l'ouverture, données personnelles masquées (les fichiers écrits les montrent ; droit Access:PersonalData)",
        "opnieuw aangemaakt bij het openen, persoonsgegevens gemaskeerd (de geschreven bestanden tonen ze; recht Access:PersonalData)");
    public static readonly Bilingual EvidenceNotAllowed = new(
        "Seuls un comptable ou un auditeur téléchargent le dossier de preuves (Access:Accountants, Access:Auditors).",
        "Enkel een boekhouder of een auditor downloadt het bewijsdossier (Access:Accountants, Access:Auditors).");
    public static readonly Bilingual EvidenceIncomplete = new(
        "Le dossier de preuves ne peut pas être constitué",
        "Het bewijsdossier kan niet samengesteld worden");

    public static readonly Bilingual MappingTitle = new("Correspondance de l'exécution", "Mapping van de uitvoering");
    public static readonly Bilingual MappingFacts = new(
        "La version de la table de correspondance que cette exécution a utilisée, telle que l'exécution l'a enregistrée",
        "De versie van de mappingtabel die deze uitvoering gebruikte, zoals de uitvoering ze registreerde");
    public static readonly Bilingual MappingId = new("Correspondance", "Mapping");
    public static readonly Bilingual MappingVersion = new("Version", "Versie");
    public static readonly Bilingual Approval = new("Approbation", "Goedkeuring");
    public static readonly Bilingual MappingFolder = new("Dossier de la version", "Map van de versie");
    public static readonly Bilingual BackToRun = new("Retour à l'exécution", "Terug naar de uitvoering");
    public static readonly Bilingual FolderFound = new(
        "Le contenu de ce dossier a bien le SHA-256 enregistré par l'exécution : les règles ci-dessous sont celles qu'elle a appliquées.",
        "De inhoud van deze map heeft wel degelijk de SHA-256 die de uitvoering registreerde: de regels hieronder zijn die welke ze "
            + "toepaste.");
    public static readonly Bilingual FolderMissing = new(
        "Le dossier de cette version est introuvable dans le dossier des correspondances du serveur : les justifications des règles et "
            + "les règles jamais utilisées ne peuvent pas être montrées. Les montants par règle ci-dessous viennent de la base de "
                + "staging. Demandez au service informatique de remettre la version (bascule mapping hash doit redonner le SHA-256 de "
                    + "l'exécution).",
        "De map van deze versie is niet te vinden in de mappingmap van de server: de verantwoordingen van de regels en de nooit gebruikte "
            + "regels kunnen niet getoond worden. De bedragen per regel hieronder komen uit de staging-databank. Vraag de "
                + "informaticadienst de versie terug te plaatsen (bascule mapping hash moet de SHA-256 van de uitvoering teruggeven).");
    public static readonly Bilingual FolderAltered = new(
        "Le dossier de cette version a été modifié depuis l'exécution : son contenu n'a plus le SHA-256 que l'exécution a enregistré. Ses "
            + "règles ne sont donc pas montrées, ni les règles jamais utilisées ; les montants par règle ci-dessous viennent de la base "
                + "de staging. Une version approuvée ne se modifie jamais : demandez au service informatique de remettre la version "
                    + "d'origine (historique git) et de placer les changements dans une nouvelle version.",
        "De map van deze versie werd gewijzigd sinds de uitvoering: haar inhoud heeft niet meer de SHA-256 die de uitvoering "
            + "registreerde. Haar regels worden dus niet getoond, noch de nooit gebruikte regels; de bedragen per regel hieronder komen "
                + "uit de staging-databank. Een goedgekeurde versie wordt nooit gewijzigd: vraag de informaticadienst de oorspronkelijke "
                    + "versie terug te plaatsen (git-geschiedenis) en de wijzigingen in een nieuwe versie te zetten.");
    public static readonly Bilingual FolderHashNow = new("SHA-256 du dossier aujourd'hui :", "SHA-256 van de map vandaag:");
    public static readonly Bilingual FolderUnreadable = new("le dossier ne se lit plus", "de map is niet meer leesbaar");
    public static readonly Bilingual ApprovedSince = new(
        "Cette version a été approuvée après l'exécution : par {0} le {1}. L'approbation ne change pas le SHA-256 ; l'exécution reste "
            + "enregistrée comme non approuvée.",
        "Deze versie werd na de uitvoering goedgekeurd: door {0} op {1}. De goedkeuring verandert de SHA-256 niet; de uitvoering blijft "
            + "geregistreerd als niet goedgekeurd.");
    public static readonly Bilingual RulesTitle = new("Règles et montants de cette exécution", "Regels en bedragen van deze uitvoering");
    public static readonly Bilingual RulesUsedCaption = new(
        "Règles appliquées dans cette exécution, dans l'ordre du fichier des règles : lignes mises en staging et montants en euros",
        "Regels toegepast in deze uitvoering, in de volgorde van het regelbestand: gestagede lijnen en bedragen in euro");
    public static readonly Bilingual RulesUsedByIdCaption = new(
        "Règles appliquées dans cette exécution, par identifiant : lignes mises en staging et montants en euros",
        "Regels toegepast in deze uitvoering, per identificatie: gestagede lijnen en bedragen in euro");
    public static readonly Bilingual RulesNeverUsedTitle = new(
        "Règles jamais utilisées dans cette exécution",
        "Regels die in deze uitvoering nooit gebruikt werden");
    public static readonly Bilingual RulesNeverUsedCaption = new(
        "Règles de la version qui n'ont mis aucune ligne en staging dans cette exécution",
        "Regels van de versie die in deze uitvoering geen enkele lijn gestaged hebben");
    public static readonly Bilingual AllRulesUsed = new(
        "Toutes les règles de la version ont servi dans cette exécution.",
        "Alle regels van de versie werden in deze uitvoering gebruikt.");
    public static readonly Bilingual NoRuleUsed = new(
        "Aucune ligne n'a été mise en staging dans cette exécution.",
        "In deze uitvoering werd geen enkele lijn gestaged.");
    public static readonly Bilingual Rule = new("Règle", "Regel");
    public static readonly Bilingual RuleSource = new(
        "Source (type d'entité ; années ; compte ; article)",
        "Bron (entiteitstype; jaren; rekening; artikel)");
    public static readonly Bilingual RuleTarget = new(
        "Cible (compte / code économique / fonction)",
        "Doel (rekening / economische code / functie)");
    public static readonly Bilingual RuleShare = new("Part (%)", "Aandeel (%)");
    public static readonly Bilingual Justification = new("Justification", "Verantwoording");
    public static readonly Bilingual Lines = new("Lignes", "Lijnen");
    public static readonly Bilingual Debit = new("Débit (EUR)", "Debet (EUR)");
    public static readonly Bilingual Credit = new("Crédit (EUR)", "Credit (EUR)");
    public static readonly Bilingual Total = new("Total", "Totaal");
    public static readonly Bilingual NotInVersion = new("(absente de la version)", "(niet in de versie)");

    public static Bilingual Of(RunStatus status) => ReportTexts.Of(status);

    public static Bilingual Of(JobState state) => state switch
    {
        JobState.Enqueued => Enqueued,
        JobState.Scheduled => Scheduled,
        JobState.Processing => Processing,
        JobState.Succeeded => Succeeded,
        _ => Failed,
    };

    public static Bilingual Of(SignOffRole role) => role == SignOffRole.Auditor ? Auditor : Accountant;

    public static Bilingual Of(SignOffDecision decision) => decision == SignOffDecision.PublishHeld ? PublishHeld : Reviewed;
}
