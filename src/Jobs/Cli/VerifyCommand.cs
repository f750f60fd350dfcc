using System.Globalization;
using Bascule.Jobs.Composition;
using Bascule.Load.Runs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>
/// <c>bascule verify --run RUN_ID</c>: reads a completed run back from the staging database and recomputes its
/// fingerprint, to prove that its rows are still exactly those its reports were made from. Exit code 0 when the
/// fingerprints match, 2 when they differ, 1 when the run cannot be verified.
/// </summary>
public sealed class VerifyCommand(IAnsiConsole console, StagingDatabases databases) : AsyncCommand<VerifyCommand.Settings>
{
    public const int Matches = 0;
    public const int CannotVerify = 1;
    public const int Differs = 2;

    public sealed class Settings : RunSettings;

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Interruption.RunAsync(
            "nothing is left half-done: the database rolls back what was not committed",
            token => RunAsync(settings, token),
            _ => $"run {settings.Run} was not verified; nothing was changed.",
            cancellationToken);

    public async Task<int> RunAsync(Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (await settings.OnRunAsync(
            databases,
            console,
            (provider, run) => RunStore.VerifyFingerprintAsync(provider, run, cancellationToken),
            cancellationToken) is not { } outcome)
        {
            return CannotVerify;
        }

        var (verification, target) = outcome;
        console.MarkupLineInterpolated(
            CultureInfo.InvariantCulture,
            $"Run [bold]{verification.Run}[/] ({verification.EntityName} {verification.FiscalYear}, {verification.Status.ToCode()}) in {
                target}");
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  recorded fingerprint  {verification.Recorded}");
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  its rows give now     {verification.Recomputed}");
        if (verification.Matches)
        {
            console.MarkupLine("  [green]verified[/]: the rows are exactly those the run wrote and its reports were made from.");
            return Matches;
        }

        console.MarkupLine(
            "  [red]DIFFERENT[/]: the rows changed after the run wrote them. Its reports no longer describe them; run migrate again.");
        return Differs;
    }
}
