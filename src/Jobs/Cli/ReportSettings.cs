using System.ComponentModel;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>
/// The options of <c>bascule report --run RUN_ID</c> and <c>bascule report diff RUN_A RUN_B</c>. One command with an
/// optional action argument: Spectre.Console.Cli does not bind a branch's default command to its own options.
/// </summary>
public sealed class ReportSettings : StagingSettings
{
    public const string DiffAction = "diff";

    [CommandArgument(0, "[ACTION]")]
    [Description("Empty to write a run's reports; `diff` to compare two runs.")]
    public string? Action { get; init; }

    [CommandArgument(1, "[RUN_A]")]
    [Description("diff: the earlier run (see `bascule runs`).")]
    public string? RunA { get; init; }

    [CommandArgument(2, "[RUN_B]")]
    [Description("diff: the later run.")]
    public string? RunB { get; init; }

    [CommandOption("--run <RUN_ID>")]
    [Description("The run to report on (see `bascule runs`); published, held, superseded or failed.")]
    public string? Run { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("Folder for the reports (default: out/runs/<runId>/).")]
    public string? Out { get; init; }

    [CommandOption("--export <DIR>")]
    [Description(
        "The export folder the run read: the source ledger is then recomputed from ECRITURES.csv and every file's SHA-256 checked.")]
    public string? Export { get; init; }

    [CommandOption("--profile <FILE>")]
    [Description("Export profile (JSON) of that export when it differs from the spec, as given to migrate; default: the spec's layout.")]
    public string? Profile { get; init; }

    [CommandOption("--show-personal-data")]
    [Description("Show third parties' names and IBANs in the reports (default: masked; setting Reports:ShowPersonalData).")]
    public bool ShowPersonalData { get; init; }

    [CommandOption(OutputFormat.Option)]
    [Description(OutputFormat.Description)]
    public string Format { get; init; } = OutputFormat.Text;

    public bool IsDiff => Action == DiffAction;

    public override ValidationResult Validate()
    {
        if (OutputFormat.Validate(Format) is { Successful: false } format)
        {
            return format;
        }

        if (Action is null)
        {
            if (string.IsNullOrWhiteSpace(Run))
            {
                return ValidationResult.Error(RunSettings.RunRequired);
            }

            return RunId.TryParse(Run, out _)
                ? ValidationResult.Success()
                : ValidationResult.Error(
                    $"--run '{Run}' is not a run id: give one listed by `bascule runs`, e.g. --run 01936f8e-8c2a-7c41-9d2e-5b1f3a7c9e10.");
        }

        if (!IsDiff)
        {
            return ValidationResult.Error(
                $"'{Action}' is not a report action: use `bascule report --run RUN_ID` or `bascule report diff RUN_A RUN_B`.");
        }

        return RunId.TryParse(RunA, out _) && RunId.TryParse(RunB, out _)
            ? ValidationResult.Success()
            : ValidationResult.Error($"report diff needs two run ids ('{RunA}', '{RunB}' given): take them from `bascule runs`.");
    }

    /// <summary>A run id that <see cref="Validate"/> already accepted.</summary>
    public static RunId ParseRun(string? text) =>
        RunId.TryParse(text, out var id)
            ? id
            : throw new ArgumentException($"'{text}' is not a run id: give one listed by `bascule runs`.", nameof(text));
}
