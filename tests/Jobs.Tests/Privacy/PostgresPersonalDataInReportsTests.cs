using Bascule.Load.Providers;
using Bascule.Load.Providers.Postgres;
using Bascule.TestSupport;

namespace Bascule.Jobs.Tests.Privacy;

public sealed class PostgresPersonalDataInReportsTests(PostgresServer server) : PersonalDataInReportsTests
{
    protected override async Task<IStagingProvider> CreateProviderAsync() => new PostgresStagingProvider(await server.CreateDatabaseAsync());
}
