using System.Data.Common;
using Dapper;

namespace Bascule.Load.Schema;

/// <summary>
/// Applies the scripts not yet recorded in <c>schema_version</c>, each with its version row, inside the caller's
/// transaction; the caller holds the provider's schema lock so that two processes never upgrade at once.
/// </summary>
public static class SchemaUpgrader
{
    public static async Task<int> ApplyAsync(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyList<SchemaScript> scripts,
        CancellationToken cancellationToken)
    {
        var applied = (await connection.QueryAsync<int>(
            new CommandDefinition(
                "SELECT version FROM schema_version",
                transaction: transaction,
                cancellationToken: cancellationToken))).ToHashSet();
        var count = 0;
        foreach (var script in scripts.Where(s => !applied.Contains(s.Version)))
        {
            foreach (var batch in script.Batches)
            {
                await connection.ExecuteAsync(new CommandDefinition(batch, transaction: transaction, cancellationToken: cancellationToken));
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_version (version, script, applied_utc) VALUES (@version, @script, @applied)",
                new { version = script.Version, script = script.Name, applied = DateTime.UtcNow },
                transaction: transaction,
                cancellationToken: cancellationToken));
            count++;
        }

        return count;
    }
}
