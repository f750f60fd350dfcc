using System.ComponentModel;
using System.Data.Common;
using System.Globalization;
using Bascule.Jobs.Composition;
using Bascule.Load;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>The options of a command that acts on one run of the staging database: <c>--run</c> and the staging options.</summary>
public abstract class RunSettings : StagingSettings
{
    [CommandOption("--run <RUN_ID>")]
    [Description("The run, by the id `bascule runs` lists.")]
    public string? Run { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Run) ? ValidationResult.Error(RunRequired)
        : RunId.TryParse(Run, out _) ? ValidationResult.Success()
        : ValidationResult.Error(
            $"--run '{Run}' is not a run id: give a run listed by `bascule runs`, e.g. --run 01936f8e-8c2a-7c41-9d2e-5b1f3a7c9e10.");

    /// <summary>The message when <c>--run</c> is not given at all.</summary>
    public const string RunRequired
        = "--run is required: the id of a run, as `bascule runs` lists them, e.g. --run 01936f8e-8c2a-7c41-9d2e-5b1f3a7c9e10.";

    /// <summary>
    /// Checks the options, opens the staging database (its schema brought up to date) and runs <paramref name="action"/>
    /// on the run. Returns its result with the database it ran on, or null after telling the user why it could not
    /// (see <see cref="StagingDatabases.Explain"/>).
    /// </summary>
    public async Task<(T Result, string Target)?> OnRunAsync<T>(
        StagingDatabases databases, IAnsiConsole console,
            Func<IStagingProvider, RunId, Task<T>> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(databases);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(action);
        var validation = Validate();
        if (!validation.Successful)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{validation.Message}[/]");
            return null;
        }

        var target = databases.Target(Provider, Connection);
        try
        {
            var provider = await databases.OpenAsync(target, cancellationToken);
            return (await action(provider, ReportSettings.ParseRun(Run)), provider.Target);
        }
        catch (Exception ex) when (ex is ArgumentException or StagingException or DbException or InvalidOperationException or IOException)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{databases.Explain(ex, target)}[/]");
            return null;
        }
    }
}
