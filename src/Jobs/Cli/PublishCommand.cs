using System.ComponentModel;
using System.Globalization;
using Bascule.Extract;
using Bascule.Jobs.Composition;
using Bascule.Load.Runs;
using Bascule.Load.Runs.SignOffs;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>
/// <c>bascule publish --run RUN_ID --reason TEXT</c>: publishes a held run (its reconciliation is FAILED, or worse than
/// the published run's) after an accountant or auditor has reviewed its report. The user running the command signs it
/// off: their operating-system account, with the role <c>Access:*</c> gives it, the SHA-256 of the report they read
/// (<c>--report</c>, by default the run's <c>reconciliation.html</c> under the output folder) and the reason. The
/// sign-off and the publication are one commit, which supersedes the entity-year's published run. Exit code 0 when
/// published, 1 when refused or not possible.
/// </summary>
public sealed class PublishCommand(
    IAnsiConsole console,
    StagingDatabases databases,
    IOptions<OutputOptions> output,
    IOptions<AccessOptions> access)
    : AsyncCommand<PublishCommand.Settings>
{
    public const int Published = 0;
    public const int NotPublished = 1;

    public sealed class Settings : RunSettings
    {
        [CommandOption("--reason <TEXT>")]
        [Description("Required: who reviewed and signed the run's report, and why its FAILED checks are accepted. Recorded with the run.")]
        public string? Reason { get; init; }

        [CommandOption("--report <FILE>")]
        [Description("The report the reviewer read, whose SHA-256 the sign-off records. Default: reconciliation.html of the run under the "
            + "output folder.")]
        public string? Report { get; init; }

        [CommandOption("--role <ROLE>")]
        [Description("accountant or auditor: the role to sign with, when Access:* gives the user both.")]
        public string? Role { get; init; }

        public override ValidationResult Validate()
        {
            var run = base.Validate();
            if (!run.Successful)
            {
                return run;
            }

            if (Role is not (null or "accountant" or "auditor"))
            {
                return ValidationResult.Error($"--role '{Role}' is not a signing role: give accountant or auditor.");
            }

            return string.IsNullOrWhiteSpace(Reason)
                ? ValidationResult.Error("--reason is required: who reviewed and signed the run's report, and why its FAILED checks are "
                    + "accepted, e.g. --reason \"Reviewed by J. Dupont, 1 EUR rounding in the legacy totals\".")
                : ValidationResult.Success();
        }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Interruption.RunAsync(
            "nothing is left half-done: the database rolls back what was not committed",
            token => RunAsync(settings, token),
            _ => $"run {settings.Run} was not published, unless its publish had already committed: `bascule runs` shows whether it is.",
            cancellationToken);

    public async Task<int> RunAsync(Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var user = Environment.UserName;
        var outcome = await settings.OnRunAsync(
            databases,
            console,
            async (provider, run) =>
            {
                // The run first: there is nothing to sign when it is not there or not held.
                await RunStore.EnsureHeldAsync(provider, run, cancellationToken);
                var asked = settings.Role is null ? (SignOffRole?)null : SignOffCodes.ParseRole(settings.Role);
                var role = access.Value.SigningRole(user, asked) ?? throw new SignOffRefusedException(NoRole(user, settings.Role));
                var report = ReportRead(
                    settings.Report ?? Path.Combine(output.Value.Root, "runs", run.Value, "reconciliation.html"),
                    run,
                    settings.Report is null);
                var signOff = new SignOffRequest(new Signer(user, role, "os"), report, null, SignOffDecision.PublishHeld, settings.Reason);
                return await RunStore.PublishHeldAsync(provider, run, signOff, cancellationToken);
            },
            cancellationToken);
        if (outcome is not var (published, target))
        {
            return NotPublished;
        }


        console.MarkupLineInterpolated(
            CultureInfo.InvariantCulture,
            $"Run [bold]{published.Run}[/] ({published.EntityName} {published.FiscalYear}) published in {
                target} over its FAILED reconciliation.");
        console.MarkupLineInterpolated(
            CultureInfo.InvariantCulture,
            $"  by {published.Override.By} at {published.Override.Utc:yyyy-MM-dd HH:mm:ss} UTC, reason: {published.Override.Reason}");
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  fingerprint {published.Fingerprint}");
        console.MarkupLineInterpolated(
            CultureInfo.InvariantCulture,
            $"  signed off by {published.SignOff.Signer.Name} ({published.SignOff.Signer.Role.ToCode()}), report {
                published.SignOff.Report.Name} SHA-256 {published.SignOff.Report.Sha256}");
        console.MarkupLineInterpolated(
            CultureInfo.InvariantCulture,
            $"  {(published.Superseded is { } superseded ?
                $"superseded run {superseded}" : "no run of this entity and year was published before")}");
        return Published;
    }

    private static string NoRole(string user, string? asked) => asked is null
        ? $"Publishing a held run needs a sign-off by an accountant or an auditor, and the account {user} is neither (or is both: say "
            + $"which with --role). " +
          $"Add it to Access:Accountants or Access:Auditors (appsettings.json, or BASCULE_ACCESS__ACCOUNTANTS__0={user}). Nothing was "
              + $"published."
        : $"The account {user} has no {asked} role: Access:{(asked == "accountant" ? "Accountants" : "Auditors")} does not name it. "
            + $"Nothing was published.";

    // The sign-off records the SHA-256 of the report the reviewer read; a file that is not this run's report is refused.
    // A report names its run in its first lines (the HTML header, the JSON's runId).
    private static ReadReport ReportRead(string path, RunId run, bool byDefault)
    {
        try
        {
            using var file = File.OpenRead(path);
            var head = new byte[64 * 1024];
            var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            if (!System.Text.Encoding.UTF8.GetString(head, 0, read).Contains(run.Value, StringComparison.Ordinal))
            {
                throw new SignOffRefusedException(
                    $"{path} is not a report of run {run} (it does not name it): give --report the report the reviewer read. Nothing was "
                        + $"published.");
            }

            return new ReadReport(Path.GetFileName(path), FileHashes.Sha256(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var what = byDefault
                ? $"Run {run}'s report {Path.GetFullPath(path)} cannot be read ({ex.Message})"
                : $"The report {path} cannot be read ({ex.Message})";
            throw new SignOffRefusedException(
                $"{what}: the sign-off records the SHA-256 of the report the reviewer read. Give it with --report FILE, " +
                $"or write it with `bascule report --run {run}`. Nothing was published.");
        }
    }
}
