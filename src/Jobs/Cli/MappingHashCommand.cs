using System.ComponentModel;
using Bascule.Transform;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary><c>bascule mapping hash DIR</c>: the SHA-256 that identifies a version (see mappings/README.md to recompute it by
/// hand).</summary>
public sealed class MappingHashCommand : Command<MappingHashCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("Folder of one mapping version, e.g. mappings/bxl-2024/1.0.0.")]
        public string Directory { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            var version = MappingVersion.Load(settings.Directory);
            Console.Out.WriteLine($"{version.Identity.Sha256}  {version.Identity.Id} {version.Identity.Version}");
            return 0;
        }
        catch (MappingLoadException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }
}
