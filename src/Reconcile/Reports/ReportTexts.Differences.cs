using Bascule.Reconcile.Model;
using static Bascule.Reconcile.Reports.Html.HtmlText;

namespace Bascule.Reconcile.Reports;

/// <summary>
/// Each comparison of a check as a French and a Dutch sentence: what was compared and what differs, then (when it is
/// not OK) what to do next and who does it: the accountant, IT or the mapping's owner. Made from the comparison's
/// <see cref="CheckTopic"/>; the technical name stays in <c>reconciliation.json</c> and on the console.
/// </summary>
public static partial class ReportTexts
{
    private static readonly Bilingual Accountant = new("comptable", "boekhouder");
    private static readonly Bilingual It = new("IT", "IT");
    private static readonly Bilingual MappingOwner = new("responsable de la table de correspondance", "beheerder van de mappingtabel");

    /// <summary>The sentence for a comparison: what differs, and when it is not OK, what to do next and who.</summary>
    public static Bilingual Sentence(CheckResult check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var what = What(check);
        if (check.Status == Model.Verdict.Ok)
        {
            return what;
        }

        var action = Action(check);
        return new($"{what.French} {action.French}", $"{what.Dutch} {action.Dutch}");
    }

    /// <summary>What to do about a comparison that is not OK, and who does it, as one sentence.</summary>
    public static Bilingual Action(CheckResult check)
    {
        var (next, who) = NextStep(check);
        return new($"{next.French} ({who.French}).", $"{next.Dutch} ({who.Dutch}).");
    }

    /// <summary>What was compared, with its figures.</summary>
    public static Bilingual What(CheckResult check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var (e, f, d) = (Shown(check, check.Expected), Shown(check, check.Found), Shown(check, check.Difference));
        var t = check.Topic;
        var side = t?.Side is { } s ? SideName(s) : new("", "");
        var accounts = t?.NewAccounts == true ? new Bilingual("nouveaux", "nieuwe") : new Bilingual("anciens", "oude");
        var tolerance = check.Tolerance is { } limit
            ? new Bilingual($" (tolérance {Shown(check, limit)})", $" (tolerantie {Shown(check, limit)})")
            : new Bilingual("", "");
        if (CutoverWhat(check, e, f, d) is { } cutover)
        {
            return cutover;
        }

        return t?.Kind switch
        {
            TopicKind.FileNotRecorded => new(
                $"Le fichier {t.File} a {e} lignes en base, mais la migration n'a aucune trace de sa lecture.",
                $"Het bestand {t.File} heeft {e} lijnen in de databank, maar de migratie heeft geen spoor van de lezing ervan."),
            TopicKind.FileLinesAccounted => new(
                $"Fichier {t.File} : {e} lignes lues, {f} retrouvées chargées, non mappées ou rejetées (écart {d}).",
                $"Bestand {t.File}: {e} lijnen gelezen, {f} teruggevonden als geladen, niet gemapt of verworpen (verschil {d})."),
            TopicKind.FileControlLines => new(
                $"Fichier {t.File} : EXPORT.txt annonce {e} lignes, {f} ont été lues (écart {d}).",
                $"Bestand {t.File}: EXPORT.txt kondigt {e} lijnen aan, {f} werden gelezen (verschil {d})."),
            TopicKind.FileHash => check.Status == Model.Verdict.Ok
                ? new(
                    $"Le fichier {t.File} est celui que la migration a lu (même SHA-256).",
                    $"Het bestand {t.File} is het bestand dat de migratie las (zelfde SHA-256).")
                : new(
                    $"Le fichier {t.File} du dossier d'export n'est plus celui que la migration a lu (SHA-256 différent).",
                    $"Het bestand {t.File} in de exportmap is niet meer het bestand dat de migratie las (andere SHA-256)."),
            TopicKind.FileControlTotal => new(
                $"Fichier {t.File}, total {side.French} : {e} annoncé par EXPORT.txt, {f} lu (écart {d}).",
                $"Bestand {t.File}, totaal {side.Dutch}: {e} aangekondigd door EXPORT.txt, {f} gelezen (verschil {d})."),
            TopicKind.AmountsTotal => new(
                $"Total {side.French} : {e} dans la source, {f} migré ou non mappé (écart {d}).",
                $"Totaal {side.Dutch}: {e} in de bron, {f} gemigreerd of niet gemapt (verschil {d})."),
            TopicKind.AmountsJournal => new(
                $"Exercice {t.Year}, journal {t.Journal}, {side.French} : {e} dans la source, {f} migré ou non mappé (écart {d}).",
                $"Boekjaar {t.Year}, dagboek {t.Journal}, {side.Dutch}: {e} in de bron, {f} gemigreerd of niet gemapt (verschil {d})."),
            TopicKind.StagedBalance => new(
                $"Après migration, débit total {e} et crédit total {f} (écart {d}).",
                $"Na migratie, totaal debet {e} en totaal credit {f} (verschil {d})."),
            TopicKind.UnbalancedDocuments => new(
                $"{f} pièce(s) déséquilibrée(s) après migration.",
                $"{f} onevenwichtig(e) stuk(ken) na migratie."),
            TopicKind.LegacyAccountsDiffering => new(
                $"{f} compte(s) ancien(s) dont le total source ne se retrouve pas dans les lignes migrées et non mappées.",
                $"{f} oude rekening(en) waarvan het brontotaal niet terug te vinden is in de gemigreerde en niet-gemapte lijnen."),
            TopicKind.LegacyAccount => new(
                $"Compte ancien {t.Account}, {side.French} : {e} dans la source, {f} migré ou non mappé (écart {d}).",
                $"Oude rekening {t.Account}, {side.Dutch}: {e} in de bron, {f} gemigreerd of niet gemapt (verschil {d})."),
            TopicKind.TargetAccounts => new(
                $"Comptes nouveaux, total {side.French} : {e} attendu (source moins non mappé), {f} trouvé (écart {d}).",
                $"Nieuwe rekeningen, totaal {side.Dutch}: {e} verwacht (bron min niet gemapt), {f} gevonden (verschil {d})."),
            TopicKind.TrialBalanceDiffering => new(
                $"{f} compte(s) dont la balance ancienne (BALANCE.csv) ne correspond pas aux écritures.",
                $"{f} rekening(en) waarvan de oude balans (BALANCE.csv) niet overeenstemt met de boekingen."),
            TopicKind.TrialBalanceAccount => new(
                $"Compte {t.Account} : clôture {e} selon la balance ancienne, {f} selon les écritures (écart {d}).",
                $"Rekening {t.Account}: afsluiting {e} volgens de oude balans, {f} volgens de boekingen (verschil {d})."),
            TopicKind.BudgetDiffering => new(
                $"{f} article(s) budgétaire(s) dont ARTICLES.csv, ENGAGEMENTS.csv et les écritures ne concordent pas.",
                $"{f} begrotingsartikel(s) waarvoor ARTICLES.csv, ENGAGEMENTS.csv en de boekingen niet overeenstemmen."),
            TopicKind.UnmappedLines => new(
                $"{f} ligne(s) sans règle dans la table de correspondance (non mappées){tolerance.French}.",
                $"{f} lijn(en) zonder regel in de mappingtabel (niet gemapt){tolerance.Dutch}."),
            TopicKind.UnmappedAmount => new(
                $"{f} au {side.French} sur des lignes non mappées{tolerance.French}.",
                $"{f} in het {side.Dutch} op niet-gemapte lijnen{tolerance.Dutch}."),
            TopicKind.RejectedLines => new(
                $"{f} ligne(s) de l'export rejetée(s) à la lecture{tolerance.French}.",
                $"{f} lijn(en) van de export verworpen bij het lezen{tolerance.Dutch}."),
            TopicKind.ContinuityDiffering => new(
                $"{t.Pair} : {f} compte(s) {accounts.French} dont l'ouverture ne reprend pas la clôture de l'exercice précédent.",
                $"{t.Pair}: {f} {accounts.Dutch} rekening(en) waarvan de opening niet de afsluiting van het vorige boekjaar overneemt."),
            TopicKind.ContinuityAccount => new(
                $"{t.Pair}, compte {t.Account} : ouverture attendue {e}, trouvée {f} (écart {d}).",
                $"{t.Pair}, rekening {t.Account}: verwachte opening {e}, gevonden {f} (verschil {d})."),
            TopicKind.ContinuityResultAllocation => new(
                $"{t.Pair} : le résultat de l'exercice ({e}) devait être affecté au compte {t.Account} ; écart d'ouverture de ce compte "
                    + $"{f}.",
                $"{t.Pair}: het resultaat van het boekjaar ({e}) moest op rekening {t.Account} geboekt worden; openingsverschil van die "
                    + $"rekening {f}."),
            _ => new(
                $"{check.Check.French} : attendu {e}, trouvé {f} (écart {d}).",
                $"{check.Check.Dutch}: verwacht {e}, gevonden {f} (verschil {d})."),
        };
    }

    /// <summary>What to do about a comparison that is not OK, and who does it.</summary>
    public static (Bilingual Next, Bilingual Who) NextStep(CheckResult check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var lost = (new Bilingual(
            "Des montants ou des lignes ont disparu ou sont apparus pendant la migration : ne pas approuver ; relancer la migration et, "
                + "si l'écart demeure, le signaler",
            "Bedragen of lijnen zijn verdwenen of verschenen tijdens de migratie: niet goedkeuren; de migratie opnieuw uitvoeren en, als "
                + "het verschil blijft, het melden"), It);
        if (CutoverNextStep(check) is { } cutover)
        {
            return cutover;
        }

        var explainedByExceptions = check.Status == Model.Verdict.Warning;
        return check.Topic?.Kind switch
        {
            TopicKind.FileNotRecorded or TopicKind.FileLinesAccounted or TopicKind.AmountsTotal or TopicKind.AmountsJournal
                or TopicKind.LegacyAccountsDiffering or TopicKind.LegacyAccount or TopicKind.TargetAccounts => lost,
            TopicKind.FileControlLines => (new(
                "L'export est incomplet ou a été modifié après sa production : demander un nouvel export et relancer la migration",
                "De export is onvolledig of werd gewijzigd na aanmaak: een nieuwe export vragen en de migratie opnieuw uitvoeren"), It),
            TopicKind.FileHash => (new(
                "Donner le dossier d'export que la migration a lu, ou relancer la migration sur ce dossier-ci",
                "De exportmap geven die de migratie las, of de migratie opnieuw uitvoeren op deze map"), It),
            TopicKind.FileControlTotal => (new(
                "Comparer l'écart aux lignes rejetées de ce fichier ; si elles ne l'expliquent pas, demander un nouvel export à l'IT",
                "Het verschil vergelijken met de verworpen lijnen van dit bestand; als zij het niet verklaren, een nieuwe export vragen "
                    + "aan IT"), Accountant),
            TopicKind.StagedBalance or TopicKind.UnbalancedDocuments when explainedByExceptions => (new(
                "Les lignes non mappées ou rejetées expliquent l'écart : compléter la table de correspondance et corriger les lignes "
                    + "rejetées, puis relancer la migration",
                "De niet-gemapte of verworpen lijnen verklaren het verschil: de mappingtabel aanvullen en de verworpen lijnen verbeteren, "
                    + "dan de migratie opnieuw uitvoeren"), MappingOwner),
            TopicKind.StagedBalance or TopicKind.UnbalancedDocuments => (new(
                "Une règle de la table de correspondance déséquilibre des pièces (répartition ?) : vérifier les règles des comptes des "
                    + "pièces listées ; ne pas approuver avant",
                "Een regel van de mappingtabel brengt stukken uit evenwicht (verdeling?): de regels van de rekeningen van de opgesomde "
                    + "stukken nakijken; niet goedkeuren vóór dan"), MappingOwner),
            TopicKind.TrialBalanceDiffering or TopicKind.TrialBalanceAccount => (new(
                "L'écart vient de l'ancien système, pas de la migration : l'expliquer à partir de la balance et des écritures de l'export "
                    + "avant d'approuver",
                "Het verschil komt uit het oude systeem, niet uit de migratie: het verklaren aan de hand van de balans en de boekingen "
                    + "van de export vóór goedkeuring"), Accountant),
            TopicKind.BudgetDiffering => (new(
                "Expliquer l'écart de l'ancienne exécution budgétaire (la migration n'a rien perdu) : voir les articles en écart",
                "Het verschil in de oude begrotingsuitvoering verklaren (de migratie verloor niets): zie de artikels met een verschil"),
                    Accountant),
            TopicKind.UnmappedLines or TopicKind.UnmappedAmount => (new(
                "Ajouter à la table de correspondance les règles des comptes listés dans les lignes non mappées, faire approuver la "
                    + "nouvelle version, puis relancer la migration",
                "De regels voor de rekeningen uit de niet-gemapte lijnen toevoegen aan de mappingtabel, de nieuwe versie laten goedkeuren "
                    + "en dan de migratie opnieuw uitvoeren"), MappingOwner),
            TopicKind.RejectedLines => (new(
                "Corriger l'export d'après le motif et la ligne brute de chaque ligne rejetée, puis relancer la migration",
                "De export verbeteren volgens de reden en de ruwe lijn van elke verworpen lijn, dan de migratie opnieuw uitvoeren"), It),
            TopicKind.ContinuityDiffering or TopicKind.ContinuityAccount or TopicKind.ContinuityResultAllocation => (new(
                "Comparer la clôture et l'ouverture des deux exercices ; refaire la migration de l'exercice en cause",
                "De afsluiting en de opening van beide boekjaren vergelijken; de migratie van het betrokken boekjaar opnieuw uitvoeren"),
                    Accountant),
            _ => (new("Voir le tableau du contrôle ci-dessous", "Zie de tabel van de controle hieronder"), Accountant),
        };
    }

    private static Bilingual SideName(BookSide side) => side == BookSide.Debit ? new("débit", "debet") : new("crédit", "credit");

    // Euros with two decimals, counts as whole numbers; both the Belgian way.
    private static string Shown(CheckResult check, decimal value) =>
        check.IsMoney ? $"{Money(value)} EUR" : Count(decimal.ToInt64(value));
}
