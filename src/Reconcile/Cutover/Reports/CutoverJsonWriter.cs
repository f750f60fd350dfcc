using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Bascule.Reconcile.Cutover.Model;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Reports;
using Bascule.Reconcile.Reports.Json;

namespace Bascule.Reconcile.Cutover.Reports;

/// <summary>
/// <c>cutover-reconciliation.json</c>: the run reconciliation's field names where they mean the same (<c>runId</c>,
/// <c>entity</c>, <c>fiscalYear</c>, <c>mapping</c>, <c>checks</c>, <c>status</c>), then the package's own; amounts are
/// JSON numbers with two decimals.
/// </summary>
public static class CutoverJsonWriter
{
    public static async Task WriteAsync(CutoverResult result, Stream stream, ReportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        await using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        Header(w, result);
        w.WriteStartObject("totals");
        w.Money("openingDebit", result.OpeningBalances.Sum(b => b.Debit));
        w.Money("openingCredit", result.OpeningBalances.Sum(b => b.Credit));
        w.Money("closedResult", result.ClosedResult);
        w.Money("offBalanceExcluded", result.OffBalanceExcluded);
        w.Money("openItemsDebit", result.OpenItems.Sum(i => i.Debit));
        w.Money("openItemsCredit", result.OpenItems.Sum(i => i.Credit));
        w.Money("commitmentsCommitted", result.CommitmentsCommitted);
        w.Money("commitmentsCharged", result.CommitmentsCharged);
        w.Money("openCommitments", result.OpenCommitments.Sum(c => c.Open));
        w.WriteEndObject();

        w.WriteStartArray("checks");
        foreach (var c in result.Checks)
        {
            w.WriteStartObject();
            w.WriteNumber("number", c.Number);
            w.WriteString("name", c.Name);
            w.WriteString("status", c.Status.ToCode());
            w.Figure("expected", c.Expected, c.IsMoney);
            w.Figure("found", c.Found, c.IsMoney);
            w.Figure("difference", c.Difference, c.IsMoney);
            w.WriteString("unit", c.Unit);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("status", result.Status.ToCode());
        Details(w, result, options);
        w.WriteEndObject();
        await w.FlushAsync(cancellationToken);
    }

    private static void Header(Utf8JsonWriter w, CutoverResult result)
    {
        var run = result.Run;
        w.WriteString("runId", run.RunId.Value);
        w.WriteString("entity", run.Entity);
        w.WriteString("entityType", run.EntityType);
        w.WriteString("insCode", run.InsCode);
        w.WriteNumber("fiscalYear", run.FiscalYear.Value);
        w.WriteString("runFingerprint", run.Fingerprint);
        w.WriteStartObject("mapping");
        w.WriteString("id", run.Mapping.Id);
        w.WriteString("version", run.Mapping.Version);
        w.WriteString("sha256", run.Mapping.Sha256);
        Reconcile.Reports.Json.ReconciliationJsonWriter.Approval(w, run.MappingApproval);
        w.WriteEndObject();
        w.WriteString("asOf", result.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("resultAccount", result.ResultAccount);
        w.WriteString("computedUtc", result.ComputedUtc);
    }

    private static void Details(Utf8JsonWriter w, CutoverResult result, ReportOptions options)
    {
        Array(w, "openingBalances", result.OpeningBalances, b =>
        {
            w.WriteString("account", b.Account);
            w.Money("debit", b.Debit);
            w.Money("credit", b.Credit);
            w.Money("closedResult", b.ClosedResult);
        });
        Array(w, "legacyAccounts", result.LegacyAccounts, a =>
        {
            w.WriteString("account", a.Account);
            w.Money("balanceClosing", a.BalanceClosing);
            w.Money("ledgerClosing", a.LedgerClosing);
            w.Money("openingBalances", a.Carried);
            w.Money("closedResult", a.ClosedToResult);
            w.Money("offBalanceExcluded", a.OffBalance);
            w.Money("unmapped", a.Unmapped);
            w.Money("difference", a.Difference);
        });
        Array(w, "openItemAccounts", result.OpenItemAccounts, a =>
        {
            w.WriteString("account", a.Account);
            w.WriteNumber("items", a.Items);
            w.WriteNumber("withoutThirdParty", a.WithoutThirdParty);
            w.Money("itemsNet", a.ItemsNet);
            w.Money("balance", a.Balance);
            w.Money("difference", a.Difference);
        });
        Array(w, "openItemControlAccounts", result.ControlAccounts, a =>
        {
            w.WriteString("legacyAccount", a.LegacyAccount);
            w.Money("balanceClosing", a.Closing);
            w.Money("notCarried", a.NotCarried);
            w.Money("expected", a.Expected);
            w.Money("unmapped", a.Unmapped);
            w.WriteNumber("items", a.Items);
            w.Money("itemsNet", a.ItemsNet);
            w.Money("difference", a.Difference);
        });
        Array(w, "openCommitmentArticles", result.CommitmentArticles, a =>
        {
            w.WriteString("legacyArticle", a.Article);
            w.Money("committed", a.Committed);
            w.Money("charged", a.Charged);
            w.Money("expected", a.Expected);
            w.WriteNumber("commitments", a.Commitments);
            w.Money("carried", a.Carried);
            w.Money("overCharged", a.OverCharged);
            w.Money("difference", a.Difference);
        });
        Array(w, "openCommitments", result.OpenCommitments, c => Commitment(w, c, result, options));
        Array(w, "overCharged", result.OverCharged, c => Commitment(w, c, result, options));
    }

    private static void Commitment(Utf8JsonWriter w, OpenCommitment c, CutoverResult result, ReportOptions options)
    {
        w.WriteString("commitment", c.Number);
        w.WriteNumber("fiscalYear", c.FiscalYear);
        w.WriteString("legacyArticle", c.LegacyArticle);
        w.WriteString("function", c.Function);
        w.WriteString("economic", c.Economic);
        w.WriteString("articleMapping", c.Mapping.ToCode());
        w.WriteString("thirdParty", c.ThirdParty);
        w.WriteString("label", PersonalData.Mask(c.Label, result.Masker, options));
        w.Money("committed", c.Committed);
        w.Money("charged", c.Charged);
        w.Money("open", c.Open);
    }

    private static void Array<T>(Utf8JsonWriter w, string name, IEnumerable<T> rows, Action<T> write)
    {
        w.WriteStartArray(name);
        foreach (var row in rows)
        {
            w.WriteStartObject();
            write(row);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
