using System.Data;
using System.Text;
using Bascule.Extract.Values;
using Bascule.Load.Rows;

namespace Bascule.Load.Providers.SqlServer;

/// <summary>Collects a batch's rows for SqlBulkCopy.</summary>
internal sealed class DataTableRowSink(DataTable table) : IRowSink
{
    private object[] _values = [];
    private int _index;

    public void BeginRow()
    {
        _values = new object[table.Columns.Count];
        _index = 0;
    }

    public void Text(string? value) => Set(value);

    public void Utf8(ReadOnlySpan<byte> utf8, int utf16Length) => Set(Encoding.UTF8.GetString(utf8));

    public void Number(int value) => Set(value);

    public void BigNumber(long value) => Set(value);

    public void Amount(Amount value) => Set(value.Value);

    public void Day(DateOnly? value) => Set(value?.ToDateTime(TimeOnly.MinValue));

    public void EndRow() => table.Rows.Add(_values);

    private void Set(object? value) => _values[_index++] = value ?? DBNull.Value;
}
