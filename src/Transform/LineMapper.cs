using Bascule.Extract.Records;
using Bascule.Extract.Values;
using Bascule.Transform.Mapping;
using Bascule.Transform.Resolution;
using Bascule.Transform.Splits;

namespace Bascule.Transform;

/// <summary>
/// Maps the ledger lines of one entity type and fiscal year through a validated mapping version.
/// Not thread-safe (it caches resolutions per key): use one mapper per stream.
/// </summary>
public sealed class LineMapper
{
    private readonly RuleResolver _resolver;
    private readonly EntityType _entityType;

    internal LineMapper(MappingVersion version, EntityType entityType, FiscalYear year)
    {
        Version = version;
        Year = year;
        _entityType = entityType;
        _resolver = version.CreateResolver();
    }

    public MappingVersion Version { get; }

    public MappingIdentity Identity => Version.Identity;

    public EntityType EntityType => _entityType;

    public FiscalYear Year { get; }

    /// <summary>
    /// The target lines for a source line; none when no rule matches (unmapped). A line that two rules tie for
    /// throws <see cref="MappingUnusableException"/>: validation rejects every pair of rules that could tie, so a
    /// version that passed it never gets here, and a tie must never be settled by file order.
    /// </summary>
    public MappedLine Map(LedgerLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var resolution = _resolver.Resolve(new ResolutionKey(line.Account.Value, line.Article, _entityType, line.Year.Value));
        if (resolution.IsAmbiguous)
        {
            throw new MappingUnusableException(
                $"{line.Lineage.File} line {line.Lineage.Line}: account {line.Account} article {line.Article?.ToString() ?? "(none)"} matches "
                + string.Join(" and ", resolution.Tied.Select(g => $"rule {g.BaseId} (rules.csv line {g.First.Line})"))
                + " with equal specificity; make one rule more specific and validate the mapping again.");
        }

        return resolution.Winner is null
            ? new MappedLine(line, [])
            : new MappedLine(line, RuleApplication.Apply(resolution.Winner, line));
    }
}
