namespace Bascule.Load.Schema;

/// <summary>One versioned schema script (<c>V001__staging.sql</c>) of a provider, split into the batches it runs as.</summary>
public sealed record SchemaScript(int Version, string Name, IReadOnlyList<string> Batches);
