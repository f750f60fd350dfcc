using Bascule.Reconcile.DrillDown;
using Bascule.Reconcile.Reports;

namespace Bascule.Jobs.Workspace.DrillDown;

/// <summary>The texts of the drill-down pages, in French and Dutch; a page shows its reader's language only.</summary>
internal static class DrillTexts
{
    public static readonly Bilingual Title = new("Lignes", "Regels");

    public static readonly Bilingual BackToRun = new(
        "← Retour à l'exécution et à sa réconciliation",
        "← Terug naar de uitvoering en haar aansluiting");

    public static readonly Bilingual Run = new("Exécution", "Uitvoering");
    public static readonly Bilingual Mapping = new("Mapping", "Mapping");
    public static readonly Bilingual MappingMissing = new(
        "La version du mapping de cette exécution (son SHA-256) est introuvable dans le dossier des mappings : les justifications des "
            + "règles ne peuvent être affichées.",
        "De mappingversie van deze uitvoering (haar SHA-256) staat niet in de mappingmap: de verantwoording van de regels kan niet worden "
            + "getoond.");
    public static readonly Bilingual Masked = new(
        "Les données personnelles des tiers sont masquées (***).",
        "De persoonsgegevens van derden zijn gemaskeerd (***).");
    public static readonly Bilingual TextNote = new(
        "Texte de la ligne : la ligne telle qu’elle figure dans le fichier source (guillemets et retours à la ligne compris), sur "
            + "chaque partie d’une ligne répartie ; le fichier, son SHA-256 et le numéro de ligne désignent la ligne d’origine.",
        "Tekst van de regel: de regel zoals hij in het bronbestand staat (aanhalingstekens en regeleinden inbegrepen), op elk deel "
            + "van een verdeelde regel; het bestand, zijn SHA-256 en het regelnummer wijzen de oorspronkelijke regel aan.");
    public static readonly Bilingual Next = new("Page suivante", "Volgende pagina");
    public static readonly Bilingual First = new("Première page", "Eerste pagina");
    public static readonly Bilingual Download = new("Télécharger la liste entière (CSV)", "De hele lijst downloaden (CSV)");
    public static readonly Bilingual Empty = new("Aucune ligne.", "Geen regels.");
    public static readonly Bilingual NoList = new(
        "Ce contrôle compare des totaux qu’aucune liste de lignes n’explique à elle seule : ouvrez les listes par compte ou par article.",
        "Deze controle vergelijkt totalen die geen enkele regellijst op zich verklaart: open de lijsten per rekening of per artikel.");
    public static readonly Bilingual UnknownRun = new("Exécution inconnue.", "Onbekende uitvoering.");
    public static readonly Bilingual BadList = new(
        "Indiquez une seule liste : legacy, target, journal (et document), article, rule, check, unmapped ou rejected.",
        "Geef één lijst op: legacy, target, journal (en document), article, rule, check, unmapped of rejected.");

    /// <summary>The columns of a page's table.</summary>
    public static readonly Bilingual[] Columns =
    [
        new("Fichier", "Bestand"), new("Ligne", "Regel"), new("État", "Status"), new("Texte de la ligne", "Tekst van de regel"),
        new("Pièce", "Stuk"), new("Compte", "Rekening"), new("Libellé", "Omschrijving"), new(
            "Règle et justification",
            "Regel en verantwoording"),
        new("Nouveau compte / code économique / fonction", "Nieuwe rekening / economische code / functie"),
        new("Débit", "Debet"), new("Crédit", "Credit"),
    ];

    /// <summary>What the list shows, as its table's caption.</summary>
    public static string Caption(LineList list, ReaderLanguage language) => list.Kind switch
    {
        LineListKind.LegacyAccount => new Bilingual($"Lignes de l’ancien compte {list.Value}", $"Regels van de oude rekening {list.Value}")
            .In(language),
        LineListKind.TargetAccount => new Bilingual($"Lignes du nouveau compte {list.Value}", $"Regels van de nieuwe rekening {list.Value}")
            .In(language),
        LineListKind.Journal => new Bilingual(
            $"Lignes du journal {list.Value}, pièce par pièce",
            $"Regels van dagboek {list.Value}, stuk per stuk").In(language),
        LineListKind.Article => new Bilingual($"Lignes de l’article budgétaire {list.Value}", $"Regels van begrotingsartikel {list.Value}")
            .In(language),
        LineListKind.Document => new Bilingual(
            $"Lignes de la pièce {list.Document} du journal {list.Value}",
            $"Regels van stuk {list.Document} van dagboek {list.Value}").In(language),
        LineListKind.FileExceptions => new Bilingual(
            $"Lignes non reprises du fichier {list.Value}",
            $"Niet overgenomen regels van bestand {list.Value}").In(language),
        LineListKind.UnbalancedDocuments => new Bilingual(
            "Lignes des pièces déséquilibrées",
            "Regels van de stukken die niet in evenwicht zijn").In(language),
        LineListKind.Unmapped => new Bilingual("Lignes non mappées", "Niet-gemapte regels").In(language),
        LineListKind.Rule => new Bilingual($"Lignes produites par la règle {list.Value}", $"Regels die mappingregel {list.Value} opleverde")
            .In(language),
        _ => new Bilingual("Lignes rejetées", "Verworpen regels").In(language),
    };
}
