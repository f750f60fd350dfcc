using Bascule.Extract.Encodings;
using Bascule.Load;
using Bascule.Load.Providers;
using Bascule.TestSupport;
using Bascule.TestSupport.Staging;
using Dapper;

namespace Bascule.Pipeline.Tests;

/// <summary>
/// The spec keeps what stands between a field's quotes exactly: through extract, mapping and load, a label, a
/// third party's name and a rejected line's raw text reach the staging database with their CRLF and their spaces, on
/// every staging engine.
/// </summary>
public abstract class QuotedTextStagingTests<TDatabase>(TDatabase database) : StagingSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    private const string Label = "  Bilan d'ouverture\r\n\"2023\"  ";
    private const string Name = " Région de\r\nBruxelles ";
    private const string Damaged = "2023;OUV;1;2;01/01/2023;1310000;;;;\" Réserves\r\n \";;abc";

    [Fact]
    public async Task A_quoted_label_name_and_rejected_line_are_staged_exactly_as_they_stand_between_the_quotes()
    {
        var export = CopySample();
        // The second record first: once the first holds a line break, the file no longer splits into records by line.
        ReplaceLine(export, "ECRITURES.csv", 2, _ => Damaged);
        ReplaceLine(export, "ECRITURES.csv", 1, line => ReplaceField(line, 9, "\"  Bilan d'ouverture\r\n\"\"2023\"\"  \""));
        ReplaceLine(export, "TIERS.csv", 1, line => ReplaceField(line, 1, "\" Région de\r\nBruxelles \""));
        var provider = await NewProviderAsync();

        var result = await new MigrationPipeline(provider).RunAsync(
            new MigrationRequest(
                export,
                RepositoryRoot.Combine("mappings", "bxl-2024", "1.0.0"),
                null,
                Temp.Combine("out"),
                new StagingOptions()),
            TestContext.Current.CancellationToken);

        var run = result.RunId.Value;
        Assert.Equal(Label, await ScalarAsync(provider, 
            "SELECT label FROM staged_lines WHERE run_id = @run AND source_file = 'ECRITURES.csv' AND line = 2 AND part = 1 " +
            "UNION ALL SELECT label FROM unmapped_lines WHERE run_id = @run AND source_file = 'ECRITURES.csv' AND line = 2", run));
        Assert.Equal(Damaged, await ScalarAsync(
            provider,
            "SELECT raw_text FROM rejected_lines WHERE run_id = @run AND source_file = 'ECRITURES.csv' AND line = 4",
            run));
        Assert.Equal(Name, await ScalarAsync(
            provider,
            "SELECT name FROM third_parties WHERE run_id = @run AND source_file = 'TIERS.csv' AND line = 2",
            run));
    }

    private string CopySample()
    {
        var copy = Temp.Combine("export");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("samples", "commune-etterbeek-2023")))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }

    // Record n (1 = the first after the header) of a file whose first records hold no quoted line break.
    private static void ReplaceLine(string folder, string file, int record, Func<string, string> change)
    {
        var path = Path.Combine(folder, file);
        var lines = File.ReadAllText(path, ExportEncoding.Windows1252).Split("\r\n");
        lines[record] = change(lines[record]);
        File.WriteAllText(path, string.Join("\r\n", lines), ExportEncoding.Windows1252);
    }

    private static string ReplaceField(string line, int field, string value)
    {
        var fields = line.Split(';');
        fields[field] = value;
        return string.Join(';', fields);
    }

    private static async Task<string?> ScalarAsync(IStagingProvider provider, string sql, string run)
    {
        await using var connection = await provider.OpenAsync(TestContext.Current.CancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(
            new CommandDefinition(sql, new { run }, cancellationToken: TestContext.Current.CancellationToken));
    }
}

public sealed class SqliteQuotedTextStagingTests(SqliteDatabase database) : QuotedTextStagingTests<SqliteDatabase>(database);

public sealed class PostgresQuotedTextStagingTests(PostgresDatabase database) : QuotedTextStagingTests<PostgresDatabase>(database);

public sealed class SqlServerQuotedTextStagingTests(SqlServerDatabase database) : QuotedTextStagingTests<SqlServerDatabase>(database);
