using Bascule.Load.Providers;
using Bascule.Reconcile.Tests.Support;

namespace Bascule.Reconcile.Tests.Cutover;

public sealed class SqliteCutoverTests : CutoverTests
{
    protected override Task<IStagingProvider> CreateProviderAsync() => Task.FromResult(StagingDatabase.Sqlite(Temp));
}
