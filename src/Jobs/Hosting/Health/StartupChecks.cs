using System.Diagnostics;
using System.Globalization;
using Bascule.Load.Providers;
using Hangfire;

namespace Bascule.Jobs.Hosting.Health;

/// <summary>
/// What <c>bascule serve</c> checks before it listens: its job storage, then its staging database, within one budget
/// for both. A fault that another attempt may not meet (server not reachable yet, database starting) is tried again
/// every second while the budget lasts, so a serve started with its database at boot waits for it; any other (a wrong
/// password, a database that does not exist) stops at once. Either way serve exits with one scrubbed message that says
/// which one failed, why, and what to check.
/// </summary>
public sealed class StartupChecks(TimeSpan budget)
{
    /// <summary>Both checks together stay under 30 s, the time within which a serve that cannot work says so.</summary>
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(25);

    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);

    private readonly long _started = Stopwatch.GetTimestamp();

    /// <summary>
    /// The job storage of <paramref name="kind"/>, created, its schema prepared and answering a read. An unknown kind or a
    /// missing connection string throws <see cref="ArgumentException"/> with the message for the user, as
    /// <see cref="JobStorages.Create"/> does.
    /// </summary>
    public Task<JobStorage> JobStorageAsync(
        string kind,
        string? connection,
        CancellationToken cancellationToken,
        InvisibilityTimeout? invisibility = null)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var where = string.IsNullOrWhiteSpace(connection) ? kind.Trim() : $"{kind.Trim()} {ConnectionText.Describe(connection)}";
        const string check = "Check --jobs-storage and --jobs-connection (settings Jobs:Storage and Jobs:Connection): " +
            "the server must be reachable, the database created, and the account's name and password right.";
        return RetryAsync(
            _ => Task.Run(() =>
            {
                var storage = JobStorages.Create(kind, connection, invisibility);
                using var probe = storage.GetConnection();
                probe.GetAllItemsFromSet("bascule:health");
                return storage;
            }),
            IsTransient,
            ex => ConnectionText.Scrub(
                $"The job storage ({where}) could not be used: {Cli.CommandFailures.Sentence(ex.Message)} {check}",
                connection ?? ""),
            $"The job storage ({where}) did not answer within {Seconds} s. {check}",
            cancellationToken);
    }

    /// <summary>
    /// The staging database of <paramref name="target"/> reachable and its schema up to date; <paramref name="explain"/>
    /// says, scrubbed, what a fault of it means and what to check.
    /// </summary>
    public Task StagingAsync(StagingTarget target, Func<Exception, string> explain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        return RetryAsync(
            async ct =>
            {
                await using var staging = target.Open();
                try
                {
                    await staging.EnsureSchemaAsync(ct);
                }
                catch (Exception ex) when (staging.IsTransient(ex))
                {
                    throw new TimeoutException(ex.Message, ex);
                }

                return true;
            },
            IsTransient,
            ex => explain(ex is TimeoutException { InnerException: { } inner } ? inner : ex),
            $"The staging database ({target}) did not answer within {Seconds} s. Check --provider and --connection (settings "
                + $"Staging:Provider and Staging:Connection): the server must be reachable.",
            cancellationToken);
    }

    private string Seconds => budget.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);

    private async Task<T> RetryAsync<T>(
        Func<CancellationToken, Task<T>> attempt,
        Func<Exception, bool> isTransient,
        Func<Exception, string> explain,
        string noAnswer,
        CancellationToken cancellationToken)
    {
        Exception? last = null;
        while (true)
        {
            var remaining = budget - Stopwatch.GetElapsedTime(_started);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
            try
            {
                return await attempt(deadline.Token).WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new ServeRefusedException(last is null ? noAnswer : $"Still failing after {Seconds} s. {explain(last)}");
            }
            catch (Exception ex) when (ex is not OperationCanceledException && IsFault(ex))
            {
                if (!isTransient(ex))
                {
                    throw new ServeRefusedException(explain(ex), ex);
                }

                last = ex;
            }

            await Task.Delay(Pause, cancellationToken);
        }
    }

    // Faults of the database or its files, and the wrappers Hangfire's storages put around them.
    private static bool IsFault(Exception ex) =>
        DatabaseUnavailable.DatabaseFault(ex) is not null
            || ex is IOException or UnauthorizedAccessException or TimeoutException or Load.StagingException or InvalidOperationException;

    private static bool IsTransient(Exception ex) =>
        DatabaseUnavailable.DatabaseFault(ex) is { IsTransient: true } || ex is TimeoutException;
}
