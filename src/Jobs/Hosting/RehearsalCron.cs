using System.Globalization;
using Cronos;

namespace Bascule.Jobs.Hosting;

/// <summary>
/// The cron expression of a recurring rehearsal, checked before anything is written to the job storage: five fields in
/// UTC (or a macro such as <c>@daily</c>), parsed with Cronos, the parser Hangfire itself uses, and refused when no date
/// ever matches it (31 February), which Hangfire would accept and never run.
/// </summary>
public static class RehearsalCron
{
    public const string Example = "0 2 * * 6";

    /// <summary>What every refusal ends with: the format and an example.</summary>
    public const string Format = "Five fields in UTC: minute hour day-of-month month day-of-week, e.g. \"" + Example
        + "\" (Saturdays 02:00).";

    private const string CronosPrefix = "The given cron expression has an invalid format.";

    private static readonly string[] FieldNames = ["minute", "hour", "day-of-month", "month", "day-of-week"];

    // Cronos names the field at fault with these words.
    private static readonly Dictionary<string, int> CronosFields = new(StringComparer.Ordinal)
    {
        ["Minutes"] = 0,
        ["Hours"] = 1,
        ["Days of month"] = 2,
        ["Months"] = 3,
        ["Days of week"] = 4,
    };

    /// <summary>Null when <paramref name="cron"/> is usable; else a message that quotes it, says what is wrong and how to write
    /// one.</summary>
    public static string? Problem(string? cron)
    {
        var what = Fault(cron ?? "");
        return what is null ? null : $"'{cron}' is not a valid cron expression: {what}. {Format}";
    }

    /// <summary>The next time <paramref name="cron"/> (already checked) comes after <paramref name="afterUtc"/>, in UTC.</summary>
    public static DateTime? Next(string cron, DateTime afterUtc) =>
        CronExpression.Parse(cron.Trim()).GetNextOccurrence(DateTime.SpecifyKind(afterUtc, DateTimeKind.Utc));

    private static string? Fault(string cron)
    {
        var trimmed = cron.Trim();
        if (trimmed.Length == 0)
        {
            return "it is empty";
        }

        var fields = trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (!trimmed.StartsWith('@') && fields.Length != 5)
        {
            return fields.Length == 6
                ? "it has 6 fields; a sixth field (seconds) is not accepted here"
                : string.Create(CultureInfo.InvariantCulture, $"it has {fields.Length} field{(fields.Length == 1 ? "" : "s")}, not 5");
        }

        CronExpression expression;
        try
        {
            expression = CronExpression.Parse(trimmed);
        }
        catch (CronFormatException ex)
        {
            return Explain(ex.Message, fields);
        }

        return expression.GetNextOccurrence(DateTime.UtcNow) is null ? "no date ever matches it" : null;
    }

    // "The given cron expression has an invalid format. Minutes: Value must be a number between 0 and 59 (all inclusive)."
    // becomes "the minute field '61': value must be a number between 0 and 59 (all inclusive)".
    private static string Explain(string message, string[] fields)
    {
        var what = message.StartsWith(CronosPrefix, StringComparison.Ordinal) ? message[CronosPrefix.Length..].Trim() : message.Trim();
        what = what.TrimEnd('.');
        var colon = what.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && CronosFields.TryGetValue(what[..colon], out var index) && index < fields.Length)
        {
            var detail = what[(colon + 1)..].Trim();
            detail = detail.Length > 0 ? char.ToLowerInvariant(detail[0]) + detail[1..] : detail;
            return $"the {FieldNames[index]} field '{fields[index]}': {detail}";
        }

        return what.Length == 0 ? "it cannot be read" : char.ToLowerInvariant(what[0]) + what[1..];
    }
}
