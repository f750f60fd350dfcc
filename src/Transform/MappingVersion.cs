using Bascule.Extract.Values;
using Bascule.Transform.Charts;
using Bascule.Transform.Hashing;
using Bascule.Transform.Manifests;
using Bascule.Transform.Mapping;
using Bascule.Transform.Resolution;
using Bascule.Transform.Rules;
using Bascule.Transform.Validation;

namespace Bascule.Transform;

/// <summary>
/// One version of a mapping (<c>mappings/&lt;id&gt;/&lt;version&gt;/</c>): its manifest, its rules and the target chart
/// it names, read and parsed once. Loading fails only on what cannot be read; everything an auditor checks is in
/// <see cref="Validate"/>, and <see cref="CreateMapper"/> refuses a version with errors.
/// </summary>
public sealed class MappingVersion
{
    public const string RulesFileName = "rules.csv";

    private IReadOnlyList<MappingFinding>? _findings;

    private MappingVersion(string directory, string root, string manifestPath, string manifestText, Manifest manifest,
        string rulesPath, string rulesText, IReadOnlyList<Rule> rules, string chartPath, string chartText, TargetChart chart, string sha256)
    {
        Directory = directory;
        MappingsRoot = root;
        ManifestPath = manifestPath;
        ManifestText = manifestText;
        Manifest = manifest;
        RulesPath = rulesPath;
        RulesText = rulesText;
        Rules = rules;
        Groups = RulesFile.Group(rules);
        ChartPath = chartPath;
        ChartText = chartText;
        Chart = chart;
        Identity = new MappingIdentity(manifest.Id, manifest.Version, sha256);
    }

    public string Directory { get; }

    public string MappingsRoot { get; }

    public string ManifestPath { get; }

    public string ManifestText { get; }

    public Manifest Manifest { get; }

    public string RulesPath { get; }

    public string RulesText { get; }

    public IReadOnlyList<Rule> Rules { get; }

    public IReadOnlyList<RuleGroup> Groups { get; }

    public string ChartPath { get; }

    public string ChartText { get; }

    public TargetChart Chart { get; }

    public MappingIdentity Identity { get; }

    /// <summary>
    /// The approval that still holds: the manifest's approval block, when its hash is the version's identity; null
    /// when the version was never approved or was altered since (then it cannot be used for a run anyway).
    /// </summary>
    public MappingApproval? Approval =>
        Manifest.Approval is { } approval && string.Equals(approval.Sha256, Identity.Sha256, StringComparison.Ordinal)
            ? new MappingApproval(approval.By, approval.On)
            : null;

    public static MappingVersion Load(string versionDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(versionDirectory);
        var manifestPath = Path.Combine(versionDirectory, ManifestFile.FileName);
        if (!File.Exists(manifestPath))
        {
            throw new MappingLoadException(
                manifestPath,
                0,
                0,
                $"no {ManifestFile.FileName} here; give the folder of one mapping version, e.g. mappings/bxl-2024/1.0.0.");
        }

        var root = Manifests.MappingsRoot.Find(versionDirectory);
        var manifestText = Text.SourceText.Read(manifestPath, manifestPath);
        var manifest = ManifestFile.Parse(manifestText, manifestPath);
        var chartPath = Manifests.MappingsRoot.Resolve(root, versionDirectory, manifest.Chart, manifestPath, manifest.Lines["chart"]);
        var chartName = Display(chartPath);
        var chartText = Text.SourceText.Read(chartPath, chartName);
        var chart = TargetChart.Parse(chartText, chartName);
        var rulesPath = Path.Combine(versionDirectory, RulesFileName);
        var rulesText = Text.SourceText.Read(rulesPath, rulesPath);
        var rules = RulesFile.Parse(rulesText, rulesPath);
        var sha = CanonicalContent.Sha256(manifestText, rulesText, Manifests.MappingsRoot.RelativeName(root, chartPath), chartText);
        return new MappingVersion(
            versionDirectory,
            root,
            manifestPath,
            manifestText,
            manifest,
            rulesPath,
            rulesText,
            rules,
            chartPath,
            chartText,
            chart,
            sha);
    }

    /// <summary>Every auditor check that needs no export; see <see cref="MappingValidator"/>.</summary>
    public IReadOnlyList<MappingFinding> Validate() => _findings ??= MappingValidator.Run(this);

    public bool Covers(EntityType entityType, FiscalYear year) =>
        Manifest.EntityTypes.Contains(entityType) && Manifest.FiscalYears.Contains(year.Value);

    public LineMapper CreateMapper(EntityType entityType, FiscalYear year)
    {
        var errors = Validate().Where(f => f.IsError).ToList();
        if (errors.Count > 0)
        {
            throw new MappingUnusableException(
                $"Mapping {Identity.Id} {Identity.Version} has {errors.Count} error(s) and cannot be used; fix them (bascule mapping "
                    + $"validate {Directory}):"
                + string.Concat(errors.Take(20).Select(e => Environment.NewLine + "  " + e)));
        }

        if (!Covers(entityType, year))
        {
            throw new MappingUnusableException(
                $"Mapping {Identity.Id} {Identity.Version} covers {string.Join(", ", Manifest.EntityTypes.Select(t => t.ToCode()))} for "
                    + $"{Manifest.FiscalYears}, "
                + $"not a {entityType.ToCode()} for {year}; use a version whose manifest covers this export.");
        }

        return new LineMapper(this, entityType, year);
    }

    // A path under the working folder reads best relative to it; any other, in full.
    private static string Display(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    /// <summary>A resolver over this version's rules, whatever its findings: validation and diffs need it on faulty versions too.</summary>
    public RuleResolver CreateResolver() => new(Groups, Manifest.FiscalYears);
}
