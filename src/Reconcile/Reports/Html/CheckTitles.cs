namespace Bascule.Reconcile.Reports.Html;

/// <summary>The ten checks of the reconciliation spec, in French and Dutch.</summary>
internal static class CheckTitles
{
    private static readonly (string French, string Dutch)[] Titles =
    [
        ("Exhaustivité par fichier", "Volledigheid per bestand"),
        ("Totaux de contrôle", "Controletotalen"),
        ("Montants source → migration, par exercice et journal", "Bedragen bron → migratie, per boekjaar en dagboek"),
        ("Équilibre débit = crédit", "Evenwicht debet = credit"),
        ("Par compte ancien", "Per oude rekening"),
        ("Par compte nouveau", "Per nieuwe rekening"),
        ("Balance ancienne = écritures", "Oude balans = boekingen"),
        ("Budget par article", "Begroting per artikel"),
        ("Exceptions à traiter", "Te behandelen uitzonderingen"),
        ("Continuité entre exercices", "Continuïteit tussen boekjaren"),
    ];

    public static int Count => Titles.Length;

    public static (string French, string Dutch) Of(int number) => Titles[number - 1];
}
