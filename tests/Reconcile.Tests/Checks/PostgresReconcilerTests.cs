using Bascule.Load.Providers;
using Bascule.Load.Providers.Postgres;
using Bascule.TestSupport;

namespace Bascule.Reconcile.Tests.Checks;

public sealed class PostgresReconcilerTests(PostgresServer server) : ReconcilerTests
{
    protected override async Task<IStagingProvider> CreateProviderAsync() => new PostgresStagingProvider(await server.CreateDatabaseAsync());
}
