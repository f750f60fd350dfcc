using System.ComponentModel;
using Bascule.Transform;
using Bascule.Transform.Manifests;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>
/// <c>bascule mapping approve DIR --by "Name, role"</c>: records who approved the version, today, and the hash of
/// what they approved, in the manifest's approval block. A version with errors cannot be approved.
/// </summary>
public sealed class MappingApproveCommand : Command<MappingApproveCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("Folder of one mapping version, e.g. mappings/bxl-2024/1.0.0.")]
        public string Directory { get; init; } = "";

        [CommandOption("--by <NAME>")]
        [Description("Who approves, as \"Name, role\".")]
        public string By { get; init; } = "";

        public override Spectre.Console.ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(By)
                ? Spectre.Console.ValidationResult.Error("Say who approves: --by \"Name, role\".")
                : Spectre.Console.ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        MappingVersion version;
        try
        {
            version = MappingVersion.Load(settings.Directory);
        }
        catch (MappingLoadException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }

        if (version.Manifest.Approval is { } approval)
        {
            Console.Error.WriteLine($"{version.Identity.Id} {version.Identity.Version} was already approved by {approval.By} on "
                + $"{approval.On:yyyy-MM-dd}; "
                + "an approved version is never edited: put the changes in a new version folder and approve that one.");
            return 1;
        }

        var errors = version.Validate().Where(f => f.IsError).ToList();
        if (errors.Count > 0)
        {
            Console.Error.WriteLine($"{version.Identity.Id} {version.Identity.Version} has {errors.Count} error(s) and cannot be "
                + $"approved; run bascule mapping validate {settings.Directory}.");
            foreach (var error in errors)
            {
                Console.Error.WriteLine("  " + error);
            }

            return 1;
        }

        string sha;
        try
        {
            sha = VersionApproval.Approve(version, settings.By, DateOnly.FromDateTime(DateTime.Today));
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }

        Console.Out.WriteLine($"Approved {version.Identity.Id} {version.Identity.Version} by {settings.By.Trim()}: sha256 {sha}");
        return 0;
    }
}
