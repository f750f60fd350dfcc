using Bascule.Transform.Resolution;
using Bascule.Transform.Rules;

namespace Bascule.Transform.Suggestions;

/// <summary>
/// The rules as one export sees them: which can apply to its lines, and how many of its ledger lines each carries,
/// resolved exactly as a run would resolve them (a rule that carries many lines here speaks for this entity's
/// practice more than a rule written for lines it does not have).
/// </summary>
internal sealed class ExportRules
{
    private readonly Dictionary<RuleGroup, long> _lines = [];

    public ExportRules(MappingVersion version, ExportEvidence evidence)
    {
        var years = version.Manifest.FiscalYears;
        Applicable = version.Groups
            .Where(g => (g.First.EntityType is null || g.First.EntityType == evidence.EntityType)
                && (g.First.Years ?? years).Contains(evidence.Year.Value))
            .ToList();
        var resolver = version.CreateResolver();
        foreach (var (key, lines) in evidence.Lines)
        {
            var resolution = resolver.Resolve(new ResolutionKey(key.Account, key.Article, evidence.EntityType, evidence.Year.Value));
            if (resolution.Winner is { } winner)
            {
                _lines[winner] = _lines.GetValueOrDefault(winner) + lines;
            }
        }
    }

    /// <summary>
    /// The rules that can apply to this export's lines: a rule limited to the other entity type (or to other years) is
    /// left out as evidence, since the same legacy account often means another thing there (6400000 holds a commune's
    /// dotations but a CPAS's social aid).
    /// </summary>
    public IReadOnlyList<RuleGroup> Applicable { get; }

    public long Of(RuleGroup group) => _lines.GetValueOrDefault(group);
}
