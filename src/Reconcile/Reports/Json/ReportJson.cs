using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Bascule.Reconcile.Cutover.Package;
using Bascule.Reconcile.Cutover.Reports;
using Bascule.Reconcile.History;

namespace Bascule.Reconcile.Reports.Json;

/// <summary>
/// Writes the JSON files of the reports, the history and the cut-over package from their document types: indented,
/// field names in camelCase in the order the records declare them, euros with two decimals (<see cref="JsonMoney"/>),
/// nulls written unless a field says otherwise, no newline after the closing brace.
/// </summary>
public static class ReportJson
{
    // Names with accents and apostrophes (Commune d'Etterbeek, Crédit) stay readable: the files are read by people and
    // tools, and are never inlined into a web page (the HTML reports encode what they show).
    private static readonly JsonSerializerOptions Options = new(ReportJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Task WriteAsync<T>(Stream stream, T document, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(stream, document, TypeInfo<T>(), cancellationToken);

    public static string Serialize<T>(T document) => JsonSerializer.Serialize(document, TypeInfo<T>());

    private static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}

[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters = [typeof(JsonMoney)])]
[JsonSerializable(typeof(ReconciliationDocument))]
[JsonSerializable(typeof(HistoryDocument))]
[JsonSerializable(typeof(CutoverReconciliationDocument))]
[JsonSerializable(typeof(PackageManifestDocument))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
