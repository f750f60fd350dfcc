using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Reconcile.Model;
using Bascule.TestSupport;
using Bascule.TestSupport.Staging;

namespace Bascule.Reconcile.Tests.Support;

/// <summary>A reconciled run of the commune sample on SQLite, optionally damaged first, for the report tests.</summary>
internal static class Reconciled
{
    public static async Task<ReconciliationResult> CommuneAsync(TempDirectory temp, Func<IStagingProvider, RunId, Task>? damage = null)
    {
        await using var provider = StagingDatabase.Sqlite(temp);
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), TestContext.Current.CancellationToken);
        if (damage is not null)
        {
            await damage(provider, run);
        }

        return await Reconciler.ComputeAsync(
            provider,
            run,
            SampleRun.SampleFolder(SampleRun.Commune),
            TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Rejected lines a hostile or damaged export could hold: a formula, HTML, and a third party's personal data
    /// (added to the run's rows, and counted in its files, as the pipeline would have stored them).
    /// </summary>
    public static Task AddHostileRejectsAsync(IStagingProvider provider, RunId run) =>
        StagingDatabase.ExecuteAsync(
            provider,
            """
            INSERT INTO rejected_lines (run_id, batch, source_file, record, line, part, column_name, reason, message, raw_text)
            VALUES (@run, 99, 'ECRITURES.csv', 5000, 5001, 1, NULL, 'WrongColumnCount', '1 column instead of 12', @formula),
                   (@run, 99, 'TIERS.csv', 400, 401, 1, 'IBAN', 'BadValue', 'IBAN BE71096123456769 fails mod-97', @tiers);
            UPDATE run_files SET lines_read = lines_read + 1, control_lines = control_lines + 1
            WHERE run_id = @run AND source_file IN ('ECRITURES.csv', 'TIERS.csv');
            """,
            new
            {
                run,
                formula = "=HYPERLINK(\"http://x\")<script>alert(1)</script>",
                tiers = "F9999;Jeanne Dupont;;BE71096123456769;1040;Etterbeek;F",
            });
}
