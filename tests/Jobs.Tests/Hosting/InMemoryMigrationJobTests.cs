using Bascule.Jobs.Hosting;
using Hangfire;
using Hangfire.InMemory;

namespace Bascule.Jobs.Tests.Hosting;

/// <summary>
/// The embedded default: Hangfire.InMemory and the SQLite staging file. An in-memory storage lives in one object, so
/// both servers share it; each still opens its own connections.
/// </summary>
public sealed class InMemoryMigrationJobTests : MigrationJobTests
{
    protected override Task<(Func<JobStorage> Storage, StagingTarget Staging)> CreateAsync()
    {
        var storage = new InMemoryStorage();
        return Task.FromResult<(Func<JobStorage>, StagingTarget)>((() => storage, new StagingTarget("sqlite", "", Temp.Combine("out"))));
    }
}
