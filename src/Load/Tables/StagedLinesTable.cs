using Bascule.Transform.Mapping;
using Bascule.Load.Rows;

namespace Bascule.Load.Tables;

/// <summary>
/// <c>staged_lines</c>: one row per target line, with the full lineage of the source line it came from. The source line's
/// raw text is kept once: on part 1, NULL on the other parts of a split. It is not part of the fingerprint, which covers
/// the parsed fields (runs loaded before V009 have no raw text and keep their fingerprints).
/// </summary>
public sealed class StagedLinesTable : StagingTable<TargetLine>
{
    public static readonly StagedLinesTable Instance = new();

    private StagedLinesTable()
    {
    }

    public override string Name => "staged_lines";

    public override IReadOnlyList<StagingColumn> Columns { get; } =
    [
        Text("run_id"), Number("batch"), Text("source_file"), BigNumber("record"), BigNumber("line"), Number("part"), Number(
            "fiscal_year"), Text("journal"),
        Text("document"), Text("line_number"), Day("booking_date"), Text("account"), Text("article"), Text("service"), Text("third_party"),
        Text("label"), Amount("source_debit"), Amount("source_credit"), Text("rule_id"), Text("target_account"), Text("target_economic"),
        Text("target_function"), Amount("debit"), Amount("credit"), RawText(),
    ];

    public override string FingerprintSql =>
        "SELECT source_file, record, line, part, fiscal_year, journal, document, line_number, booking_date, account, article, service, "
            + "third_party, " +
        "label, source_debit, source_credit, rule_id, target_account, target_economic, target_function, debit, credit " +
        "FROM staged_lines WHERE run_id = @run AND source_file = @file ORDER BY record, part";

    protected override RowBuffer RowsIn(StagingBatch batch) => batch.Staged;

    protected override void WriteValues(TargetLine target, IRowSink sink)
    {
        var source = target.Source;
        WriteLineage(sink, source.Lineage);
        sink.Number(target.Part);
        LedgerColumns.WriteSource(sink, source);
        sink.Amount(source.Debit);
        sink.Amount(source.Credit);
        sink.Text(target.RuleId);
        sink.Text(target.Account);
        sink.Text(target.Economic);
        sink.Text(target.Function);
        sink.Amount(target.Debit);
        sink.Amount(target.Credit);
        sink.Text(target.Part == 1 ? source.RawText : null);
    }
}
