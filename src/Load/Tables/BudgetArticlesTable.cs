using Bascule.Load.Rows;

namespace Bascule.Load.Tables;

/// <summary><c>budget_articles</c>: budget articles and their execution as read, for the budget check of the reconciliation.</summary>
public sealed class BudgetArticlesTable : StagingTable<BudgetArticleRow>
{
    public static readonly BudgetArticlesTable Instance = new();

    private BudgetArticlesTable()
    {
    }

    public override string Name => "budget_articles";

    public override IReadOnlyList<StagingColumn> Columns { get; } =
    [
        Text("run_id"), Number("batch"), Text("source_file"), BigNumber("record"), BigNumber("line"), Number("fiscal_year"), Text(
            "article"), Text("label"),
        Text("service"), Text("kind"), Amount("initial_credit"), Amount("adjusted_credit"), Amount("committed"), Amount("charged"),
    ];

    public override string FingerprintSql =>
        "SELECT source_file, record, line, fiscal_year, article, label, service, kind, initial_credit, adjusted_credit, committed, "
            + "charged " +
            "FROM budget_articles WHERE run_id = @run AND source_file = @file ORDER BY record";

    protected override RowBuffer RowsIn(StagingBatch batch) => batch.Articles;

    protected override void WriteValues(BudgetArticleRow row, IRowSink sink)
    {
        WriteLineage(sink, row.Lineage);
        sink.Number(row.Year.Value);
        sink.Text(row.Article);
        sink.Text(row.Label);
        sink.Text(row.Service);
        sink.Text(row.Kind);
        sink.Amount(row.InitialCredit);
        sink.Amount(row.AdjustedCredit);
        sink.Amount(row.Committed);
        sink.Amount(row.Charged);
    }
}
