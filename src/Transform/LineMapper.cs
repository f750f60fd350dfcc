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
    private readonly HashSet<string> _keptFunctions = new(StringComparer.Ordinal);

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
    /// The target lines for a source line; none when no rule matches (unmapped). Throws
    /// <see cref="MappingUnusableException"/> for a line that two rules tie for (validation rejects every pair of
    /// rules that could tie, so a validated version never gets here, and a tie is never settled by file order),
    /// and for a line whose kept function (<c>=</c>) is not an active function of the chart.
    /// </summary>
    public MappedLine Map(LedgerLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var resolution = _resolver.Resolve(new ResolutionKey(line.Account.Value, line.Article, _entityType, line.Year.Value));
        if (resolution.IsAmbiguous)
        {
            throw new MappingUnusableException(
                $"{line.Lineage.File} line {line.Lineage.Line}: account {line.Account} article {line.Article?.ToString() ?? "(none)"} "
                    + $"matches "
                + string.Join(" and ", resolution.Tied.Select(g => $"rule {g.BaseId} (rules.csv line {g.First.Line})"))
                + " with equal specificity; make one rule more specific and validate the mapping again.");
        }

        if (resolution.Winner is null)
        {
            return new MappedLine(line, []);
        }

        if (line.Article is { } article && resolution.Winner.Parts.Any(p => p.KeepsSourceFunction))
        {
            CheckKeptFunction(article, line, resolution.Winner.BaseId);
        }

        return new MappedLine(line, RuleApplication.Apply(resolution.Winner, line));
    }

    // A kept function (=) is a target like any other: it must be an active code of the chart. Only the data says
    // which functions occur, so this is checked here, once per function (validate --export finds it beforehand).
    private void CheckKeptFunction(BudgetArticle article, LedgerLine line, string ruleId)
    {
        if (_keptFunctions.Contains(article.Function))
        {
            return;
        }

        if (Version.Chart.Find(Charts.ChartKind.Function, article.Function) is not { Active: true })
        {
            throw new MappingUnusableException(
                $"{line.Lineage.File} line {line.Lineage.Line}: rule {ruleId} keeps the function {article.Function} of article {article}, "
                + $"which is not an active function of the chart {Version.Chart.File}; add it to the chart in a new mapping version or "
                    + $"map this article to an explicit function.");
        }

        _keptFunctions.Add(article.Function);
    }
}
