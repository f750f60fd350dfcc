namespace Bascule.Transform.Rules;

/// <summary>1-based columns where a rule's fields start, so findings can point at the exact field.</summary>
public sealed record RuleColumns(int Id, int EntityType, int Years, int Account, int Article, int TargetAccount, int TargetEconomic, int TargetFunction, int Share);
