using Bascule.Extract;
using Bascule.Load.Providers.Postgres;
using Bascule.Load.Providers.Sqlite;
using Bascule.Load.Rows;
using Bascule.Load.Tables;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Bascule.MigrateBench;

/// <summary>
/// The narrow floor: parse, then the database's fastest way in for the parsed ledger fields alone, into a table with
/// no index and no lineage: one binary COPY on PostgreSQL, one prepared INSERT reused in one transaction on SQLite, both
/// written by the same row writers as Bascule's bulk path (its own binary COPY encoder, SQLite's statement API bound by
/// position), which are faster than the drivers' generic paths. Nothing else Bascule does (runs, batches, retries, mapping, lineage,
/// fingerprint, reconciliation) is in it.
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
        long lines;
        await using (var writer = await PostgresCopyWriter.BeginAsync(
            connection,
            $"COPY {Table} ({Columns}) FROM STDIN (FORMAT BINARY)",
            12,
            CancellationToken.None))
        {
            lines = await WriteLedgerAsync(export, writer);
            await writer.CompleteAsync();
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
        // WAL journal and NORMAL sync as the staging provider; a 64 MB page cache (the provider's is 16 MB) because the
        // floor's one transaction keeps every page it writes until its commit, where the provider commits every batch.
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;");
        await ExecuteAsync(connection, 
            $"""
            DROP TABLE IF EXISTS {Table};
            CREATE TABLE {Table} (fiscal_year INTEGER NOT NULL, journal TEXT NOT NULL, document TEXT NOT NULL, line_number TEXT NOT NULL,
                booking_date TEXT NOT NULL, account TEXT NOT NULL, article TEXT NULL, service TEXT NOT NULL, third_party TEXT NULL,
                label TEXT NOT NULL, debit INTEGER NOT NULL, credit INTEGER NOT NULL)
            """);
        long lines;
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            using (var sink = new SqliteRowSink(
                connection,
                $"INSERT INTO {Table} ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"))
            {
                lines = await WriteLedgerAsync(export, sink);
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

    // Every accepted ledger line's twelve parsed fields, in the staged lines' order and through the same writers: the
    // floor is the database's fastest way in. Returns the records read.
    private static async Task<long> WriteLedgerAsync(LegacyExport export, IRowSink sink)
    {
        long lines = 0;
        await foreach (var parsed in export.ReadLedgerAsync())
        {
            if (parsed.Value is { } line)
            {
                sink.BeginRow();
                LedgerColumns.WriteSource(sink, line);
                sink.Amount(line.Debit);
                sink.Amount(line.Credit);
                sink.EndRow();
            }

            lines++;
        }

        return lines;
    }
}
