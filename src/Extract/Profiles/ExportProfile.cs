using System.Text;
using Bascule.Extract.Values;

namespace Bascule.Extract.Profiles;

/// <summary>
/// Maps one kind of delivery onto the canonical format, so that IT staff adapt to a variant without a code change.
/// <see cref="Default"/> reads the spec exactly. <see cref="Encoding"/> null means detect.
/// </summary>
public sealed record ExportProfile(
    string Name,
    char Delimiter,
    Encoding? Encoding,
    AmountNotation Amounts,
    string DateFormat,
    IReadOnlyDictionary<ExportFile, FileLayout> Files)
{
    public static ExportProfile Default { get; } = new(
        "default",
        ';',
        null,
        AmountNotation.Legacy,
        LegacyDate.DefaultFormat,
        Enum.GetValues<ExportFile>().ToDictionary(file => file, FileLayout.Default));

    public FileLayout Layout(ExportFile file) => Files.TryGetValue(file, out var layout) ? layout : FileLayout.Default(file);

    /// <summary>Reads a profile file (JSON); see <c>profiles/default.json</c> for every setting.</summary>
    public static ExportProfile Load(string path) => ExportProfileJson.Load(path);
}
