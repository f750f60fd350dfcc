using System.Text.Json;

namespace Bascule.Load.Reconciliation;

/// <summary>Writes <c>reconciliation.json</c>: camelCase names, amounts as JSON numbers with two decimals.</summary>
public static class ReconciliationJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
    };

    public static string Serialize(ReconciliationReport report) => JsonSerializer.Serialize(report, Options);

    public static async Task WriteAsync(ReconciliationReport report, string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, report, Options, cancellationToken);
    }
}
