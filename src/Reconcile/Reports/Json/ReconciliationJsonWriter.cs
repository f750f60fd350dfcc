using System.Text.Encodings.Web;
using System.Text.Json;
using Bascule.Load.Runs;
using Bascule.Load.Runs.SignOffs;
using Bascule.Reconcile.Model;
using Bascule.Transform.Mapping;

namespace Bascule.Reconcile.Reports.Json;

/// <summary>
/// <c>reconciliation.json</c>: the spec's stable field names (<c>runId</c>, <c>entity</c>, <c>fiscalYear</c>,
/// <c>mapping</c>, <c>sourceFiles</c>, <c>totals</c>, <c>targetAccounts</c>, <c>checks</c>, <c>status</c>) and the
/// per-table details after them; amounts are JSON numbers with two decimals.
/// </summary>
public static class ReconciliationJsonWriter
{
    public static async Task WriteAsync(ReconciliationResult result, Stream stream, ReportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        await using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Write(writer, result, options);
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary><c>approval</c>: {<c>by</c>, <c>on</c>} of the mapping version when the run started, or null when it was not approved.</summary>
    internal static void Approval(Utf8JsonWriter w, MappingApproval? mapping)
    {
        if (mapping is not { } approval)
        {
            w.WriteNull("approval");
            return;
        }

        w.WriteStartObject("approval");
        w.WriteString("by", approval.By);
        w.WriteString("on", approval.On.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter w, ReconciliationResult r, ReportOptions options)
    {
        var run = r.Run;
        w.WriteStartObject();
        w.WriteString("runId", run.RunId.Value);
        w.WriteString("entity", run.Entity);
        w.WriteString("entityType", run.EntityType);
        w.WriteString("insCode", run.InsCode);
        w.WriteNumber("fiscalYear", run.FiscalYear.Value);
        w.WriteString("runStatus", run.RunStatus.ToCode());
        w.WriteString("fingerprint", run.Fingerprint);
        w.WriteStartObject("mapping");
        w.WriteString("id", run.Mapping.Id);
        w.WriteString("version", run.Mapping.Version);
        w.WriteString("sha256", run.Mapping.Sha256);
        Approval(w, run.MappingApproval);
        w.WriteEndObject();
        w.WriteString("ledgerSource", r.LedgerSource);
        w.WriteString("computedUtc", r.ComputedUtc);

        w.WriteStartArray("sourceFiles");
        foreach (var f in r.SourceFiles)
        {
            w.WriteStartObject();
            w.WriteString("name", f.Name);
            w.WriteString("sha256", f.Sha256);
            w.WriteNumber("lines", f.Lines);
            w.WriteNumber("staged", f.Staged);
            w.WriteNumber("unmapped", f.Unmapped);
            w.WriteNumber("rejected", f.Rejected);
            w.Money("debit", f.Debit);
            w.Money("credit", f.Credit);
            if (f.ControlLines is { } lines)
            {
                w.WriteNumber("controlLines", lines);
            }
            else
            {
                w.WriteNull("controlLines");
            }

            w.Money("controlDebit", f.ControlDebit);
            w.Money("controlCredit", f.ControlCredit);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        var t = r.Totals;
        w.WriteStartObject("totals");
        w.Money("sourceDebit", t.Source.Debit);
        w.Money("sourceCredit", t.Source.Credit);
        w.Money("stagedDebit", t.Staged.Debit);
        w.Money("stagedCredit", t.Staged.Credit);
        w.Money("unmappedDebit", t.Unmapped.Debit);
        w.Money("unmappedCredit", t.Unmapped.Credit);
        w.Money("rejectedDebit", t.Rejected.Debit);
        w.Money("rejectedCredit", t.Rejected.Credit);
        w.WriteEndObject();

        w.WriteStartArray("targetAccounts");
        foreach (var a in r.TargetAccounts)
        {
            w.WriteStartObject();
            w.WriteString("account", a.Account);
            w.Money("debit", a.Debit);
            w.Money("credit", a.Credit);
            Flows(w, "legacyAccounts", a.Feeds);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("checks");
        foreach (var c in r.Checks)
        {
            w.WriteStartObject();
            w.WriteNumber("number", c.Number);
            w.WriteString("name", c.Name);
            w.WriteString("status", c.Status.ToCode());
            w.Figure("expected", c.Expected, c.IsMoney);
            w.Figure("found", c.Found, c.IsMoney);
            w.Figure("difference", c.Difference, c.IsMoney);
            w.WriteString("unit", c.Unit);
            if (c.Tolerance is { } tolerance)
            {
                w.Figure("tolerance", tolerance, c.IsMoney);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("status", r.Status.ToCode());

        LegacyAccounts(w, r.LegacyAccounts);
        Journals(w, r.Journals);
        TrialBalance(w, r, options);
        BudgetArticles(w, r, options);
        Exceptions(w, r, options);
        ContinuityJson.Write(w, r.Continuity);
        SignOffs(w, r);
        w.WriteEndObject();
    }

    /// <summary><c>signOffs</c>: the run's sign-offs recorded so far, oldest first, as the sign-offs table holds them.</summary>
    private static void SignOffs(Utf8JsonWriter w, ReconciliationResult r)
    {
        w.WriteStartArray("signOffs");
        foreach (var s in r.SignOffs)
        {
            w.WriteStartObject();
            w.WriteNumber("id", s.Id);
            w.WriteString("signedUtc", s.SignedUtc);
            w.WriteString("signer", s.Signer.Name);
            w.WriteString("role", s.Signer.Role.ToCode());
            w.WriteString("authenticatedBy", s.Signer.AuthenticatedBy);
            w.WriteString("decision", s.Decision.ToCode());
            w.WriteString("reconciliation", s.Reconciliation);
            w.WriteString("fingerprint", s.Fingerprint);
            w.WriteStartObject("report");
            w.WriteString("name", s.Report.Name);
            w.WriteString("sha256", s.Report.Sha256);
            w.WriteEndObject();
            w.WriteString("comment", s.Comment);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void LegacyAccounts(Utf8JsonWriter w, IReadOnlyList<LegacyAccountRow> rows)
    {
        w.WriteStartArray("legacyAccounts");
        foreach (var a in rows)
        {
            w.WriteStartObject();
            w.WriteString("account", a.Account);
            w.Money("sourceDebit", a.Source.Debit);
            w.Money("sourceCredit", a.Source.Credit);
            w.Money("stagedDebit", a.Staged.Debit);
            w.Money("stagedCredit", a.Staged.Credit);
            w.Money("unmappedDebit", a.Unmapped.Debit);
            w.Money("unmappedCredit", a.Unmapped.Credit);
            Flows(w, "targetAccounts", a.Targets);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Journals(Utf8JsonWriter w, IReadOnlyList<JournalRow> rows)
    {
        w.WriteStartArray("journals");
        foreach (var j in rows)
        {
            w.WriteStartObject();
            w.WriteNumber("fiscalYear", j.FiscalYear);
            w.WriteString("journal", j.Journal);
            w.Money("sourceDebit", j.Source.Debit);
            w.Money("sourceCredit", j.Source.Credit);
            w.Money("stagedDebit", j.Staged.Debit);
            w.Money("stagedCredit", j.Staged.Credit);
            w.Money("unmappedDebit", j.Unmapped.Debit);
            w.Money("unmappedCredit", j.Unmapped.Credit);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void TrialBalance(Utf8JsonWriter w, ReconciliationResult r, ReportOptions options)
    {
        w.WriteStartArray("trialBalance");
        foreach (var t in r.TrialBalance)
        {
            w.WriteStartObject();
            w.WriteString("account", t.Account);
            w.WriteString("label", Tables.ReportTables.Mask(r, t.Label, options));
            w.Money("balanceOpening", t.Balance.Opening);
            w.Money("ledgerOpening", t.Ledger.Opening);
            w.Money("balanceMovementDebit", t.Balance.Movements.Debit);
            w.Money("ledgerMovementDebit", t.Ledger.Movements.Debit);
            w.Money("balanceMovementCredit", t.Balance.Movements.Credit);
            w.Money("ledgerMovementCredit", t.Ledger.Movements.Credit);
            w.Money("balanceClosing", t.Balance.Closing);
            w.Money("ledgerClosing", t.Ledger.Closing);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void BudgetArticles(Utf8JsonWriter w, ReconciliationResult r, ReportOptions options)
    {
        w.WriteStartArray("budgetArticles");
        foreach (var a in r.Articles)
        {
            w.WriteStartObject();
            w.WriteString("article", a.Article);
            w.WriteString("label", Tables.ReportTables.Mask(r, a.Label, options));
            w.WriteString("kind", a.Kind);
            w.Money("committed", a.Budget.Committed);
            w.Money("charged", a.Budget.Charged);
            w.Money("commitmentsCommitted", a.Commitments.Committed);
            w.Money("commitmentsCharged", a.Commitments.Charged);
            w.Money("ledgerCharged", a.LedgerCharged);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Exceptions(Utf8JsonWriter w, ReconciliationResult r, ReportOptions options)
    {
        w.WriteStartObject("exceptions");
        w.WriteStartArray("unmapped");
        foreach (var u in r.Unmapped)
        {
            w.WriteStartObject();
            w.WriteString("account", u.Account);
            w.WriteString("article", u.Article);
            w.WriteNumber("count", u.Count);
            w.Money("debit", u.Debit);
            w.Money("credit", u.Credit);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("rejected");
        foreach (var j in r.Rejected)
        {
            w.WriteStartObject();
            w.WriteString("file", j.File);
            w.WriteNumber("line", j.Line);
            w.WriteString("column", j.Column);
            w.WriteString("reason", j.Reason);
            w.WriteString("message", Tables.ReportTables.Mask(r, j.Message, options));
            w.WriteString("rawText", Tables.ReportTables.RawText(r, j, options));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("unbalancedDocuments");
        foreach (var d in r.UnbalancedDocuments)
        {
            w.WriteStartObject();
            w.WriteNumber("fiscalYear", d.FiscalYear);
            w.WriteString("journal", d.Journal);
            w.WriteString("document", d.Document);
            w.Money("stagedDebit", d.Staged.Debit);
            w.Money("stagedCredit", d.Staged.Credit);
            w.Money("unmappedDebit", d.Unmapped.Debit);
            w.Money("unmappedCredit", d.Unmapped.Credit);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Flows(Utf8JsonWriter w, string name, IReadOnlyList<AccountFlow> flows)
    {
        w.WriteStartArray(name);
        foreach (var f in flows)
        {
            w.WriteStartObject();
            w.WriteString("account", f.Account);
            w.Money("debit", f.Debit);
            w.Money("credit", f.Credit);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
