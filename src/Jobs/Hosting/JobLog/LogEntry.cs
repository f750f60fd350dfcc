using System.Text.Json.Serialization;

namespace Bascule.Jobs.Hosting.JobLog;

/// <summary>
/// One line of the <c>serve</c> log in <c>--log-format json</c>. The names are a contract with log shippers (README,
/// "The serve log"): <c>time</c> (ISO 8601, UTC), <c>level</c>, <c>source</c>, <c>message</c>, and for a job's life
/// cycle <c>event</c> (<c>job.started</c>, <c>job.retry</c>, <c>job.succeeded</c>, <c>job.failed</c>,
/// <c>job.cancelled</c>), <c>entity</c>, <c>year</c>, <c>job</c>, <c>run</c> (when known), <c>attempt</c>,
/// <c>durationSeconds</c> and <c>outcome</c>; <c>reason</c> says why a job did not succeed, <c>exception</c> holds the
/// details of a fault. Absent fields are left out.
/// </summary>
public sealed record LogEntry(DateTime Time, string Level, string Source, string Message)
{
    public string? Event { get; init; }

    public string? Entity { get; init; }

    public int? Year { get; init; }

    public string? Job { get; init; }

    public string? Run { get; init; }

    public int? Attempt { get; init; }

    public double? DurationSeconds { get; init; }

    public string? Outcome { get; init; }

    public string? Reason { get; init; }

    public string? Exception { get; init; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LogEntry))]
internal sealed partial class LogJsonContext : JsonSerializerContext;
