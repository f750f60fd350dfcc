using Bascule.Extract.Values;

namespace Bascule.Jobs.Hosting;

/// <summary>
/// One entity of the fleet file: <paramref name="Export"/> is the export folder pattern, <c>{year}</c> standing for the
/// fiscal year; <paramref name="Mapping"/> the mapping version folder; <paramref name="Policy"/> the entity's own
/// governance (approved mappings required, tolerances), overriding the fleet's where it is set.
/// </summary>
public sealed record FleetEntity(
    string Key,
    string Name,
    EntityType Type,
    string InsCode,
    string Export,
    string Mapping,
    Pipeline.EntityPolicy? Policy = null)
{
    public string ExportFolder(FiscalYear year) => Export.Replace("{year}", year.ToString(), StringComparison.Ordinal);
}
