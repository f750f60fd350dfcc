using Bascule.Extract.Values;
using Bascule.Load.Rows;
using Npgsql;
using NpgsqlTypes;

namespace Bascule.Load.Providers.Postgres;

/// <summary>Writes one binary COPY row per sink row, with the exact PostgreSQL type of each column.</summary>
internal sealed class PostgresRowSink(NpgsqlBinaryImporter importer) : IRowSink
{
    public void BeginRow() => importer.StartRow();

    public void Text(string? value)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, NpgsqlDbType.Text);
        }
    }

    public void Number(int value) => importer.Write(value, NpgsqlDbType.Integer);

    public void BigNumber(long value) => importer.Write(value, NpgsqlDbType.Bigint);

    public void Amount(Amount value) => importer.Write(value.Value, NpgsqlDbType.Numeric);

    public void Day(DateOnly? value)
    {
        if (value is { } date)
        {
            importer.Write(date, NpgsqlDbType.Date);
        }
        else
        {
            importer.WriteNull();
        }
    }

    public void EndRow()
    {
    }
}
