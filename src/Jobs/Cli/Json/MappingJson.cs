namespace Bascule.Jobs.Cli.Json;

/// <summary>The mapping version a run used, or one side of a mapping diff: id, version and the SHA-256 of its content.</summary>
public sealed record MappingJson(string Id, string Version, string Sha256);
