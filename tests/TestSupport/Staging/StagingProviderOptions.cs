namespace Bascule.TestSupport.Staging;

/// <summary>What a test needs from its database beyond the defaults.</summary>
public sealed record StagingProviderOptions
{
    /// <summary>Lock waits give up quickly, so that a held lock surfaces as a transient fault instead of a long wait.</summary>
    public bool ShortLockTimeout { get; init; }
}
