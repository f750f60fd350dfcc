using Bascule.Transform.Coverage;

namespace Bascule.Transform.Suggestions;

/// <summary>What one read of an export gives the suggestions: the coverage, the evidence, and how many ledger lines Extract
/// rejected.</summary>
public sealed record ExportRead(CoverageReport Coverage, ExportEvidence Evidence, long RejectedLines);
