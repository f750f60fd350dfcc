using System.ComponentModel;
using System.Globalization;
using Bascule.Jobs.Composition;
using Bascule.Load.Runs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>
/// <c>bascule publish --run RUN_ID --reason TEXT</c>: publishes a held run (its reconciliation is FAILED) after an
/// accountant has reviewed and signed its report. Records who (the user running the command), when and the reason, and
/// supersedes the entity-year's published run in one commit. Exit code 0 when published, 1 when refused or not possible.
/// </summary>
public sealed class PublishCommand(IAnsiConsole console, StagingDatabases databases) : AsyncCommand<PublishCommand.Settings>
{
    public const int Published = 0;
    public const int NotPublished = 1;

    public sealed class Settings : RunSettings
    {
        [CommandOption("--reason <TEXT>")]
        [Description("Required: who reviewed and signed the run's report, and why its FAILED checks are accepted. Recorded with the run.")]
        public string? Reason { get; init; }

        public override ValidationResult Validate()
        {
            var run = base.Validate();
            if (!run.Successful)
            {
                return run;
            }

            return string.IsNullOrWhiteSpace(Reason)
                ? ValidationResult.Error("--reason is required: who reviewed and signed the run's report, and why its FAILED checks are accepted, e.g. --reason \"Reviewed by J. Dupont, 1 EUR rounding in the legacy totals\".")
                : ValidationResult.Success();
        }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Interruption.RunAsync("nothing is left half-done: the database rolls back what was not committed", token => RunAsync(settings, token), _ => $"run {settings.Run} was not published, unless its publish had already committed: `bascule runs` shows whether it is.", cancellationToken);

    public async Task<int> RunAsync(Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (await settings.OnRunAsync(databases, console, (provider, run) => RunStore.PublishHeldAsync(provider, run, settings.Reason!, Environment.UserName, cancellationToken), cancellationToken)
            is not { } outcome)
        {
            return NotPublished;
        }

        var (published, target) = outcome;

        console.MarkupLineInterpolated(
            CultureInfo.InvariantCulture,
            $"Run [bold]{published.Run}[/] ({published.EntityName} {published.FiscalYear}) published in {target} over its FAILED reconciliation.");
        console.MarkupLineInterpolated(
            CultureInfo.InvariantCulture,
            $"  by {published.Override.By} at {published.Override.Utc:yyyy-MM-dd HH:mm:ss} UTC, reason: {published.Override.Reason}");
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  fingerprint {published.Fingerprint}");
        console.MarkupLineInterpolated(
            CultureInfo.InvariantCulture,
            $"  {(published.Superseded is { } superseded ? $"superseded run {superseded}" : "no run of this entity and year was published before")}");
        return Published;
    }
}
