using Bascule.Extract.Values;

namespace Bascule.Jobs.Hosting;

/// <summary>
/// One entity of the fleet file: <paramref name="Export"/> is the export folder pattern, <c>{year}</c> standing for the
/// fiscal year; <paramref name="Mapping"/> the mapping version folder.
/// </summary>
public sealed record FleetEntity(string Key, string Name, EntityType Type, string InsCode, string Export, string Mapping)
{
    public string ExportFolder(FiscalYear year) => Export.Replace("{year}", year.ToString(), StringComparison.Ordinal);
}
