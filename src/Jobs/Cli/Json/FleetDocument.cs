namespace Bascule.Jobs.Cli.Json;

/// <summary>
/// <c>bascule fleet --format json</c>: the fleet file, whether every folder is there (<c>ok</c>), and per entity its
/// export folder pattern and mapping folder as resolved (full paths), each folder with its state (<c>ok</c>,
/// <c>missing</c>, <c>unreadable</c>).
/// </summary>
public sealed record FleetDocument(string Fleet, bool Ok, IReadOnlyList<FleetEntityJson> Entities);

public sealed record FleetEntityJson(
    string Key,
    string Name,
    string Type,
    string Ins,
    string Export,
    IReadOnlyList<FleetFolderJson> Exports,
    FleetFolderJson Mapping,
    bool Ok);

/// <summary>A folder and its state; <c>year</c> for an export folder.</summary>
public sealed record FleetFolderJson(string Path, string State, int? Year);
