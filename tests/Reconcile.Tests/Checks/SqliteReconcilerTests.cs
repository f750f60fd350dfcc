using Bascule.Load.Providers;
using Bascule.Reconcile.Tests.Support;

namespace Bascule.Reconcile.Tests.Checks;

public sealed class SqliteReconcilerTests : ReconcilerTests
{
    protected override Task<IStagingProvider> CreateProviderAsync() => Task.FromResult(StagingDatabase.Sqlite(Temp));
}
