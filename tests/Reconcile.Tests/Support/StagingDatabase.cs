using Bascule.Load.Providers;
using Bascule.Load.Providers.Sqlite;
using Bascule.TestSupport;
using Dapper;

namespace Bascule.Reconcile.Tests.Support;

/// <summary>A real staging database for one test, and the plain SQL tests use to damage a run behind the pipeline's back.</summary>
internal static class StagingDatabase
{
    public static IStagingProvider Sqlite(TempDirectory temp) =>
        new SqliteStagingProvider(SqliteStagingProvider.ConnectionStringFor(temp.Combine($"staging-{Guid.NewGuid():N}.db"), temp.Path));

    public static async Task<int> ExecuteAsync(IStagingProvider provider, string sql, object? parameters = null)
    {
        await using var connection = await provider.OpenAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: TestContext.Current.CancellationToken));
    }

    public static async Task<T> ScalarAsync<T>(IStagingProvider provider, string sql, object? parameters = null)
    {
        await using var connection = await provider.OpenAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: TestContext.Current.CancellationToken)) ?? throw new InvalidOperationException(sql + " returned nothing.");
    }
}
