namespace Bascule.Transform.Validation;

/// <summary>
/// Rules stay within what the manifest says the version covers (entity types, fiscal years), and the version
/// lives in the folder its manifest names (<c>&lt;id&gt;/&lt;version&gt;</c>), so a copied folder cannot pass for another version.
/// </summary>
internal static class ScopeCheck
{
    public static IEnumerable<MappingFinding> Run(MappingVersion version)
    {
        var manifest = version.Manifest;
        foreach (var rule in version.Rules)
        {
            if (rule.EntityType is { } type && !manifest.EntityTypes.Contains(type))
            {
                yield return new MappingFinding(FindingSeverity.Error, "ENTITY_TYPE_OUTSIDE_MANIFEST", rule.Id, version.RulesPath, rule
                    .Line,
                    $"rule {rule.Id} is for {type.ToString().ToUpperInvariant()} but the manifest's entity_types do not include it; fix "
                        + $"the rule or the manifest.");
            }

            if (rule.Years is { } years && !manifest.FiscalYears.Covers(years))
            {
                yield return new MappingFinding(FindingSeverity.Error, "YEARS_OUTSIDE_MANIFEST", rule.Id, version.RulesPath, rule.Line,
                    $"rule {rule.Id} is for years {years}, outside the manifest's fiscal_years {manifest.FiscalYears}; narrow the rule or "
                        + $"widen the manifest.");
            }
        }

        var full = Path.GetFullPath(version.Directory);
        var folder = Path.GetFileName(Path.TrimEndingDirectorySeparator(full));
        var family = Path.GetFileName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(full)));
        if (folder != manifest.Version || family != manifest.Id)
        {
            yield return new MappingFinding(FindingSeverity.Warning, "FOLDER_MISMATCH", null, version.ManifestPath, manifest.Lines[
                "version"],
                $"the manifest says {manifest.Id} {manifest.Version} but the folder is {family}/{folder}; keep each version in "
                    + $"mappings/<id>/<version>/.");
        }
    }
}
