using System.Globalization;
using System.Text.RegularExpressions;
using Bascule.Extract.Values;

namespace Bascule.Jobs.Hosting;

/// <summary>What a folder a fleet entity names is like on this machine.</summary>
public enum FolderState
{
    Ok,
    Missing,
    Unreadable,
}

/// <summary>One folder of a fleet entity (an export folder of one year, or the mapping version) and its state here.</summary>
public sealed record FolderCheck(string Path, FolderState State, int? Year = null)
{
    public bool IsOk => State == FolderState.Ok;
}

/// <summary>
/// Whether the folders of a fleet entity exist and can be read on this machine, as resolved from the fleet file (relative
/// paths against the fleet file's folder): the export folder of each year, and the mapping version with its mapping.yaml.
/// </summary>
public static class FleetFolders
{
    private static readonly char[] Separators = ['/', '\\'];

    public static FolderCheck Mapping(FleetEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var state = Folder(entity.Mapping);
        if (state == FolderState.Ok)
        {
            state = File(System.IO.Path.Combine(entity.Mapping, "mapping.yaml"));
        }

        return new FolderCheck(entity.Mapping, state);
    }

    public static FolderCheck Export(FleetEntity entity, FiscalYear year)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var folder = entity.ExportFolder(year);
        return new FolderCheck(folder, Folder(folder), year.Value);
    }

    /// <summary>
    /// The years whose export folder exists, found by listing the folder above the first <c>{year}</c> of the pattern:
    /// what <c>bascule fleet</c> shows when no year is asked for.
    /// </summary>
    public static IReadOnlyList<FiscalYear> YearsFound(FleetEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var pattern = entity.Export;
        var marker = pattern.IndexOf("{year}", StringComparison.Ordinal);
        var start = pattern.LastIndexOfAny(Separators, marker) + 1;
        var end = pattern.IndexOfAny(Separators, marker) is var e and >= 0 ? e : pattern.Length;
        var parent = start > 0 ? pattern[..(start - 1)] : ".";
        var name = new Regex(
            "^" + Regex.Escape(pattern[start..end]).Replace(Regex.Escape("{year}"), "([0-9]{4})", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant);
        if (Folder(parent) != FolderState.Ok)
        {
            return [];
        }

        return
        [
            .. Directory.EnumerateDirectories(parent)
                .Select(d => name.Match(System.IO.Path.GetFileName(d)))
                .Where(m => m.Success)
                .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
                .Where(year => year is >= Cli.YearRange.Earliest and <= Cli.YearRange.Latest)
                .Distinct()
                .Order()
                .Select(year => new FiscalYear(year))
                .Where(year => Directory.Exists(entity.ExportFolder(year))),
        ];
    }

    /// <summary>What is wrong with <paramref name="check"/>, in a sentence naming the folder, or null when it is fine.</summary>
    public static string? Problem(FleetEntity entity, FolderCheck check)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(check);
        var what = check.Year is { } year
            ? string.Create(CultureInfo.InvariantCulture, $"{entity.Key} {year}: the export folder {check.Path}")
            : $"{entity.Key}: the mapping folder {check.Path}";
        return check.State switch
        {
            FolderState.Missing when check.Year is null && Directory.Exists(check.Path) => $"{what} has no mapping.yaml",
            FolderState.Missing => $"{what} does not exist",
            FolderState.Unreadable => $"{what} cannot be read by this account",
            _ => null,
        };
    }

    private static FolderState Folder(string path)
    {
        if (!Directory.Exists(path))
        {
            return FolderState.Missing;
        }

        try
        {
            using var entries = Directory.EnumerateFileSystemEntries(path).GetEnumerator();
            entries.MoveNext();
            return FolderState.Ok;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return FolderState.Unreadable;
        }
    }

    private static FolderState File(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            return FolderState.Missing;
        }

        try
        {
            using var stream = System.IO.File.OpenRead(path);
            return FolderState.Ok;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return FolderState.Unreadable;
        }
    }
}
