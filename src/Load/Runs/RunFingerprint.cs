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
    public static async Task<string> ComputeAsync(IStagingProvider provider, RunId run, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var text = new StringBuilder();
        foreach (var table in StagingTables.All)
        {
            Append(hash, text.Append('#').Append(table.Name).Append('\n'));
            var files = (await connection.QueryAsync<string>(new CommandDefinition(table.FilesSql, new { run = run.Value }, cancellationToken: cancellationToken)))
                .Order(StringComparer.Ordinal)
                .ToList();
            foreach (var file in files)
            {
                await HashRowsAsync(provider, connection, table, run, file, hash, text, cancellationToken);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
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

            Append(hash, text.Append('\n'));
        }
    }

    private static void AppendValue(StringBuilder text, IStagingProvider provider, DbDataReader reader, int i, ColumnKind kind)
    {
        if (reader.IsDBNull(i))
        {
            text.Append('~');
            return;
        }

        switch (kind)
        {
            case ColumnKind.Text:
                var value = reader.GetString(i);
                text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
                break;
            case ColumnKind.Number or ColumnKind.BigNumber:
                text.Append(Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                break;
            case ColumnKind.Amount:
                text.Append(provider.ReadAmount(reader, i).ToString());
                break;
            default:
                text.Append(reader.GetFieldValue<DateOnly>(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
        }
    }

    private static void Append(IncrementalHash hash, StringBuilder text)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(text.ToString()));
        text.Clear();
    }
}
