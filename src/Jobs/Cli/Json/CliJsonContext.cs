using System.Text.Json.Serialization;
using Bascule.Reconcile.Reports.Json;

namespace Bascule.Jobs.Cli.Json;

/// <summary>
/// The JSON documents of <c>--format json</c>, source-generated: field names in camelCase and stable (README, "For IT
/// staff"), every decimal written as euros with two decimals.
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    Converters = [typeof(JsonMoney)])]
[JsonSerializable(typeof(IReadOnlyList<RunJson>))]
[JsonSerializable(typeof(ExtractDocument))]
[JsonSerializable(typeof(MappingDiffDocument))]
[JsonSerializable(typeof(ReportDocument))]
[JsonSerializable(typeof(ReportDiffDocument))]
[JsonSerializable(typeof(CutoverDocument))]
[JsonSerializable(typeof(FleetDocument))]
public sealed partial class CliJsonContext : JsonSerializerContext;
