using Bascule.Load.Providers;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bascule.Jobs.Hosting.Health;

/// <summary>The staging database answers a query on a connection from the pool every page and job share.</summary>
public sealed class StagingHealthCheck(IStagingProvider staging) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var connection = await staging.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
