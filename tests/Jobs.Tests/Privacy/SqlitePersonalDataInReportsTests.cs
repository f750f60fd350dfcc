using Bascule.Load.Providers;
using Bascule.Load.Providers.Sqlite;

namespace Bascule.Jobs.Tests.Privacy;

public sealed class SqlitePersonalDataInReportsTests : PersonalDataInReportsTests
{
    protected override Task<IStagingProvider> CreateProviderAsync() =>
        Task.FromResult<IStagingProvider>(new SqliteStagingProvider(SqliteStagingProvider.ConnectionStringFor(Temp.Combine("staging.db"), Temp.Path)));
}
