using Bascule.Extract.Records;
using Bascule.Load.Rows;

namespace Bascule.Load.Tables;

/// <summary><c>rejected_lines</c>: damaged lines of every source file, with the column at fault, the reason and the raw text.</summary>
public sealed class RejectedLinesTable : StagingTable<RejectedRow>
{
    public static readonly RejectedLinesTable Instance = new();

    private RejectedLinesTable()
    {
    }

    public override string Name => "rejected_lines";

    public override IReadOnlyList<StagingColumn> Columns { get; } =
    [
        Text("run_id"), Number("batch"), Text("source_file"), BigNumber("record"), BigNumber("line"), Number("part"), Text(
            "column_name"), Text("reason"),
        Text("message"), Text("raw_text"),
    ];

    public override string FingerprintSql =>
        "SELECT source_file, record, line, part, column_name, reason, message, raw_text " +
        "FROM rejected_lines WHERE run_id = @run AND source_file = @file ORDER BY record, part";

    protected override RowBuffer RowsIn(StagingBatch batch) => batch.Rejected;

    protected override void WriteValues(RejectedRow row, IRowSink sink)
    {
        var rejected = row.Rejected;
        WriteLineage(sink, rejected.Lineage);
        sink.Number(row.Part);
        sink.Text(rejected.Column);
        sink.Text(ReasonCode(rejected.Reason));
        sink.Text(rejected.Message);
        sink.Text(rejected.RawText);
    }

    // The enum name is the stable code reports rely on.
    private static string ReasonCode(RejectReason reason) => reason.ToString();
}
