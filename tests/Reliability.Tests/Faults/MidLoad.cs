using System.Data.Common;
using Bascule.Load.Providers;
using Bascule.TestSupport;
using Dapper;

namespace Bascule.Reliability.Tests.Faults;

/// <summary>Catches a real <c>bascule migrate</c> in the middle of its load: rows of its loading run committed, more to come.</summary>
[DapperAot(false)]
internal static class MidLoad
{
    /// <summary>Waits until rows of a loading run are committed in the staging database; returns that run and how many.</summary>
    public static async Task<(string Run, long Rows)> WaitAsync(
        CliProcess child,
        IStagingProvider provider,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            await using (var connection = await provider.OpenAsync(cancellationToken))
            {
                try
                {
                    var loading = await connection.QueryFirstOrDefaultAsync<(string Run, long Rows)?>(
                        "SELECT r.run_id, COUNT(*) FROM staged_lines s JOIN runs r ON r.run_id = s.run_id WHERE r.status = 'loading' "
                            + "GROUP BY r.run_id");
                    if (loading is { Rows: > 0 } found)
                    {
                        return found;
                    }
                }
                catch (DbException) when (!child.HasExited)
                {
                    // The process has not created the schema of a new database yet.
                }
            }

            Assert.False(
                child.Wrote("fingerprint:") || child.HasExited,
                "the load ended before rows of the run were seen; use a larger export:\n" + child.Output);
            await Task.Delay(10, cancellationToken);
        }
    }
}
