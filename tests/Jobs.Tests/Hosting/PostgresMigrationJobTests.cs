using Bascule.Jobs.Hosting;
using Bascule.TestSupport;
using Hangfire;

namespace Bascule.Jobs.Tests.Hosting;

/// <summary>The shared storage of a scale-out: Hangfire.PostgreSql, each server with its own storage object, and PostgreSQL staging.</summary>
public sealed class PostgresMigrationJobTests(PostgresServer server) : MigrationJobTests
{
    protected override async Task<(Func<JobStorage> Storage, StagingTarget Staging)> CreateAsync()
    {
        var jobs = await server.CreateDatabaseAsync();
        var staging = await server.CreateDatabaseAsync();
        return (() => JobStorages.Create(JobStorages.Postgres, jobs), new StagingTarget("postgres", staging, Temp.Combine("out")));
    }
}
