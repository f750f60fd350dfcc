using System.Data.Common;
using Bascule.Load.Schema;
using Dapper;

namespace Bascule.Load.Providers.Postgres;

/// <summary>PostgreSQL's schema lock: a transaction-scoped advisory lock, released by the upgrade's commit.</summary>
internal sealed class PostgresSchemaLock : SchemaLock
{
    // Any fixed number: the advisory lock that serialises schema upgrades between processes.
    private const long SchemaLockKey = 0x0BA5C01E;

    public override Task AcquireAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(@key)", new { key = SchemaLockKey }, transaction, cancellationToken: cancellationToken));
}
