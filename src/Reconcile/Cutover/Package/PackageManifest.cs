using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Bascule.Load.Runs;
using Bascule.Reconcile.Cutover.Model;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Reports.Json;

namespace Bascule.Reconcile.Cutover.Package;

/// <summary>
/// <c>manifest.json</c>: where the package comes from (run id and fingerprint, mapping id, version and SHA-256), its date,
/// its closing rule, and every file with its SHA-256 (data files also with record count and amount totals).
/// </summary>
public sealed class PackageManifest(CutoverResult result, IReadOnlyList<PackageFile> files)
{
    public const string Format = "bascule-cutover/1";

    public CutoverResult Result { get; } = result;

    public IReadOnlyList<PackageFile> Files { get; } = files;

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var run = Result.Run;
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteString("runId", run.RunId.Value);
            w.WriteString("entity", run.Entity);
            w.WriteString("entityType", run.EntityType);
            w.WriteString("insCode", run.InsCode);
            w.WriteNumber("fiscalYear", run.FiscalYear.Value);
            w.WriteString("asOf", CutoverPackage.Day(Result.AsOf));
            w.WriteStartObject("run");
            w.WriteString("status", run.RunStatus.ToCode());
            w.WriteString("fingerprint", run.Fingerprint);
            w.WriteEndObject();
            w.WriteStartObject("mapping");
            w.WriteString("id", run.Mapping.Id);
            w.WriteString("version", run.Mapping.Version);
            w.WriteString("sha256", run.Mapping.Sha256);
            Bascule.Reconcile.Reports.Json.ReconciliationJsonWriter.Approval(w, run.MappingApproval);
            w.WriteEndObject();
            w.WriteStartObject("closingRule");
            w.WriteString("resultAccount", Result.ResultAccount);
            w.Money("closedResult", Result.ClosedResult);
            w.Money("offBalanceExcluded", Result.OffBalanceExcluded);
            w.WriteEndObject();
            w.WriteString("reconciliationStatus", Result.Status.ToCode());
            w.WriteStartArray("files");
            foreach (var file in Files)
            {
                w.WriteStartObject();
                w.WriteString("name", file.Name);
                w.WriteString("sha256", file.Sha256);
                if (file.Rows is { } rows)
                {
                    w.WriteNumber("rows", rows);
                    w.WriteStartObject("totals");
                    foreach (var (column, total) in file.Totals)
                    {
                        w.Money(column, total);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("createdUtc", Result.ComputedUtc);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
