namespace Bascule.Transform.Mapping;

/// <summary>Which mapping produced a figure: family id, semantic version and SHA-256 of the canonical content.</summary>
public sealed record MappingIdentity(string Id, string Version, string Sha256);
