using Bascule.Load.Rows;

namespace Bascule.Load.Tables;

/// <summary><c>legacy_balance</c>: the legacy trial balance as read, for the balance check of the reconciliation.</summary>
public sealed class LegacyBalanceTable : StagingTable<LegacyBalanceRow>
{
    public static readonly LegacyBalanceTable Instance = new();

    private LegacyBalanceTable()
    {
    }

    public override string Name => "legacy_balance";

    public override IReadOnlyList<StagingColumn> Columns { get; } =
    [
        Text("run_id"), Number("batch"), Text("source_file"), BigNumber("record"), BigNumber("line"), Number("fiscal_year"), Text(
            "account"), Text("label"),
        Amount("opening_debit"), Amount("opening_credit"), Amount("movement_debit"), Amount("movement_credit"), Amount("closing_debit"),
        Amount("closing_credit"),
    ];

    public override string FingerprintSql =>
        "SELECT source_file, record, line, fiscal_year, account, label, opening_debit, opening_credit, movement_debit, movement_credit, " +
        "closing_debit, closing_credit FROM legacy_balance WHERE run_id = @run AND source_file = @file ORDER BY record";

    protected override RowBuffer RowsIn(StagingBatch batch) => batch.Balance;

    protected override void WriteValues(LegacyBalanceRow row, IRowSink sink)
    {
        WriteLineage(sink, row.Lineage);
        sink.Number(row.Year.Value);
        sink.Text(row.Account);
        sink.Text(row.Label);
        sink.Amount(row.OpeningDebit);
        sink.Amount(row.OpeningCredit);
        sink.Amount(row.MovementDebit);
        sink.Amount(row.MovementCredit);
        sink.Amount(row.ClosingDebit);
        sink.Amount(row.ClosingCredit);
    }
}
