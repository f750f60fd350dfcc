using System.ComponentModel;
using System.Globalization;
using Bascule.Jobs.Composition;
using Bascule.Reconcile;
using Bascule.Reconcile.Evidence;
using Bascule.Reconcile.Reports;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>
/// <c>bascule evidence --run RUN_ID</c>: the evidence pack of the run's entity and fiscal year, one ZIP an auditor
/// verifies offline (see <see cref="EvidencePack"/>), written to <c>--out</c> (default <c>out/evidence</c>) under a new
/// name each time, so that no pack handed over is ever replaced. Exit code 0 when written, 1 when it could not be.
/// </summary>
public sealed class EvidenceCommand(
    IAnsiConsole console,
    StagingDatabases databases,
    IOptions<OutputOptions> output,
    IOptions<ReportsOptions> reports)
    : AsyncCommand<EvidenceCommand.Settings>
{
    public const int Written = 0;
    public const int NotWritten = 1;

    public sealed class Settings : RunSettings
    {
        [CommandOption("--out <DIR>")]
        [Description("The folder the ZIP is written to. Default: evidence under the output folder (out/evidence).")]
        public string? Out { get; init; }

        [CommandOption("--mappings <DIR>")]
        [Description("The mappings folder holding the versions the runs used, found by their SHA-256. Default: mappings.")]
        public string Mappings { get; init; } = "mappings";

        [CommandOption("--reports <DIR>")]
        [Description(
            "The folder holding one folder of reports per run, as migrate writes them. Default: runs under the output folder (out/runs).")]
        public string? Reports { get; init; }

        [CommandOption("--show-personal-data")]
        [Description(
            "Show third parties' names and IBANs in reports regenerated for the pack (default: masked; setting Reports:ShowPersonalData).")]
        public bool ShowPersonalData { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Interruption.RunAsync(
            "a hidden .writing-… folder or file may stay in the output folder, which can be deleted",
            token => RunAsync(settings, token),
            _ => $"the evidence pack of run {settings.Run} was not written. Run the same command again.",
            cancellationToken);

    public async Task<int> RunAsync(Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new EvidenceOptions(
            settings.Reports ?? Path.Combine(output.Value.Root, "runs"),
            settings.Mappings,
            new ReportOptions(settings.ShowPersonalData || reports.Value.ShowPersonalData),
            Environment.UserName);
        var outDir = settings.Out ?? Path.Combine(output.Value.Root, "evidence");
        EvidencePackFile pack;
        try
        {
            // A folder that cannot be written is said as such, apart from the database's faults that OnRunAsync explains.
            if (await settings.OnRunAsync<(EvidencePackFile? Pack, string? Fault)>(
                databases,
                console,
                async (provider, run) =>
                {
                    try
                    {
                        return (await EvidencePack.WriteAsync(provider, run, options, outDir, cancellationToken), null);
                    }
                    catch (IOException ex)
                    {
                        return (null, ex.Message);
                    }
                },
                cancellationToken)
                is not var ((written, fault), _))
            {
                return NotWritten;
            }

            if (written is null)
            {
                console.MarkupLineInterpolated(
                    CultureInfo.InvariantCulture,
                    $"[red]The evidence pack could not be written to {outDir}: {fault} Give --out a folder you can write to.[/]");
                return NotWritten;
            }

            pack = written;
        }
        catch (Exception ex) when (ex is EvidenceIncompleteException or ReconcileException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{ex.Message}[/]");
            return NotWritten;
        }

        var d = pack.Document;
        console.MarkupLineInterpolated(
            CultureInfo.InvariantCulture,
            $"Evidence pack of {d.Entity} ({d.EntityType} {d.InsCode}) {d.FiscalYear}: [bold]{Path.GetFullPath(pack.Path)}[/]");
        console.MarkupLineInterpolated(
            CultureInfo.InvariantCulture,
            $"  {d.Runs.Count} run(s), published: {d.PublishedRun ?? "none"}; {d.Mappings.Count} mapping version(s); {
                d.SignOffs.Count} sign-off(s); {pack.Files} files");
        foreach (var run in d.Runs)
        {
            var fingerprint = run.Fingerprint switch
            {
                null => "no fingerprint",
                { Matches: true } => "fingerprint verified",
                { Matches: false } => "FINGERPRINT DIFFERS: its rows changed after the run",
                _ => "fingerprint recorded (rows pruned, not recomputed)",
            };
            var folder = run.Reports is null
                ? "no reports"
                : run.ReportsRegenerated ? "reports regenerated from the staging database" : "reports as written";
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  {run.RunId} {run.Status}: {fingerprint}; {folder}");
        }

        var unmatched = d.SignOffs.Count(s => s.ReportInPack is null);
        if (unmatched > 0)
        {
            const string Why = "(regenerated since, or written elsewhere: see --reports)";
            console.MarkupLineInterpolated(
                CultureInfo.InvariantCulture,
                $"  [yellow]{unmatched} sign-off(s) name a report whose exact file is not in the pack {Why}.[/]");
        }

        console.MarkupLineInterpolated(
            CultureInfo.InvariantCulture,
            $"  Check it offline: unzip it and run `sha256sum -c {EvidencePack.ManifestFile}` inside.");
        return Written;
    }
}
