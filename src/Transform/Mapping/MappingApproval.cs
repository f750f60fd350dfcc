namespace Bascule.Transform.Mapping;

/// <summary>Who approved a mapping version (name and role) and on which date; a run records it, or that there was none.</summary>
public sealed record MappingApproval(string By, DateOnly On);
