using Bascule.Load.Rows;

namespace Bascule.Load.Tables;

/// <summary><c>commitments</c>: budget commitments as read.</summary>
public sealed class CommitmentsTable : StagingTable<CommitmentRow>
{
    public static readonly CommitmentsTable Instance = new();

    private CommitmentsTable()
    {
    }

    public override string Name => "commitments";

    public override IReadOnlyList<StagingColumn> Columns { get; } =
    [
        Text("run_id"), Number("batch"), Text("source_file"), BigNumber("record"), BigNumber("line"), Number("fiscal_year"), Text(
            "article"),
        Text("commitment_number"), Day("commitment_date"), Text("third_party"), Text("label"), Amount("committed"), Amount("charged"),
    ];

    public override string FingerprintSql =>
        "SELECT source_file, record, line, fiscal_year, article, commitment_number, commitment_date, third_party, label, committed, "
            + "charged " +
        "FROM commitments WHERE run_id = @run AND source_file = @file ORDER BY record";

    protected override RowBuffer RowsIn(StagingBatch batch) => batch.Commitments;

    protected override void WriteValues(CommitmentRow row, IRowSink sink)
    {
        WriteLineage(sink, row.Lineage);
        sink.Number(row.Year.Value);
        sink.Text(row.Article);
        sink.Text(row.Number);
        sink.Day(row.Date);
        sink.Text(row.ThirdParty);
        sink.Text(row.Label);
        sink.Amount(row.Committed);
        sink.Amount(row.Charged);
    }
}
