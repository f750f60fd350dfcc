using System.Globalization;

namespace Bascule.Reconcile.Model;

/// <summary>
/// A check and everything that names it: its number in the spec and its title in French and Dutch. The ten checks of a
/// run's reconciliation are <see cref="Reconciliation"/>, in spec order; a cut-over package has three of its own.
/// </summary>
public sealed class CheckId
{
    private CheckId(int number, string french, string dutch)
    {
        Number = number;
        French = french;
        Dutch = dutch;
    }

    public int Number { get; }

    public string French { get; }

    public string Dutch { get; }

    public static readonly CheckId Completeness = new(1, "Exhaustivité par fichier", "Volledigheid per bestand");
    public static readonly CheckId ControlTotals = new(2, "Totaux de contrôle", "Controletotalen");
    public static readonly CheckId Amounts = new(
        3,
        "Montants source → migration, par exercice et journal",
        "Bedragen bron → migratie, per boekjaar en dagboek");
    public static readonly CheckId Balance = new(4, "Équilibre débit = crédit", "Evenwicht debet = credit");
    public static readonly CheckId LegacyAccounts = new(5, "Par compte ancien", "Per oude rekening");
    public static readonly CheckId TargetAccounts = new(6, "Par compte nouveau", "Per nieuwe rekening");
    public static readonly CheckId TrialBalance = new(7, "Balance ancienne = écritures", "Oude balans = boekingen");
    public static readonly CheckId Budget = new(8, "Budget par article", "Begroting per artikel");
    public static readonly CheckId Exceptions = new(9, "Exceptions à traiter", "Te behandelen uitzonderingen");
    public static readonly CheckId Continuity = new(10, "Continuité entre exercices", "Continuïteit tussen boekjaren");

    /// <summary>The checks of a run's reconciliation, in spec order.</summary>
    public static IReadOnlyList<CheckId> Reconciliation { get; } =
        [Completeness, ControlTotals, Amounts, Balance, LegacyAccounts, TargetAccounts, TrialBalance, Budget, Exceptions, Continuity];

    // A cut-over package's reconciliation is numbered per data set, titled as the package's tables are.
    public static readonly CheckId OpeningBalances = new(1, "Soldes d'ouverture", "Openingssaldi");
    public static readonly CheckId OpenItems = new(2, "Postes ouverts", "Openstaande posten");
    public static readonly CheckId OpenCommitments = new(3, "Engagements ouverts", "Openstaande vastleggingen");

    public override string ToString() => Number.ToString(CultureInfo.InvariantCulture);
}
