using Hangfire;

namespace Bascule.Jobs.Hosting;

/// <summary>What one <c>bascule serve</c> process hosts: where it listens, its job storage and staging target, its dashboard users and workers.</summary>
public sealed record ServeOptions(string Urls, JobStorage Storage, StagingTarget Staging, IReadOnlyDictionary<string, string> Users, int Workers);
