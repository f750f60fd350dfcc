using Bascule.Extract.Records;
using Bascule.Load.Rows;
using Bascule.Load.Runs;

namespace Bascule.Load.Tables;

/// <summary>
/// One staging table that receives a run's rows: its columns (<c>run_id</c> and <c>batch</c> first), its plain SQL,
/// and how a batch's rows are written to a provider's <see cref="IRowSink"/> in column order.
/// </summary>
public abstract class StagingTable
{
    public abstract string Name { get; }

    public abstract IReadOnlyList<StagingColumn> Columns { get; }

    // The statements every table shares are derived from its name and columns, so they can never disagree with them.
    // Identifiers come from the table classes' own constants; every value is a parameter.
    private string ColumnList => string.Join(", ", Columns.Select(c => c.Name));

    /// <summary>The PostgreSQL binary COPY statement for <see cref="Columns"/>.</summary>
    public string PostgresCopy => $"COPY {Name} ({ColumnList}) FROM STDIN (FORMAT BINARY)";

    /// <summary>Removes the rows a previous attempt of the same batch may have committed (parameters <c>@run</c>, <c>@batch</c>).</summary>
    public string DeleteBatchSql => $"DELETE FROM {Name} WHERE run_id = @run AND batch = @batch";

    /// <summary>Removes every row of a run (parameter <c>@run</c>).</summary>
    public string DeleteRunSql => $"DELETE FROM {Name} WHERE run_id = @run";

    // The source files a run's rows come from: the first (parameter @run), then the one after @after. On the tables
    // whose lineage index leads with (run_id, source_file) each is one seek; on the staged lines, indexed by run only
    // (V005), each reads the run's rows, which the read-back that asks reads anyway. The database's collation only has
    // to be a total order; the fingerprint sorts the names itself.

    /// <summary>The first source file this table holds rows of for a run, NULL when none (parameter <c>@run</c>).</summary>
    public string FirstFileSql => $"SELECT MIN(source_file) FROM {Name} WHERE run_id = @run";

    /// <summary>The source file after <c>@after</c> this table holds rows of for a run, NULL when none (parameters <c>@run</c>,
    /// <c>@after</c>).</summary>
    public string NextFileSql => $"SELECT MIN(source_file) FROM {Name} WHERE run_id = @run AND source_file > @after";

    /// <summary>The rows of one run and source file in canonical order, every column but <c>run_id</c> and <c>batch</c> (parameters
    /// <c>@run</c>, <c>@file</c>).</summary>
    public abstract string FingerprintSql { get; }

    /// <summary>The columns <see cref="FingerprintSql"/> reads, in order: every column but <c>run_id</c>, <c>batch</c> and those
    /// the fingerprint leaves out.</summary>
    public IReadOnlyList<StagingColumn> FingerprintColumns => [.. Columns.Skip(2).Where(c => c.Fingerprinted)];

    /// <summary>
    /// An INSERT of <paramref name="rows"/> rows at once, for SQLite, which inserts row by row (the other providers copy in
    /// bulk): positional parameters, the first row's columns in column order, then the second row's, and so on.
    /// </summary>
    public string InsertRowsSql(int rows)
    {
        var row = "(" + string.Join(", ", Enumerable.Repeat("?", Columns.Count)) + ")";
        return $"INSERT INTO {Name} ({ColumnList}) VALUES {string.Join(", ", Enumerable.Repeat(row, rows))}";
    }

    /// <summary>The rows of this table a batch holds.</summary>
    public int CountIn(StagingBatch batch) => RowsIn(batch).Rows;

    /// <summary>Writes this table's rows of a batch to a provider's sink, in column order, each with the run and batch number.</summary>
    public void Write(StagingBatch batch, RunId run, int batchNumber, IRowSink sink) => RowsIn(batch).CopyTo(sink, run, batchNumber);

    /// <summary>This table's rows in a batch, encoded.</summary>
    protected abstract RowBuffer RowsIn(StagingBatch batch);

    /// <summary>The source line a row comes from: <c>source_file</c>, <c>record</c> and <c>line</c>, every table's first
    /// columns after <c>run_id</c> and <c>batch</c>.</summary>
    protected static void WriteLineage(IRowSink sink, Lineage lineage)
    {
        sink.Text(lineage.File);
        sink.BigNumber(lineage.Record);
        sink.BigNumber(lineage.Line);
    }

    protected static StagingColumn Text(string name) => new(name, ColumnKind.Text);

    protected static StagingColumn Number(string name) => new(name, ColumnKind.Number);

    protected static StagingColumn BigNumber(string name) => new(name, ColumnKind.BigNumber);

    protected static StagingColumn Amount(string name) => new(name, ColumnKind.Amount);

    protected static StagingColumn Day(string name) => new(name, ColumnKind.Day);

    /// <summary>The source line's raw text: stored, shown by the drill-down, left out of the fingerprint.</summary>
    protected static StagingColumn RawText() => new("raw_text", ColumnKind.Text, Fingerprinted: false);
}

/// <summary>A staging table whose rows are made from values of type <typeparamref name="TRow"/>.</summary>
public abstract class StagingTable<TRow> : StagingTable
{
    /// <summary>Encodes one row into the batch: its values are read here, on the caller's thread, and the row kept only as bytes.</summary>
    public void Add(StagingBatch batch, TRow row)
    {
        var rows = RowsIn(batch);
        rows.BeginRow();
        try
        {
            WriteValues(row, rows);
        }
        catch
        {
            // A value that cannot be encoded leaves no half row behind.
            rows.DiscardRow();
            throw;
        }

        rows.EndRow();
    }

    /// <summary>The row's values after <c>run_id</c> and <c>batch</c>, in column order.</summary>
    protected abstract void WriteValues(TRow row, IRowSink sink);
}
