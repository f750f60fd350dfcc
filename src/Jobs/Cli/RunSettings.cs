using System.ComponentModel;
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
        RunId.TryParse(Run, out _)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--run '{Run}' is not a run id: give a run listed by `bascule runs`, e.g. --run 01936f8e-8c2a-7c41-9d2e-5b1f3a7c9e10.");
}
