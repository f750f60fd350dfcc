using Bascule.Transform.Rules;

namespace Bascule.Transform.Diff;

/// <summary>A rule (by id) added, removed or changed between two versions; <see cref="Fields"/> lists the changed columns.</summary>
public sealed record RuleChange(RuleChangeKind Kind, string RuleId, Rule? Old, Rule? New, IReadOnlyList<string> Fields);
