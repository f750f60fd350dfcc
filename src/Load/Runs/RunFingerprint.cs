using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bascule.Load.Providers;
using Bascule.Load.Rows;
using Bascule.Load.Tables;
using Dapper;

namespace Bascule.Load.Runs;

/// <summary>
/// SHA-256 over a run's staged content read back from the database: every table in a fixed order, its source files in
/// ordinal order, rows by record and part, one canonical text per row (invariant numbers, amounts with two decimals,
/// ISO dates, length-prefixed text). Run id and batch numbers are left out, so the same export and mapping give the
/// same fingerprint whatever the provider, the batch size or the run.
/// </summary>
public static class RunFingerprint
{
    internal const int ChunkChars = 32 * 1024;

    public static async Task<string> ComputeAsync(IStagingProvider provider, RunId run, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenForRunScanAsync(cancellationToken);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var text = new StringBuilder();
        foreach (var table in StagingTables.All)
        {
            Append(hash, text.Append('#').Append(table.Name).Append('\n'));
            foreach (var file in (await FilesAsync(connection, table, run, cancellationToken)).Order(StringComparer.Ordinal))
            {
                await HashRowsAsync(provider, connection, table, run, file, hash, text, cancellationToken);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // One index seek per source file instead of a DISTINCT over every row of the run.
    private static async Task<List<string>> FilesAsync(DbConnection connection, StagingTable table, RunId run, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        var next = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(table.FirstFileSql, new { run = run.Value }, cancellationToken: cancellationToken));
        while (next is not null)
        {
            files.Add(next);
            next = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(table.NextFileSql, new { run = run.Value, after = next }, cancellationToken: cancellationToken));
        }

        return files;
    }

    private static async Task HashRowsAsync(
        IStagingProvider provider, DbConnection connection, StagingTable table, RunId run, string file, IncrementalHash hash, StringBuilder text, CancellationToken cancellationToken)
    {
        var columns = table.Columns.Skip(2).ToArray();
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            table.FingerprintSql, new { run = run.Value, file }, cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            for (var i = 0; i < columns.Length; i++)
            {
                if (i > 0)
                {
                    text.Append('|');
                }

                AppendValue(text, provider, reader, i, columns[i].Kind);
            }

            text.Append('\n');
            // Hashed in chunks of whole rows: the digest is the same as row by row, with far fewer encoder calls.
            if (text.Length >= ChunkChars)
            {
                Append(hash, text);
            }
        }

        Append(hash, text);
    }

    private static void AppendValue(StringBuilder text, IStagingProvider provider, DbDataReader reader, int i, ColumnKind kind)
    {
        if (reader.IsDBNull(i))
        {
            CanonicalText.Null(text);
            return;
        }

        switch (kind)
        {
            case ColumnKind.Text:
                CanonicalText.Text(text, reader.GetString(i));
                break;
            case ColumnKind.Number or ColumnKind.BigNumber:
                CanonicalText.Whole(text, Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture));
                break;
            case ColumnKind.Amount:
                CanonicalText.Amount(text, provider.ReadAmount(reader, i));
                break;
            default:
                CanonicalText.Day(text, reader.GetFieldValue<DateOnly>(i));
                break;
        }
    }

    internal static void Append(IncrementalHash hash, StringBuilder text)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            // One encoder across the builder's chunks, so a surrogate pair split between two chunks still encodes whole.
            var encoder = Encoding.UTF8.GetEncoder();
            var length = 0;
            foreach (var chunk in text.GetChunks())
            {
                length += encoder.GetBytes(chunk.Span, bytes.AsSpan(length), flush: false);
            }

            length += encoder.GetBytes([], bytes.AsSpan(length), flush: true);

            hash.AppendData(bytes, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }

        text.Clear();
    }
}
