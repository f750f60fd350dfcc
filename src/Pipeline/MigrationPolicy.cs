using Bascule.Extract.Values;
using Bascule.Load.Runs;

namespace Bascule.Pipeline;

/// <summary>
/// The governance a run is held to: whether its mapping version must be approved (else it is refused before loading),
/// and the reconciliation's tolerances (beyond which exceptions are FAILED and the run held).
/// </summary>
public sealed record MigrationPolicy(bool RequireApprovedMapping, Tolerances Tolerances)
{
    public static readonly MigrationPolicy None = new(false, Tolerances.None);
}

/// <summary>An entity's own policy, each part overriding the fleet's where it is set (from the fleet file).</summary>
public sealed record EntityPolicy(string InsCode, EntityType EntityType, bool? RequireApprovedMapping, Tolerances? Tolerances);

/// <summary>The fleet's policy and the entities' own: a run takes its entity's, else the fleet's.</summary>
public sealed record PolicySet(MigrationPolicy Fleet, IReadOnlyList<EntityPolicy> Entities)
{
    public static readonly PolicySet None = new(MigrationPolicy.None, []);

    public MigrationPolicy For(string insCode, EntityType entityType)
    {
        var own = Entities.FirstOrDefault(e => e.EntityType == entityType && string.Equals(e.InsCode, insCode, StringComparison.Ordinal));
        return own is null
            ? Fleet
            : new MigrationPolicy(
                own.RequireApprovedMapping ?? Fleet.RequireApprovedMapping,
                Fleet.Tolerances.OverriddenBy(own.Tolerances));
    }
}
