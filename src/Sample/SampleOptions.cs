using Bascule.Extract.Values;

namespace Bascule.Sample;

/// <summary>What <c>bascule sample</c> generates: one entity's export for one year, of exactly <c>Lines</c> ledger lines.</summary>
public sealed record SampleOptions(
    string Out,
    EntityType EntityType,
    FiscalYear Year,
    long Lines,
    ulong Seed,
    string EntityName,
    string InsCode)
{
    public const string EtterbeekIns = "21005";

    public static string DefaultEntityName(EntityType type) => type == EntityType.Commune ? "Commune d'Etterbeek" : "CPAS d'Etterbeek";
}
