using Bascule.Reconcile.Model;

namespace Bascule.Reconcile.Reports;

/// <summary>
/// The cut-over package's comparisons as French and Dutch sentences, like the run's (<c>ReportTexts.Differences.cs</c>):
/// what differs, and when it is not OK, what to do before the package goes to the new ERP, and who. A WARNING is a
/// difference the listed exceptions explain exactly (unmapped lines, over-charged commitments); a FAILED one is not.
/// </summary>
public static partial class ReportTexts
{
    private static readonly Bilingual Package = new(
        "ne pas transmettre le paquet au nouvel ERP avant d'en connaître la cause",
        "het pakket niet aan het nieuwe ERP bezorgen vóór de oorzaak gekend is");

    // What a cut-over comparison is about; null for a comparison of the run's reconciliation.
    private static Bilingual? CutoverWhat(CheckResult check, string e, string f, string d) => check.Topic is not { } t
        ? null
        : t.Kind switch
    {
        TopicKind.CutoverOpeningDebitCredit => new(
            $"Soldes d'ouverture : débit total {e}, crédit total {f} (écart {d}).",
            $"Openingssaldi: totaal debet {e}, totaal credit {f} (verschil {d})."),
        TopicKind.CutoverOpeningLegacyClosing => new(
            $"Soldes d'ouverture : {e} attendu d'après la clôture ancienne (BALANCE.csv, hors bilan exclu), {f} reporté (écart {d}).",
            $"Openingssaldi: {e} verwacht volgens de oude afsluiting (BALANCE.csv, zonder buiten balans), "
                + $"{f} overgedragen (verschil {d})."),
        TopicKind.CutoverOpeningResultClosed => new(
            $"Résultat des classes 6 et 7 : {e} selon la clôture ancienne, {f} porté au compte de résultat (écart {d}).",
            $"Resultaat van klassen 6 en 7: {e} volgens de oude afsluiting, {f} geboekt op de resultaatrekening (verschil {d})."),
        TopicKind.CutoverOpeningAccountsDiffering => new(
            $"{f} compte(s) ancien(s) dont la clôture ne se retrouve pas dans les soldes d'ouverture.",
            $"{f} oude rekening(en) waarvan de afsluiting niet terug te vinden is in de openingssaldi."),
        TopicKind.CutoverOpeningLedgerClosing => new(
            $"Compte ancien {t.Account} : clôture {e} selon la balance ancienne (BALANCE.csv), {f} selon les écritures (écart {d}).",
            $"Oude rekening {t.Account}: afsluiting {e} volgens de oude balans (BALANCE.csv), {f} volgens de boekingen (verschil {d})."),
        TopicKind.CutoverOpeningAccountMapped => new(
            $"Compte ancien {t.Account} : clôture {e}, {f} reporté dans les soldes d'ouverture (écart {d}).",
            $"Oude rekening {t.Account}: afsluiting {e}, {f} overgedragen naar de openingssaldi (verschil {d})."),
        TopicKind.CutoverOpenItemsAccount => new(
            $"Compte nouveau {t.Account} : solde d'ouverture {e}, total des postes ouverts {f} (écart {d}).",
            $"Nieuwe rekening {t.Account}: openingssaldo {e}, totaal van de openstaande posten {f} (verschil {d})."),
        TopicKind.CutoverOpenItemsControlAccount => new(
            $"Compte collectif ancien {t.Account} : {e} attendu d'après sa clôture (BALANCE.csv), total des postes ouverts {f} (écart "
                + $"{d}).",
            $"Oude centralisatierekening {t.Account}: {e} verwacht volgens haar afsluiting (BALANCE.csv), totaal van de openstaande "
                + $"posten {f} (verschil {d})."),
        TopicKind.CutoverOpenItemsWithoutThirdParty => new(
            $"{f} poste(s) ouvert(s) sans tiers : l'ancien système les a repris globalement dans son écriture d'ouverture.",
            $"{f} openstaande post(en) zonder derde: het oude systeem nam ze globaal over in zijn openingsboeking."),
        TopicKind.CutoverCommitmentsTotal => new(
            $"Engagements ouverts : {e} engagé moins imputé, {f} reporté (écart {d}).",
            $"Openstaande vastleggingen: {e} vastgelegd min aangerekend, {f} overgedragen (verschil {d})."),
        TopicKind.CutoverCommitmentsArticle => new(
            $"Article {t.Article} : {e} ouvert selon ARTICLES.csv (engagé moins imputé), {f} reporté (écart {d}).",
            $"Artikel {t.Article}: {e} open volgens ARTICLES.csv (vastgelegd min aangerekend), {f} overgedragen (verschil {d})."),
        TopicKind.CutoverCommitmentsOverCharged => new(
            $"{f} engagement(s) imputé(s) au-delà du montant engagé, non reporté(s).",
            $"{f} vastlegging(en) boven het vastgelegde bedrag aangerekend, niet overgedragen."),
        TopicKind.CutoverCommitmentsWithoutNewArticle => new(
            $"{f} engagement(s) ouvert(s) dont l'article ancien n'a aucun article nouveau dans la table de correspondance.",
            $"{f} openstaande vastlegging(en) waarvan het oude artikel geen nieuw artikel heeft in de mappingtabel."),
        TopicKind.CutoverCommitmentsSeveralNewArticles => new(
            $"{f} engagement(s) ouvert(s) dont l'article ancien mène à plusieurs articles nouveaux : le principal a été retenu.",
            $"{f} openstaande vastlegging(en) waarvan het oude artikel naar meerdere nieuwe artikels leidt: "
                + $"het voornaamste werd behouden."),
        _ => null,
    };

    // What to do about a cut-over comparison that is not OK, and who; null for a comparison of the run's reconciliation.
    private static (Bilingual Next, Bilingual Who)? CutoverNextStep(CheckResult check)
    {
        var explained = check.Status == Model.Verdict.Warning;
        var unmapped = (new Bilingual(
            "Les lignes non mappées de ce compte expliquent l'écart : compléter la table de correspondance, faire approuver la nouvelle "
                + "version, relancer la migration puis le paquet",
            "De niet-gemapte lijnen van deze rekening verklaren het verschil: de mappingtabel aanvullen, de nieuwe versie laten "
                + "goedkeuren, de migratie en dan het pakket opnieuw uitvoeren"), MappingOwner);
        var overCharged = (new Bilingual(
            "Les engagements imputés au-delà du montant engagé expliquent l'écart : les régulariser dans l'ancien système (voir leur "
                + "tableau) ou les justifier dans le dossier",
            "De vastleggingen boven het vastgelegde bedrag aangerekend verklaren het verschil: ze regulariseren in het oude systeem (zie "
                + "hun tabel) of ze verantwoorden in het dossier"), Accountant);
        var lost = (new Bilingual(
            $"Le paquet ne reprend pas ce que la migration a chargé : {Package.French} ; relancer le paquet et, si l'écart demeure, le "
                + $"signaler",
            $"Het pakket neemt niet over wat de migratie geladen heeft: {Package.Dutch}; het pakket opnieuw aanmaken en, als het verschil "
                + $"blijft, het melden"), It);
        var legacy = (new Bilingual(
            $"L'écart vient de l'ancien système, pas de la migration : l'expliquer à partir de la balance et des écritures de l'export ; "
                + $"{Package.French}",
            $"Het verschil komt uit het oude systeem, niet uit de migratie: het verklaren aan de hand van de balans en de boekingen van "
                + $"de export; {Package.Dutch}"), Accountant);
        return check.Topic?.Kind switch
        {
            TopicKind.CutoverOpeningDebitCredit => (new(
                $"Une règle de la table de correspondance déséquilibre les soldes (répartition ?) : vérifier les règles des comptes du "
                    + $"tableau des soldes d'ouverture ; {Package.French}",
                $"Een regel van de mappingtabel brengt de saldi uit evenwicht (verdeling?): de regels van de rekeningen uit de tabel van "
                    + $"de openingssaldi nakijken; {Package.Dutch}"), MappingOwner),
            TopicKind.CutoverOpeningLegacyClosing or TopicKind.CutoverOpeningResultClosed or TopicKind.CutoverOpeningAccountsDiffering
                or TopicKind.CutoverOpeningAccountMapped or TopicKind.CutoverOpenItemsControlAccount when explained => unmapped,
            TopicKind.CutoverOpeningLedgerClosing or TopicKind.CutoverOpenItemsControlAccount
            or TopicKind.CutoverCommitmentsArticle when !explained => legacy,
            TopicKind.CutoverOpeningLegacyClosing or TopicKind.CutoverOpeningResultClosed or TopicKind.CutoverOpeningAccountsDiffering
                or TopicKind.CutoverOpeningAccountMapped or TopicKind.CutoverOpenItemsAccount
                or TopicKind.CutoverCommitmentsTotal when !explained => lost,
            TopicKind.CutoverCommitmentsTotal or TopicKind.CutoverCommitmentsArticle
            or TopicKind.CutoverCommitmentsOverCharged => overCharged,
            TopicKind.CutoverOpenItemsWithoutThirdParty => (new(
                "Attribuer ces postes à leurs tiers dans le nouvel ERP après l'import, ou les justifier dans le dossier (voir le tableau "
                    + "des postes ouverts)",
                "Deze posten na de import in het nieuwe ERP aan hun derden toewijzen, of ze verantwoorden in het dossier (zie de tabel "
                    + "van de openstaande posten)"), Accountant),
            TopicKind.CutoverCommitmentsWithoutNewArticle => (new(
                "Ajouter à la table de correspondance les articles anciens de ces engagements, faire approuver la nouvelle version, "
                    + "relancer la migration puis le paquet",
                "De oude artikels van deze vastleggingen toevoegen aan de mappingtabel, de nieuwe versie laten goedkeuren, de migratie en "
                    + "dan het pakket opnieuw uitvoeren"), MappingOwner),
            TopicKind.CutoverCommitmentsSeveralNewArticles => (new(
                "Vérifier l'article retenu pour chacun de ces engagements (colonne Correspondance) et le corriger dans le nouvel ERP si "
                    + "besoin",
                "Het behouden artikel van elk van deze vastleggingen nakijken (kolom Overeenstemming) en het zo nodig verbeteren in het "
                    + "nieuwe ERP"), Accountant),
            _ => null,
        };
    }
}
