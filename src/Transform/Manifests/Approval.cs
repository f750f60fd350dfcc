namespace Bascule.Transform.Manifests;

/// <summary>The manifest's <c>approval</c> block: who approved, when, and the hash of the content they approved.</summary>
public sealed record Approval(string By, DateOnly On, string Sha256, int Line);
