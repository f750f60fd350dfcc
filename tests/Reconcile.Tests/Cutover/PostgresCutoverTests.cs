using Bascule.Load.Providers;
using Bascule.Load.Providers.Postgres;
using Bascule.TestSupport;

namespace Bascule.Reconcile.Tests.Cutover;

public sealed class PostgresCutoverTests(PostgresServer server) : CutoverTests
{
    protected override async Task<IStagingProvider> CreateProviderAsync() => new PostgresStagingProvider(await server.CreateDatabaseAsync());
}
