namespace Bascule.Transform.Charts;

/// <summary>One valid target code of the new structure, with its labels and where it is defined.</summary>
public sealed record ChartEntry(ChartKind Kind, string Code, string LabelFr, string LabelNl, bool Active, int Line);
