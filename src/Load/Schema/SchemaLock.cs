using System.Data.Common;

namespace Bascule.Load.Schema;

/// <summary>
/// What one provider does around a schema upgrade so that two processes never run one at once: the lock itself, taken
/// inside the upgrade's transaction and released with it, and what the provider checks or sets before that transaction.
/// The upgrade (the version table, the scripts not yet applied, one commit) is <see cref="SchemaRunner"/>'s alone.
/// </summary>
public abstract class SchemaLock
{
    /// <summary>True when the database needs nothing: the runner then begins no transaction and takes no lock.</summary>
    public virtual Task<bool> IsCurrentAsync(
        DbConnection connection, IReadOnlyList<SchemaScript> scripts, CancellationToken cancellationToken) =>
        Task.FromResult(false);

    /// <summary>Runs on the connection before the upgrade's transaction begins.</summary>
    public virtual Task BeforeUpgradeAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Takes the lock inside the upgrade's transaction; a second process waits here until the first commits.</summary>
    public abstract Task AcquireAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);
}
