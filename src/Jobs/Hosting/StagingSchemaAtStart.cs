using Bascule.Load.Providers;
using Microsoft.Extensions.Hosting;

namespace Bascule.Jobs.Hosting;

/// <summary>Brings the staging schema up to date once when <c>serve</c> starts, before it listens and runs jobs.</summary>
public sealed class StagingSchemaAtStart(IStagingProvider staging) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => staging.EnsureSchemaAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
