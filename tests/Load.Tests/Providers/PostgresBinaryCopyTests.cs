using System.Text;
using Bascule.Extract.Values;
using Bascule.Load.Providers.Postgres;
using Bascule.Load.Rows;
using Bascule.Load.Runs;
using Bascule.TestSupport;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Bascule.Load.Tests.Providers;

/// <summary>
/// Our binary COPY serializer against a real PostgreSQL: edge values come back as written, and exactly as Npgsql's own
/// importer stores them; a fault, a cancellation or a terminated backend behaves as the retry policy expects.
/// </summary>
public sealed class PostgresBinaryCopyTests(PostgresServer server)
{
    private const string Columns = "id, t, n, b, a, d";

    private const string TableSql
        = "(id INTEGER NOT NULL, t TEXT NULL, n INTEGER NOT NULL, b BIGINT NOT NULL, a NUMERIC(19,2) NOT NULL, d DATE NULL)";

    private static readonly decimal[] Amounts =
    [
        0.00m, -0.01m, 0.01m, 1.00m, 10000.00m, 12345678.90m, -99999999999999999.99m, 99999999999999999.99m,
        5m, 5.5m, 5.50m, 0.1m, 0.10m, -5.5m, 9999.99m, 10000.01m, 100000000m, 1234.5m, -1234567.89m,
        new decimal(0, 0, 0, true, 2), // -0.00
        Amount.FromCents(long.MaxValue / 1000).Value, Amount.FromCents(-1).Value,
        // More than two decimals: rounded half away from zero, as PostgreSQL rounds into NUMERIC(19,2).
        1.005m, -1.005m, 0.005m, -0.004m, 2.344999m, 1.0000000000000000000000000000m, 0.0000000000000000000000000001m,
    ];

    private static readonly string?[] Texts =
    [
        "", "é€𝄞", null, "plain", "tab\tnew line\r\nquote'\"back\\slash", "👩‍👩‍👧 family", new string('x', 100_000), LongMultiByteText(),
    ];

    private static readonly int[] Numbers = [0, 1, -1, int.MinValue, int.MaxValue];

    private static readonly long[] BigNumbers = [0L, 1L, -1L, long.MinValue, long.MaxValue, 1L << 40];

    private static readonly DateOnly?[] Days =
    [
        null, new(1900, 1, 1), new(2000, 1, 1), new(1999, 12, 31), new(2099, 12, 31), new(1970, 1, 1), new(2024, 2, 29),
        new(1, 1, 2), new(9999, 12, 30),
        // Npgsql writes these two as -infinity and infinity and reads them back the same.
        DateOnly.MinValue, DateOnly.MaxValue,
    ];

    [Fact]
    public async Task Edge_values_come_back_as_written_and_as_Npgsql_stores_them()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await connection.ExecuteAsync($"CREATE TABLE ours {TableSql}; CREATE TABLE theirs {TableSql}");
        var rows = Rows();

        await WriteOursAsync(connection, "ours", rows, TestContext.Current.CancellationToken);
        await WriteTheirsAsync(connection, Copy("theirs"), rows);

        var read = new List<Row>();
        await using (var command = new NpgsqlCommand($"SELECT {Columns} FROM ours ORDER BY id", connection))
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                read.Add(new Row(
                    reader.GetInt32(0),
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    reader.GetInt32(2),
                    reader.GetInt64(3),
                    reader.GetDecimal(4),
                    reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5)));
            }
        }

        Assert.Equal(rows.Count, read.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var expected = rows[i] with { Amount = Math.Round(rows[i].Amount, 2, MidpointRounding.AwayFromZero) };
            Assert.Equal(expected, read[i]);
        }

        // Compared as text too, so that a different scale or an infinity written as a date would show.
        const string Text = "id, t, n, b, a::text, d::text";
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            $"SELECT COUNT(*) FROM (SELECT {Text} FROM ours EXCEPT ALL SELECT {Text} FROM theirs) x"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            $"SELECT COUNT(*) FROM (SELECT {Text} FROM theirs EXCEPT ALL SELECT {Text} FROM ours) x"));
        Assert.Equal(
            rows.Count(r => r.Day == DateOnly.MinValue || r.Day == DateOnly.MaxValue),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ours WHERE NOT isfinite(d)"));
        Assert.Equal("0.00", await connection.ExecuteScalarAsync<string>("SELECT a::text FROM ours WHERE id = 0"));
    }

    [Fact]
    public async Task Rows_written_from_their_encoded_batch_are_stored_as_Npgsql_stores_them()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        const string Table = "(run_id TEXT NOT NULL, batch INTEGER NOT NULL, id INTEGER NOT NULL, t TEXT NULL, n INTEGER NOT NULL, "
            + "b BIGINT NOT NULL, a NUMERIC(19,2) NOT NULL, d DATE NULL)";
        await connection.ExecuteAsync($"CREATE TABLE ours {Table}; CREATE TABLE theirs {Table}");
        var run = RunId.New();
        // Amounts are whole cents by construction, and a run's amounts are counted in 64-bit cents (as SQLite stores them and
        // the fingerprint writes them): the test amounts with a third decimal or beyond that are not amounts.
        var rows = Rows().Where(r => Amount.TryFromEuros(r.Amount, out _) && Math.Abs(r.Amount) < long.MaxValue / 100m).ToList();
        var buffer = new RowBuffer();
        foreach (var row in rows)
        {
            buffer.BeginRow();
            buffer.Number(row.Id);
            buffer.Text(row.Text);
            buffer.Number(row.Number);
            buffer.BigNumber(row.BigNumber);
            buffer.Amount(Amount.FromEuros(row.Amount));
            buffer.Day(row.Day);
            buffer.EndRow();
        }

        const string CopyWithRun = "COPY ours (run_id, batch, id, t, n, b, a, d) FROM STDIN (FORMAT BINARY)";
        await using (var writer = await PostgresCopyWriter.BeginAsync(connection, CopyWithRun, 8, TestContext.Current.CancellationToken))
        {
            buffer.CopyTo(writer, run, 12);
            await writer.CompleteAsync();
        }

        await WriteTheirsAsync(connection, CopyWithRun.Replace("ours", "theirs", StringComparison.Ordinal), rows, run);

        const string Text = "run_id, batch, id, t, n, b, a::text, d::text";
        Assert.Equal(rows.Count, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ours"));
        Assert.Equal(
            rows.Count(r => r.Text is { Length: > 0 }),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ours WHERE t <> ''"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            $"SELECT COUNT(*) FROM (SELECT {Text} FROM ours EXCEPT ALL SELECT {Text} FROM theirs) x"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            $"SELECT COUNT(*) FROM (SELECT {Text} FROM theirs EXCEPT ALL SELECT {Text} FROM ours) x"));
    }

    [Fact]
    public async Task A_fault_before_completion_aborts_the_copy_and_keeps_the_connection_usable()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await connection.ExecuteAsync($"CREATE TABLE ours {TableSql}");

        // A lone surrogate is refused, as Npgsql refuses it, rather than stored as U+FFFD.
        await Assert.ThrowsAsync<EncoderFallbackException>(async () =>
        {
            await using var writer = await PostgresCopyWriter.BeginAsync(
                connection,
                Copy("ours"),
                6,
                TestContext.Current.CancellationToken);
            foreach (var row in Rows())
            {
                Write(writer, row);
            }

            Write(writer, new Row(-1, "bad \uD800 text", 0, 0, 0m, null));
            await writer.CompleteAsync();
        });

        // A row with a missing value is refused before it reaches the server.
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var writer = await PostgresCopyWriter.BeginAsync(
                connection,
                Copy("ours"),
                6,
                TestContext.Current.CancellationToken);
            writer.BeginRow();
            writer.Number(1);
            writer.EndRow();
            await writer.CompleteAsync();
        });

        // An amount far beyond NUMERIC(19,2) fails before the server would refuse it.
        await Assert.ThrowsAsync<OverflowException>(async () =>
        {
            await using var writer = await PostgresCopyWriter.BeginAsync(
                connection,
                Copy("ours"),
                6,
                TestContext.Current.CancellationToken);
            Write(writer, new Row(1, "ok", 0, 0, 1m, null));
            Write(writer, new Row(2, "too much", 0, 0, decimal.MaxValue, null));
            await writer.CompleteAsync();
        });

        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ours"));
    }

    [Fact]
    public async Task A_cancelled_copy_is_aborted()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await connection.ExecuteAsync($"CREATE TABLE ours {TableSql}");
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await using var writer = await PostgresCopyWriter.BeginAsync(connection, Copy("ours"), 6, cancellation.Token);
            for (var i = 0; i < 100_000; i++)
            {
                if (i == 1000)
                {
                    await cancellation.CancelAsync();
                }

                Write(writer, new Row(i, "a row long enough to fill a few chunks", i, i, i, new DateOnly(2024, 1, 1)));
            }

            await writer.CompleteAsync();
        });

        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ours"));
    }

    [Fact]
    public async Task A_backend_terminated_during_the_copy_is_a_transient_fault()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var provider = new PostgresStagingProvider(connectionString);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await connection.ExecuteAsync($"CREATE TABLE ours {TableSql}");
        var pid = connection.ProcessID;

        var fault = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var writer = await PostgresCopyWriter.BeginAsync(
                connection,
                Copy("ours"),
                6,
                TestContext.Current.CancellationToken);
            for (var i = 0; i < 200_000; i++)
            {
                if (i == 10_000)
                {
                    await TerminateAsync(connectionString, pid);
                }

                Write(writer, new Row(i, "a row long enough to fill a few chunks", i, i, i, new DateOnly(2024, 1, 1)));
            }

            await writer.CompleteAsync();
        });

        TestContext.Current.TestOutputHelper?
            .WriteLine($"{fault.GetType().FullName}: {fault.Message} (inner: {fault.InnerException?.GetType().FullName})");
        Assert.True(provider.IsTransient(fault), $"{fault.GetType().Name} ({fault.Message}) should be transient");
    }

    private static async Task TerminateAsync(string connectionString, int pid)
    {
        await using var admin = new NpgsqlConnection(connectionString);
        await admin.OpenAsync();
        await admin.ExecuteAsync("SELECT pg_terminate_backend(@pid)", new { pid });
        while (await admin.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = @pid", new { pid }) > 0)
        {
            await Task.Delay(20);
        }
    }

    private static string Copy(string table) => $"COPY {table} ({Columns}) FROM STDIN (FORMAT BINARY)";

    // Every edge value of every list meets the others in some row; then plenty of ordinary rows, so that chunks are flushed.
    private static List<Row> Rows()
    {
        var rows = new List<Row>();
        var edges = new[] { Amounts.Length, Texts.Length, Numbers.Length, BigNumbers.Length, Days.Length }.Max() * 3;
        for (var i = 0; i < edges; i++)
        {
            rows.Add(new Row(
                i,
                Texts[i % Texts.Length],
                Numbers[i % Numbers.Length],
                BigNumbers[i % BigNumbers.Length],
                Amounts[i % Amounts.Length],
                Days[i % Days.Length]));
        }

        var random = new Random(20_24);
        for (var i = 0; i < 20_000; i++)
        {
            var cents = random.NextInt64(-10_000_000_000_000, 10_000_000_000_000) / (random.Next(4) == 0 ? 1 : random.Next(1, 1_000_000));
            rows.Add(new Row(
                rows.Count,
                i % 7 == 0 ? null : $"line {i} é{i % 13}",
                random.Next(),
                random.NextInt64(),
                Amount.FromCents(cents).Value,
                i % 5 == 0 ? null : new DateOnly(1990, 1, 1).AddDays(random.Next(20_000))));
        }

        return rows;
    }

    private static async Task WriteOursAsync(NpgsqlConnection connection, string table, List<Row> rows, CancellationToken cancellationToken)
    {
        await using var writer = await PostgresCopyWriter.BeginAsync(connection, Copy(table), 6, cancellationToken);
        foreach (var row in rows)
        {
            Write(writer, row);
        }

        await writer.CompleteAsync();
    }

    private static void Write(PostgresCopyWriter writer, Row row)
    {
        writer.BeginRow();
        writer.Number(row.Id);
        writer.Text(row.Text);
        writer.Number(row.Number);
        writer.BigNumber(row.BigNumber);
        writer.Numeric(row.Amount);
        writer.Day(row.Day);
        writer.EndRow();
    }

    // Npgsql's own importer; with a run, each row begins with it and batch 12, as a batch's rows do.
    private static async Task WriteTheirsAsync(NpgsqlConnection connection, string copy, List<Row> rows, RunId? run = null)
    {
        await using var importer = await connection.BeginBinaryImportAsync(copy);
        foreach (var row in rows)
        {
            await importer.StartRowAsync();
            if (run is { } id)
            {
                await importer.WriteAsync(id.Value, NpgsqlDbType.Text);
                await importer.WriteAsync(12, NpgsqlDbType.Integer);
            }

            await importer.WriteAsync(row.Id, NpgsqlDbType.Integer);
            await (row.Text is null ? importer.WriteNullAsync() : importer.WriteAsync(row.Text, NpgsqlDbType.Text));
            await importer.WriteAsync(row.Number, NpgsqlDbType.Integer);
            await importer.WriteAsync(row.BigNumber, NpgsqlDbType.Bigint);
            await importer.WriteAsync(row.Amount, NpgsqlDbType.Numeric);
            await (row.Day is { } day ? importer.WriteAsync(day, NpgsqlDbType.Date) : importer.WriteNullAsync());
        }

        await importer.CompleteAsync();
    }

    // 100,000 characters of one to four UTF-8 bytes each: longer than a chunk once encoded.
    private static string LongMultiByteText()
    {
        var text = new StringBuilder();
        while (text.Length < 100_000)
        {
            text.Append("aé€𝄞");
        }

        return text.ToString(0, 100_000);
    }

    private sealed record Row(int Id, string? Text, int Number, long BigNumber, decimal Amount, DateOnly? Day);
}
