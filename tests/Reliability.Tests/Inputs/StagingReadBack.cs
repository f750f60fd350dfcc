using Microsoft.Data.Sqlite;

namespace Bascule.Reliability.Tests.Inputs;

/// <summary>
/// What a run left in a SQLite staging file, read back with plain SQL (not through Bascule's own readers): where each
/// record of each file ended, the rejected lines and the labels as stored (a third party's name stands for its label).
/// </summary>
public sealed class StagingReadBack
{
    // Every table a record of a source file can end in, with the outcome it stands for.
    private const string WhereRecordsEnded = """
        SELECT source_file, record, 'staged' FROM staged_lines WHERE run_id = $run
        UNION ALL SELECT source_file, record, 'unmapped' FROM unmapped_lines WHERE run_id = $run
        UNION ALL SELECT source_file, record, 'rejected' FROM rejected_lines WHERE run_id = $run
        UNION ALL SELECT source_file, record, 'staged' FROM legacy_balance WHERE run_id = $run
        UNION ALL SELECT source_file, record, 'staged' FROM budget_articles WHERE run_id = $run
        UNION ALL SELECT source_file, record, 'staged' FROM commitments WHERE run_id = $run
        UNION ALL SELECT source_file, record, 'staged' FROM third_parties WHERE run_id = $run
        """;

    private const string Labels = """
        SELECT source_file, line, label FROM staged_lines WHERE run_id = $run AND part = 1
        UNION ALL SELECT source_file, line, label FROM unmapped_lines WHERE run_id = $run
        UNION ALL SELECT source_file, line, label FROM legacy_balance WHERE run_id = $run
        UNION ALL SELECT source_file, line, label FROM budget_articles WHERE run_id = $run
        UNION ALL SELECT source_file, line, label FROM commitments WHERE run_id = $run
        UNION ALL SELECT source_file, line, name FROM third_parties WHERE run_id = $run
        """;

    private const string AllRows = """
        SELECT (SELECT COUNT(*) FROM staged_lines) + (SELECT COUNT(*) FROM unmapped_lines) + (SELECT COUNT(*) FROM rejected_lines)
             + (SELECT COUNT(*) FROM legacy_balance) + (SELECT COUNT(*) FROM budget_articles) + (SELECT COUNT(*) FROM commitments)
             + (SELECT COUNT(*) FROM third_parties) + (SELECT COUNT(*) FROM run_files)
        """;

    public required Dictionary<string, long> LinesRead { get; init; }

    /// <summary>Per file, per record number: the outcomes found for it (exactly one when nothing is lost or duplicated).</summary>
    public required Dictionary<string, Dictionary<long, HashSet<string>>> Records { get; init; }

    public required List<ExpectedReject> Rejects { get; init; }

    public required List<ExpectedLabel> StoredLabels { get; init; }

    public ExpectedFile Counts(string file)
    {
        var records = Records.GetValueOrDefault(file) ?? [];
        long Count(string outcome) => records.Values.Count(o => o.Contains(outcome));
        return new ExpectedFile(LinesRead.GetValueOrDefault(file), Count("staged"), Count("unmapped"), Count("rejected"));
    }

    /// <summary>Lines read but not found, or found more than once, or found with two outcomes: all must be zero.</summary>
    public long Lost(string file)
    {
        var read = LinesRead.GetValueOrDefault(file);
        var records = Records.GetValueOrDefault(file) ?? [];
        var once = records.Count(r => r.Key >= 1 && r.Key <= read && r.Value.Count == 1);
        return read - once + records.Count(r => r.Key < 1 || r.Key > read);
    }

    public static async Task<StagingReadBack> ReadAsync(string database, string runId)
    {
        await using var connection = Open(database);
        var read = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var files = Command(connection, runId);
        files.CommandText = "SELECT source_file, lines_read FROM run_files WHERE run_id = $run";
        await foreach (var row in Rows(files))
        {
            read[row.GetString(0)] = row.GetInt64(1);
        }

        var records = new Dictionary<string, Dictionary<long, HashSet<string>>>(StringComparer.Ordinal);
        await using var ended = Command(connection, runId);
        ended.CommandText = WhereRecordsEnded;
        await foreach (var row in Rows(ended))
        {
            var file = records.TryGetValue(row.GetString(0), out var found) ? found : records[row.GetString(0)] = [];
            var outcomes = file.TryGetValue(row.GetInt64(1), out var set) ? set : file[row.GetInt64(1)] = [];
            outcomes.Add(row.GetString(2));
        }

        var rejects = new List<ExpectedReject>();
        await using var rejected = Command(connection, runId);
        rejected.CommandText
            = "SELECT source_file, line, column_name, reason FROM rejected_lines WHERE run_id = $run ORDER BY source_file, line, part";
        await foreach (var row in Rows(rejected))
        {
            rejects.Add(new ExpectedReject(row.GetString(0), row.GetInt64(1), row.IsDBNull(2) ? null : row.GetString(2), row.GetString(3)));
        }

        var labels = new List<ExpectedLabel>();
        await using var stored = Command(connection, runId);
        stored.CommandText = Labels;
        await foreach (var row in Rows(stored))
        {
            labels.Add(new ExpectedLabel(row.GetString(0), row.GetInt64(1), row.GetString(2)));
        }

        return new StagingReadBack { LinesRead = read, Records = records, Rejects = rejects, StoredLabels = labels };
    }

    /// <summary>
    /// The published runs (their ids, in order) and the number of rows of any run in the staging file; ("", 0) when the
    /// file or its schema was never created.
    /// </summary>
    public static async Task<(string PublishedRuns, long Rows)> StateAsync(string database)
    {
        if (!File.Exists(database))
        {
            return ("", 0);
        }

        await using var connection = Open(database);
        await using var tables = connection.CreateCommand();
        tables.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'runs'";
        if ((long)(await tables.ExecuteScalarAsync())! == 0)
        {
            return ("", 0);
        }

        await using var published = connection.CreateCommand();
        published.CommandText
            = "SELECT COALESCE(GROUP_CONCAT(run_id, ','), '') FROM (SELECT run_id FROM runs WHERE status = 'published' ORDER BY run_id)";
        await using var rows = connection.CreateCommand();
        rows.CommandText = AllRows;
        return ((string)(await published.ExecuteScalarAsync())!, (long)(await rows.ExecuteScalarAsync())!);
    }

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string runId)
    {
        var command = connection.CreateCommand();
        command.Parameters.AddWithValue("$run", runId);
        return command;
    }

    private static async IAsyncEnumerable<SqliteDataReader> Rows(SqliteCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            yield return reader;
        }
    }
}
