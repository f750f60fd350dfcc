using System.Text.Json.Serialization;

namespace Bascule.Load.Reconciliation;

/// <summary>The outcome of a check or of a whole run, worst first when combined.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CheckStatus>))]
public enum CheckStatus
{
    [JsonStringEnumMemberName("OK")]
    Ok,

    [JsonStringEnumMemberName("WARNING")]
    Warning,

    [JsonStringEnumMemberName("FAILED")]
    Failed,
}
