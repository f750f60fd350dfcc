using System.Data.Common;
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

    /// <summary>The PostgreSQL binary COPY statement for <see cref="Columns"/>.</summary>
    public abstract string PostgresCopy { get; }

    /// <summary>Removes the rows a previous attempt of the same batch may have committed (parameters <c>@run</c>, <c>@batch</c>).</summary>
    public abstract string DeleteBatchSql { get; }

    /// <summary>Removes every row of a run (parameter <c>@run</c>).</summary>
    public abstract string DeleteRunSql { get; }

    /// <summary>The source files this table holds rows of for a run (parameter <c>@run</c>).</summary>
    public abstract string FilesSql { get; }

    /// <summary>The rows of one run and source file in canonical order, every column but <c>run_id</c> and <c>batch</c> (parameters <c>@run</c>, <c>@file</c>).</summary>
    public abstract string FingerprintSql { get; }

    /// <summary>A parameterised INSERT of one row, with one parameter per column named after it, for providers that insert row by row.</summary>
    public abstract DbCommand CreateInsertCommand(DbConnection connection);

    public abstract int CountIn(StagingBatch batch);

    public abstract void Write(StagingBatch batch, RunId run, int batchNumber, IRowSink sink);

    protected static StagingColumn Text(string name) => new(name, ColumnKind.Text);

    protected static StagingColumn Number(string name) => new(name, ColumnKind.Number);

    protected static StagingColumn BigNumber(string name) => new(name, ColumnKind.BigNumber);

    protected static StagingColumn Amount(string name) => new(name, ColumnKind.Amount);

    protected static StagingColumn Day(string name) => new(name, ColumnKind.Day);

    protected static DbCommand Command(DbConnection connection, DbCommand command, IReadOnlyList<StagingColumn> columns)
    {
        foreach (var column in columns)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + column.Name;
            command.Parameters.Add(parameter);
        }

        command.Connection = connection;
        return command;
    }

    protected static void BeginRow(IRowSink sink, RunId run, int batchNumber)
    {
        sink.BeginRow();
        sink.Text(run.Value);
        sink.Number(batchNumber);
    }
}
