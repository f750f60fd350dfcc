using System.Globalization;

namespace Bascule.Load.Runs;

/// <summary>A date column as the providers return it: text (yyyy-MM-dd) on SQLite, a date elsewhere.</summary>
public static class StoredDate
{
    public static DateOnly Parse(object? value) => value switch
    {
        DateOnly date => date,
        DateTime dateTime => DateOnly.FromDateTime(dateTime),
        string text => DateOnly.ParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new FormatException($"Unexpected date value of type {value?.GetType().Name ?? "null"}."),
    };
}
