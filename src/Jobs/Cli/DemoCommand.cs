using Bascule.Jobs.Cli.Progress;
using System.ComponentModel;
using System.Globalization;
using Bascule.Pipeline;
using Bascule.Jobs.Composition;
using Bascule.Load;
using Bascule.Load.Providers;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>
/// The README's first command: the full migration of the bundled commune and CPAS samples through the shipped
/// mapping into the embedded SQLite staging database, with their reconciliation reports.
/// </summary>
public sealed class DemoCommand(IAnsiConsole console, IOptions<OutputOptions> output) : AsyncCommand<DemoCommand.Settings>
{
    // The commune's two years in order, so that its history is migrated as it happened.
    public static readonly string[] Samples
        = ["samples/commune-etterbeek-2022", "samples/commune-etterbeek-2023", "samples/cpas-etterbeek-2023"];
    public const string Mapping = "mappings/bxl-2024/1.0.0";

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--out <DIR>")]
        [Description("Output folder: staging database and reports (default: setting Out, else out).")]
        public string? Out { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Interruption.RunAsync(MigrateCommand.AtOnce, token => DemoAsync(settings, token), MigrateCommand.Interrupted, cancellationToken);

    private async Task<int> DemoAsync(Settings settings, CancellationToken cancellationToken)
    {
        var root = FindRepositoryRoot();
        if (root is null)
        {
            console.MarkupLine(
                "[red]The demo runs from a clone of the repository: samples/ and mappings/ were not found above the current folder.[/]");
            return MigrateCommand.CouldNotComplete;
        }

        var outRoot = Path.GetFullPath(settings.Out ?? output.Value.Out ?? Path.Combine(root, OutputOptions.DefaultFolder));
        await using var provider = StagingProviders.Create("sqlite", "", outRoot);
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Staging database: {provider.Target}");
        var worst = MigrateCommand.Completed;
        foreach (var sample in Samples)
        {
            var request = new MigrationRequest(
                Path.Combine(root, sample),
                Path.Combine(root, Mapping),
                null,
                outRoot,
                new StagingOptions(),
                CancelledMessage: MigrateCommand.InterruptedMessage);
            try
            {
                var result = await new MigrationPipeline(provider, new PlainProgress(console)).RunAsync(request, cancellationToken);
                MigrationSummary.Write(console, result, provider);
                if (result.IsHeld)
                {
                    worst = MigrateCommand.ReconciliationFailed;
                }
            }
            catch (MigrationFailedException ex)
            {
                console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{sample}: {ex.Message}[/]");
                return MigrateCommand.CouldNotComplete;
            }
        }

        console.MarkupLine("Open the HTML reports above in a browser; [bold]dotnet run --project src/Jobs -- runs[/] lists the runs in "
            + "the staging database;");
        console.MarkupLine("[bold]dotnet run --project src/Jobs -- history --ins 21005 --entity-type COMMUNE[/] shows the commune's two "
            + "years side by side, and whether 2023 opens where 2022 closed.");
        return worst;
    }

    private static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "samples")) && Directory.Exists(Path.Combine(dir.FullName, "mappings")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
