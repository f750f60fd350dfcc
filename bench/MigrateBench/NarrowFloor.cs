using System.Globalization;
using Bascule.Extract;
using Bascule.Extract.Records;
using Bascule.Extract.Values;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Bascule.MigrateBench;

/// <summary>
/// The narrow floor: parse, then the database's fastest way in for the parsed ledger fields alone, into a table with
/// no index and no lineage: one binary COPY on PostgreSQL, one prepared INSERT reused in one transaction on SQLite.
/// Nothing else Bascule does (runs, batches, retries, mapping, lineage, fingerprint, reconciliation) is in it.
/// </summary>
internal static class NarrowFloor
{
    private const string Table = "bench_narrow_floor";

    private const string Columns =
        "fiscal_year, journal, document, line_number, booking_date, account, article, service, third_party, label, debit, credit";

    public static async Task<long> PostgresAsync(LegacyExport export, string connectionString, System.Diagnostics.Stopwatch watch)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, 
            $"""
            DROP TABLE IF EXISTS {Table};
            CREATE TABLE {Table} (fiscal_year INTEGER NOT NULL, journal TEXT NOT NULL, document TEXT NOT NULL, line_number TEXT NOT NULL,
                booking_date DATE NOT NULL, account TEXT NOT NULL, article TEXT NULL, service TEXT NOT NULL, third_party TEXT NULL,
                label TEXT NOT NULL, debit NUMERIC(19,2) NOT NULL, credit NUMERIC(19,2) NOT NULL)
            """);
        long lines = 0;
        await using (var importer = await connection.BeginBinaryImportAsync($"COPY {Table} ({Columns}) FROM STDIN (FORMAT BINARY)"))
        {
            await foreach (var parsed in export.ReadLedgerAsync())
            {
                if (parsed.Value is { } line)
                {
                    importer.StartRow();
                    importer.Write(line.Year.Value, NpgsqlDbType.Integer);
                    importer.Write(line.Journal, NpgsqlDbType.Text);
                    importer.Write(line.DocumentNumber, NpgsqlDbType.Text);
                    importer.Write(line.LineNumber, NpgsqlDbType.Text);
                    importer.Write(line.BookingDate, NpgsqlDbType.Date);
                    importer.Write(line.Account.Value, NpgsqlDbType.Text);
                    WriteText(importer, line.Article?.ToString());
                    importer.Write(line.Service.ToCode(), NpgsqlDbType.Text);
                    WriteText(importer, line.ThirdParty);
                    importer.Write(line.Label, NpgsqlDbType.Text);
                    importer.Write(line.Debit.Value, NpgsqlDbType.Numeric);
                    importer.Write(line.Credit.Value, NpgsqlDbType.Numeric);
                }

                lines++;
            }

            await importer.CompleteAsync();
        }

        watch.Stop();
        await ExecuteAsync(connection, $"DROP TABLE {Table}");
        return lines;
    }

    public static async Task<long> SqliteAsync(LegacyExport export, string path, System.Diagnostics.Stopwatch watch)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString;
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        // The same settings as the staging provider: WAL journal, NORMAL sync, 64 MB page cache.
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;");
        await ExecuteAsync(connection, 
            $"""
            DROP TABLE IF EXISTS {Table};
            CREATE TABLE {Table} (fiscal_year INTEGER NOT NULL, journal TEXT NOT NULL, document TEXT NOT NULL, line_number TEXT NOT NULL,
                booking_date TEXT NOT NULL, account TEXT NOT NULL, article TEXT NULL, service TEXT NOT NULL, third_party TEXT NULL,
                label TEXT NOT NULL, debit INTEGER NOT NULL, credit INTEGER NOT NULL)
            """);
        long lines = 0;
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO {Table} ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";
            var parameters = Enumerable.Range(1, 12).Select(i => command.Parameters.Add(new SqliteParameter("$" + i.ToString(CultureInfo.InvariantCulture), null))).ToArray();
            command.Prepare();
            await foreach (var parsed in export.ReadLedgerAsync())
            {
                if (parsed.Value is { } line)
                {
                    Set(parameters, line);
                    command.ExecuteNonQuery();
                }

                lines++;
            }

            await transaction.CommitAsync();
        }

        watch.Stop();
        await ExecuteAsync(connection, $"DROP TABLE {Table}");
        return lines;
    }

    private static async Task ExecuteAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The bench's own constant statements.
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }

    private static void Set(SqliteParameter[] p, LedgerLine line)
    {
        p[0].Value = line.Year.Value;
        p[1].Value = line.Journal;
        p[2].Value = line.DocumentNumber;
        p[3].Value = line.LineNumber;
        p[4].Value = line.BookingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        p[5].Value = line.Account.Value;
        p[6].Value = (object?)line.Article?.ToString() ?? DBNull.Value;
        p[7].Value = line.Service.ToCode();
        p[8].Value = (object?)line.ThirdParty ?? DBNull.Value;
        p[9].Value = line.Label;
        p[10].Value = line.Debit.Cents;
        p[11].Value = line.Credit.Cents;
    }

    private static void WriteText(NpgsqlBinaryImporter importer, string? value)
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
}
