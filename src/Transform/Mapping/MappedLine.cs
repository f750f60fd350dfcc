using Bascule.Extract.Records;

namespace Bascule.Transform.Mapping;

/// <summary>A source line and the target lines it produced; no targets means no rule matched (unmapped).</summary>
public sealed record MappedLine(LedgerLine Source, IReadOnlyList<TargetLine> Targets)
{
    public bool IsUnmapped => Targets.Count == 0;
}
