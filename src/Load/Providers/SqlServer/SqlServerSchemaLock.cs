using System.Data.Common;
using Bascule.Load.Schema;
using Dapper;

namespace Bascule.Load.Providers.SqlServer;

/// <summary>SQL Server's schema lock: an exclusive application lock owned by the upgrade's transaction.</summary>
internal sealed class SqlServerSchemaLock : SchemaLock
{
    public override Task AcquireAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "EXEC sp_getapplock @Resource = @resource, @LockMode = 'Exclusive', @LockOwner = 'Transaction'",
            new { resource = "bascule-schema" },
            transaction,
            cancellationToken: cancellationToken));
}
