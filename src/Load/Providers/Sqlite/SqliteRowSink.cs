using System.Data.Common;
using System.Globalization;
using Bascule.Extract.Values;
using Bascule.Load.Rows;

namespace Bascule.Load.Providers.Sqlite;

/// <summary>Sets the prepared INSERT's parameters in column order and runs it once per row.</summary>
internal sealed class SqliteRowSink(DbCommand command) : IRowSink
{
    private readonly DbParameterCollection _parameters = command.Parameters;
    private int _index;

    public void BeginRow() => _index = 0;

    public void Text(string? value) => Set(value);

    public void Number(int value) => Set(value);

    public void BigNumber(long value) => Set(value);

    // SQLite has no exact decimal: amounts are stored as integer cents.
    public void Amount(Amount value) => Set(value.Cents);

    public void Day(DateOnly? value) => Set(value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public void EndRow() => command.ExecuteNonQuery();

    private void Set(object? value) => _parameters[_index++].Value = value ?? DBNull.Value;
}
