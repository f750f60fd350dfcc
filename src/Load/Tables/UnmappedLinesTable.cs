using Bascule.Extract.Records;
using Bascule.Load.Rows;

namespace Bascule.Load.Tables;

/// <summary>
/// <c>unmapped_lines</c>: source lines no mapping rule matched, kept with their amounts and raw text for action. The raw
/// text is not part of the fingerprint (runs loaded before V009 have none and keep their fingerprints).
/// </summary>
public sealed class UnmappedLinesTable : StagingTable<LedgerLine>
{
    public static readonly UnmappedLinesTable Instance = new();

    private UnmappedLinesTable()
    {
    }

    public override string Name => "unmapped_lines";

    public override IReadOnlyList<StagingColumn> Columns { get; } =
    [
        Text("run_id"), Number("batch"), Text("source_file"), BigNumber("record"), BigNumber("line"), Number("fiscal_year"), Text(
            "journal"), Text("document"),
        Text("line_number"), Day("booking_date"), Text("account"), Text("article"), Text("service"), Text("third_party"), Text("label"),
        Amount("debit"), Amount("credit"), RawText(),
    ];

    public override string FingerprintSql =>
        "SELECT source_file, record, line, fiscal_year, journal, document, line_number, booking_date, account, article, service, "
            + "third_party, " +
        "label, debit, credit FROM unmapped_lines WHERE run_id = @run AND source_file = @file ORDER BY record";

    protected override RowBuffer RowsIn(StagingBatch batch) => batch.Unmapped;

    protected override void WriteValues(LedgerLine line, IRowSink sink)
    {
        WriteLineage(sink, line.Lineage);
        LedgerColumns.WriteSource(sink, line);
        sink.Amount(line.Debit);
        sink.Amount(line.Credit);
        sink.Text(line.RawText);
    }
}
