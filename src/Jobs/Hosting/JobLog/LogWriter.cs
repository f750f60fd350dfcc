using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Bascule.Load.Providers;

namespace Bascule.Jobs.Hosting.JobLog;

/// <summary>
/// Where every line of the <c>serve</c> log goes (Hangfire's, the host's and the job life cycle): one entry, one line,
/// in text or JSON, stamped in UTC. Each message is scrubbed of the secrets of the connection strings in play before it
/// is written, whatever wrote it.
/// </summary>
public sealed class LogWriter(
    string format,
    TextWriter? writer = null,
    IReadOnlyList<string>? connections = null,
    TimeProvider? clock = null)
{
    private static readonly JsonSerializerOptions JsonOptions = new(LogJsonContext.Default.Options)
    {
        // Names with accents stay readable for whoever greps the log; the line never goes into a web page.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Lock _gate = new();

    public string Format { get; }
        = LogFormats.IsValid(format) ? format : throw new ArgumentException($"--log-format '{format}' is unknown: use text or json.");

    public DateTime Now => (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;

    /// <summary>A new entry stamped now.</summary>
    public LogEntry Entry(string level, string source, string message) => new(Now, level, source, message);

    public void Write(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var scrubbed = entry with { Message = Scrub(entry.Message)!, Reason = Scrub(entry.Reason), Exception = Scrub(entry.Exception) };
        var line = Format == LogFormats.Json ? JsonSerializer.Serialize(scrubbed, JsonOptions.GetTypeInfo<LogEntry>()) : Text(scrubbed);
        var output = writer ?? Console.Out;
        lock (_gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }

    /// <summary>
    /// <c>2026-11-28 16:05:09Z [INFO] (source) message</c>; a job's fields follow as <c>key=value</c>, and a fault's details
    /// on the next lines, as a .NET log shows them.
    /// </summary>
    private static string Text(LogEntry entry)
    {
        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"{entry.Time:yyyy-MM-dd HH:mm:ss}Z [{entry.Level}] ({entry.Source}) {entry.Message}");
        if (entry.Event is not null)
        {
            line.Append(CultureInfo.InvariantCulture, $" | event={entry.Event} entity={entry.Entity} year={entry.Year} job={entry.Job} "
                + $"run={entry.Run ?? "-"} attempt={entry.Attempt}");
            line.Append(CultureInfo.InvariantCulture, $" duration={(entry.DurationSeconds is { } seconds ?
                seconds.ToString("0.0", CultureInfo.InvariantCulture) + "s" : "-")} outcome={entry.Outcome}");
        }

        if (entry.Exception is not null)
        {
            line.AppendLine().Append(entry.Exception);
        }

        return line.ToString();
    }

    private string? Scrub(string? text) =>
        text is null || connections is null ? text : connections.Aggregate(text, (t, c) => ConnectionText.Scrub(t, c));
}
