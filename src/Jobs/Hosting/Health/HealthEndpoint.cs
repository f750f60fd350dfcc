using System.Text.Json;
using System.Text.Json.Serialization;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bascule.Jobs.Hosting.Health;

/// <summary>
/// <c>GET /health</c> of <c>bascule serve</c>, for monitoring and load balancers: the staging database, the job storage
/// and the free space of the output folder, each Healthy or Unhealthy; 200 when all are healthy, 503 otherwise. It answers
/// without authentication, before the dashboard's gate, so it shows nothing but those states: no message, no connection
/// string, no path.
/// </summary>
public static class HealthEndpoint
{
    public const string Path = "/health";

    /// <summary>Below this much free space on the output folder's disk, <c>/health</c> says Unhealthy (setting
    /// <c>Serve:MinimumFreeMegabytes</c>).</summary>
    public const long DefaultMinimumFreeMegabytes = 1024;

    /// <summary>A check that takes longer than this is Unhealthy: a load balancer waits for no database.</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddBasculeHealthChecks(
        this IServiceCollection services,
        Load.Providers.IStagingProvider staging,
        JobStorage storage,
        string outRoot,
        long minimumFreeBytes)
    {
        services.AddHealthChecks()
            .AddCheck("staging", new StagingHealthCheck(staging), HealthStatus.Unhealthy, [], CheckTimeout)
            .AddCheck("jobStorage", new JobStorageHealthCheck(storage), HealthStatus.Unhealthy, [], CheckTimeout)
            .AddCheck("outputSpace", new OutputSpaceHealthCheck(outRoot, minimumFreeBytes), HealthStatus.Unhealthy, [], CheckTimeout);
        return services;
    }

    /// <summary>Answers <see cref="Path"/>; to be used before any authentication.</summary>
    public static IApplicationBuilder UseBasculeHealth(this IApplicationBuilder app) =>
        app.UseHealthChecks(Path, new HealthCheckOptions { ResponseWriter = WriteAsync, AllowCachingResponses = false });

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var document = new HealthDocument(
            report.Status.ToString(),
            report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString(), StringComparer.Ordinal));
        return context.Response
            .WriteAsync(JsonSerializer.Serialize(document, HealthJsonContext.Default.HealthDocument), context.RequestAborted);
    }
}

/// <summary>The body of <c>/health</c>:
/// <c>{"status":"Healthy","checks":{"staging":"Healthy","jobStorage":"Healthy","outputSpace":"Healthy"}}</c>.</summary>
public sealed record HealthDocument(string Status, IReadOnlyDictionary<string, string> Checks);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HealthDocument))]
internal sealed partial class HealthJsonContext : JsonSerializerContext;
