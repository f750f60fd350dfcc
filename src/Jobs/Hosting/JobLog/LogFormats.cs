namespace Bascule.Jobs.Hosting.JobLog;

/// <summary>
/// The <c>--log-format</c> of <c>bascule serve</c>: <c>text</c>, one line per entry for people, or <c>json</c>, one JSON
/// object per line for log shippers, with the same entries and stable field names (<see cref="LogEntry"/>).
/// </summary>
public static class LogFormats
{
    public const string Text = "text";
    public const string Json = "json";

    public static bool IsValid(string? format) => format is Text or Json;
}
