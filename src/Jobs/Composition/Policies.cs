using Bascule.Jobs.Hosting;
using Bascule.Load.Runs;
using Bascule.Pipeline;
using Microsoft.Extensions.Options;

namespace Bascule.Jobs.Composition;

/// <summary>
/// The governance every run is held to: the fleet's (setting <c>Governance:*</c>) and each entity's own from the fleet
/// file (setting <c>Jobs:Fleet</c>), matched to a run by the INS code and entity type of its export.
/// </summary>
public sealed class Policies(IOptions<GovernanceOptions> governance, IOptions<JobStorageOptions> jobs)
{
    /// <summary>
    /// The policies, with the entities' own when the fleet file exists (<paramref name="fleetFile"/>, else the
    /// setting); throws <see cref="FleetFileException"/> when it exists but cannot be read.
    /// </summary>
    public PolicySet Build(string? fleetFile = null)
    {
        var g = governance.Value;
        var tolerances = new Tolerances(g.Tolerances.UnmappedLines, g.Tolerances.UnmappedEuros, g.Tolerances.RejectedLines);
        if (tolerances.IsNegative)
        {
            throw new ArgumentException(
                "A Governance:Tolerances value is negative; a tolerance is the most exceptions allowed, 0 or more.");
        }

        var fleet = new MigrationPolicy(g.RequireApprovedMapping, tolerances);
        var path = string.IsNullOrWhiteSpace(fleetFile) ? jobs.Value.Fleet : fleetFile;
        var entities = File.Exists(path) ? Fleet.Load(path).Entities.Select(e => e.Policy).OfType<EntityPolicy>().ToList() : [];
        return new PolicySet(fleet, entities);
    }
}
