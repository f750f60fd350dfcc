using System.Globalization;
using System.Text.Json;
using Bascule.Extract.Values;

namespace Bascule.Jobs.Hosting;

/// <summary>
/// The entities IT staff migrate, read from <c>fleet.json</c>. Relative export and mapping paths are relative to the
/// fleet file's folder, so the file works from any working folder.
/// </summary>
public sealed class Fleet
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private Fleet(string path, IReadOnlyList<FleetEntity> entities)
    {
        Path = path;
        Entities = entities;
    }

    public string Path { get; }

    public IReadOnlyList<FleetEntity> Entities { get; }

    public FleetEntity Find(string key) =>
        Entities.FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase))
        ?? throw new FleetFileException($"{Path}: no entity '{key}'. Known keys: {string.Join(", ", Entities.Select(e => e.Key))}.");

    public static Fleet Load(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FleetFileException(
                $"{full}: the fleet file was not found. Give --fleet or set Jobs:Fleet; fleet.json at the repository root is an example.");
        }

        FleetFile? file;
        try
        {
            file = JsonSerializer.Deserialize<FleetFile>(File.ReadAllText(full), JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new FleetFileException(
                string.Create(CultureInfo.InvariantCulture, $"{full}:{(ex.LineNumber ?? 0) + 1}:{(ex.BytePositionInLine ?? 0) + 1}: not "
                    + $"valid fleet JSON ({ex.Message}). Fix the file at that place."), ex);
        }

        var folder = System.IO.Path.GetDirectoryName(full)!;
        var entities = (file?.Entities ?? []).Select((e, i) => Entity(full, folder, i, e)).ToList();
        var duplicate = entities.GroupBy(e => e.Key, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new FleetFileException(
                $"{full}: the key '{duplicate.Key}' is used by more than one entity. Give each entity its own key.");
        }

        return entities.Count == 0
            ? throw new FleetFileException($"{full}: the fleet has no entities. Add them under \"entities\".")
            : new Fleet(full, entities);
    }

    private static FleetEntity Entity(string file, string folder, int index, FleetFile.EntityEntry entry)
    {
        string Required(string? value, string field) => string.IsNullOrWhiteSpace(value)
            ? throw new FleetFileException(
                string.Create(CultureInfo.InvariantCulture, $"{file}: entities[{index}] has no \"{field}\". Add it."))
            : value.Trim();

        var key = Required(entry.Key, "key");
        if (!EntityTypes.TryParse(Required(entry.Type, "type"), out var type))
        {
            throw new FleetFileException($"{file}: entity '{key}' has type '{entry.Type}'; use COMMUNE or CPAS.");
        }

        var ins = Required(entry.Ins, "ins");
        if (ins.Length != 5 || !ins.All(char.IsAsciiDigit))
        {
            throw new FleetFileException($"{file}: entity '{key}' has INS code '{ins}'; an INS code is 5 digits, e.g. 21005.");
        }

        var export = Required(entry.Export, "export");
        if (!export.Contains("{year}", StringComparison.Ordinal))
        {
            throw new FleetFileException($"{file}: entity '{key}' has export '{export}' without {{year}}; write where each year's export "
                + $"lies, e.g. exports/{{year}}/{key}.");
        }

        var tolerances = entry.Tolerances is { } t ? new Load.Runs.Tolerances(t.UnmappedLines, t.UnmappedEuros, t.RejectedLines) : null;
        if (tolerances is { IsNegative: true })
        {
            throw new FleetFileException(
                $"{file}: entity '{key}' has a negative tolerance; a tolerance is the most exceptions allowed, 0 or more.");
        }

        var policy = entry.RequireApprovedMapping is null && tolerances is null
            ? null
            : new Pipeline.EntityPolicy(ins, type, entry.RequireApprovedMapping, tolerances);
        return new FleetEntity(key, Required(entry.Name, "name"), type, ins,
            System.IO.Path.GetFullPath(export, folder), System.IO.Path.GetFullPath(Required(entry.Mapping, "mapping"), folder), policy);
    }

    private sealed class FleetFile
    {
        public List<EntityEntry>? Entities { get; set; }

        public sealed class EntityEntry
        {
            public string? Key { get; set; }

            public string? Name { get; set; }

            public string? Type { get; set; }

            public string? Ins { get; set; }

            public string? Export { get; set; }

            public string? Mapping { get; set; }

            public bool? RequireApprovedMapping { get; set; }

            public ToleranceEntry? Tolerances { get; set; }
        }

        public sealed class ToleranceEntry
        {
            public long? UnmappedLines { get; set; }

            public decimal? UnmappedEuros { get; set; }

            public long? RejectedLines { get; set; }
        }
    }
}
