using Bascule.Extract.Values;

namespace Bascule.Transform.Resolution;

/// <summary>What decides a line's rule; lines sharing a key share the resolution, so it is cached per key.</summary>
public readonly record struct ResolutionKey(string Account, BudgetArticle? Article, EntityType EntityType, int Year);
