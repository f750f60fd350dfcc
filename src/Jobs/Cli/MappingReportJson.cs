using System.Text;
using System.Text.Json;
using Bascule.Extract.Values;
using Bascule.Transform.Validation;

namespace Bascule.Jobs.Cli;

/// <summary>The validation report as JSON with stable field names, for tools; amounts are numbers with two decimals.</summary>
public static class MappingReportJson
{
    public static string Write(MappingValidation validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("directory", validation.Directory);
            if (validation.Identity is { } id)
            {
                json.WriteStartObject("mapping");
                json.WriteString("id", id.Id);
                json.WriteString("version", id.Version);
                json.WriteString("sha256", id.Sha256);
                json.WriteEndObject();
            }

            json.WriteString("status", validation.IsValid ? "VALID" : "NOT_VALID");
            json.WriteStartArray("findings");
            foreach (var f in validation.Findings)
            {
                json.WriteStartObject();
                json.WriteString("severity", f.Severity.ToString().ToUpperInvariant());
                json.WriteString("check", f.Check);
                json.WriteString("rule", f.RuleId);
                json.WriteString("file", f.File);
                json.WriteNumber("line", f.Line);
                json.WriteString("message", f.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (validation.Coverage is { } c)
            {
                json.WriteStartObject("coverage");
                json.WriteString("export", validation.ExportFolder);
                json.WriteString("entityType", c.EntityType.ToCode());
                json.WriteNumber("fiscalYear", c.Year.Value);
                json.WriteNumber("lines", c.Lines);
                json.WriteNumber("combinations", c.Combinations);
                json.WriteNumber("mappedLines", c.MappedLines);
                Money(json, "mappedDebit", c.MappedDebit);
                Money(json, "mappedCredit", c.MappedCredit);
                json.WriteNumber("unmappedLines", c.UnmappedLines);
                Money(json, "unmappedDebit", c.UnmappedDebit);
                Money(json, "unmappedCredit", c.UnmappedCredit);
                json.WriteNumber("rejectedLines", validation.RejectedLines);
                json.WriteStartArray("uncovered");
                foreach (var u in c.Uncovered)
                {
                    json.WriteStartObject();
                    json.WriteString("account", u.Account);
                    json.WriteString("article", u.ArticleText);
                    json.WriteNumber("lines", u.Lines);
                    Money(json, "debit", u.Debit);
                    Money(json, "credit", u.Credit);
                    json.WriteString("firstFile", u.First.File);
                    json.WriteNumber("firstLine", u.First.Line);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("unusedRules");
                foreach (var g in c.UnusedRules)
                {
                    json.WriteStartObject();
                    json.WriteString("rule", g.BaseId);
                    json.WriteNumber("line", g.First.Line);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    // Written as a raw number so that 12.50 stays 12.50, as the reconciliation's JSON does.
    private static void Money(Utf8JsonWriter json, string name, Amount amount)
    {
        json.WritePropertyName(name);
        json.WriteRawValue(amount.ToString());
    }
}
