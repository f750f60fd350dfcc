using System.Text.Json;
using Bascule.Reconcile.Model;

namespace Bascule.Reconcile.Reports.Json;

/// <summary>
/// Check 10 in JSON (<c>continuity</c>): per pair of years its state (<c>OK</c>, <c>FAILED</c>, <c>UNCHECKED</c>), both
/// runs, the earlier year's result and its allocation per side, the accounts that do not agree, and the sentences
/// people read. The reconciliation and the history write it alike.
/// </summary>
public static class ContinuityJson
{
    public static void Write(Utf8JsonWriter w, IReadOnlyList<ContinuityPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(pairs);
        w.WriteStartArray("continuity");
        foreach (var pair in pairs)
        {
            w.WriteStartObject();
            w.WriteNumber("earlierYear", pair.EarlierYear);
            w.WriteNumber("laterYear", pair.LaterYear);
            w.WriteString("status", ContinuityText.StatusCode(pair));
            Run(w, "earlierRun", pair.Earlier);
            Run(w, "laterRun", pair.Later);
            if (pair.IsChecked)
            {
                Side(w, "legacyAccounts", pair, ContinuitySide.Legacy, pair.LegacyResult);
                Side(w, "newAccounts", pair, ContinuitySide.New, pair.NewResult);
            }
            else
            {
                w.WriteStartArray("missingYears");
                foreach (var year in pair.MissingYears)
                {
                    w.WriteNumberValue(year);
                }

                w.WriteEndArray();
                w.WriteStartArray("heldRuns");
                foreach (var held in pair.HeldInMissingYear)
                {
                    w.WriteStringValue(held);
                }

                w.WriteEndArray();
            }

            w.WriteString("fr", ContinuityText.French(pair));
            w.WriteString("nl", ContinuityText.Dutch(pair));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Run(Utf8JsonWriter w, string name, PairRun? run)
    {
        if (run is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteString("runId", run.RunId.Value);
        w.WriteNumber("fiscalYear", run.FiscalYear);
        w.WriteString("status", run.Status);
        w.WriteString("mappingVersion", run.MappingVersion);
        w.WriteString("fingerprint", run.Fingerprint);
        w.WriteEndObject();
    }

    private static void Side(Utf8JsonWriter w, string name, ContinuityPair pair, ContinuitySide side, decimal result)
    {
        var rows = pair.Rows.Where(r => r.Side == side).ToList();
        w.WriteStartObject(name);
        w.WriteNumber("accounts", rows.Count);
        w.Money("result", result);
        if (pair.Allocation(side) is { } allocation)
        {
            w.WriteStartObject("resultAllocation");
            w.WriteString("account", allocation.Account);
            w.Money("amount", allocation.Difference);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("resultAllocation");
        }

        w.WriteStartArray("differences");
        foreach (var row in rows.Where(r => r.Nature == ContinuityNature.Differs))
        {
            w.WriteStartObject();
            w.WriteString("account", row.Account);
            w.Money("closing", row.Closing);
            w.Money("expectedOpening", row.Expected);
            w.Money("opening", row.Opening);
            w.Money("difference", row.Difference);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
