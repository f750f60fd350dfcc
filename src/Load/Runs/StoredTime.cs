using System.Globalization;

namespace Bascule.Load.Runs;

/// <summary>A timestamp column as the providers return it: text on SQLite, a timestamp elsewhere; read as UTC.</summary>
public static class StoredTime
{
    public static DateTime? Utc(object? value) => value switch
    {
        null or DBNull => null,
        DateTime dateTime => DateTime.SpecifyKind(
            dateTime.Kind == DateTimeKind.Local ? dateTime.ToUniversalTime() : dateTime,
            DateTimeKind.Utc),
        DateTimeOffset offset => offset.UtcDateTime,
        string text => DateTime.SpecifyKind(
            DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            DateTimeKind.Utc),
        _ => throw new FormatException($"Unexpected timestamp value of type {value.GetType().Name}."),
    };
}
