using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bascule.Jobs.Cli;
using Bascule.Pipeline;
using Bascule.Load;
using Bascule.TestSupport;
using Bascule.TestSupport.Staging;
using Microsoft.VisualBasic.FileIO;
using Spectre.Console;

namespace Bascule.Jobs.Tests.Cli;

/// <summary>
/// <c>bascule cutover</c> on runs of the committed samples made by the real migration pipeline: the manifest's counts,
/// totals and SHA-256 are recomputed from the written files with an independent CSV reader. Run once per provider.
/// </summary>
public abstract class CutoverCommandTests<TDatabase>(TDatabase database) : StagingSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    private static readonly string Mapping = RepositoryRoot.Combine("mappings", "bxl-2024", "1.0.0");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("commune-etterbeek-2023")]
    [InlineData("cpas-etterbeek-2023")]
    public async Task The_package_of_a_committed_sample_has_the_totals_and_hashes_its_manifest_says(string sample)
    {
        var connection = await CreateConnectionAsync();
        var run = await MigrateAsync(connection, sample);
        var outDir = Temp.Combine("package");

        var (exit, output) = await CutoverAsync(
            new CutoverCommand.Settings { Run = run, Provider = Provider, Connection = connection, Out = outDir });

        Assert.True(exit == CutoverCommand.Written, output);
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "manifest.json"), Ct));
        var root = manifest.RootElement;
        Assert.Equal((run, "2024-01-01"), (root.GetProperty("runId").GetString(), root.GetProperty("asOf").GetString()));
        var files = root.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(
            Directory.GetFiles(outDir).Select(Path.GetFileName).Where(n => n != "manifest.json").Order(StringComparer.Ordinal),
            files.Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            var path = Path.Combine(outDir, file.GetProperty("name").GetString()!);
            Assert.Equal(
                Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path, Ct))),
                file.GetProperty("sha256").GetString());
            if (file.TryGetProperty("rows", out var rows))
            {
                var records = Read(path);
                Assert.Equal(rows.GetInt64(), records.Count - 1);
                foreach (var total in file.GetProperty("totals").EnumerateObject())
                {
                    var column = Array.IndexOf(records[0], total.Name);
                    Assert.Equal(total.Value.GetDecimal(), records.Skip(1).Sum(r => decimal.Parse(
                        r[column],
                        NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                        CultureInfo.InvariantCulture)));
                }
            }
        }

        var opening = Read(Path.Combine(outDir, "opening-balances.csv"));
        Assert.Equal(
            opening.Skip(1).Sum(r => decimal.Parse(r[1], CultureInfo.InvariantCulture)),
            opening.Skip(1).Sum(r => decimal.Parse(r[2], CultureInfo.InvariantCulture)));
        Assert.Contains("opening-balances.csv", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_superseded_run_is_refused_with_exit_code_1()
    {
        var connection = await CreateConnectionAsync();
        var first = await MigrateAsync(connection, "cpas-etterbeek-2023");
        await MigrateAsync(connection, "cpas-etterbeek-2023");

        var (exit, output) = await CutoverAsync(
            new CutoverCommand.Settings { Run = first, Provider = Provider, Connection = connection, Out = Temp.Combine("refused") });

        Assert.Equal(CutoverCommand.NotWritten, exit);
        Assert.Contains("superseded, not published", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Temp.Combine("refused")));
    }

    private async Task<string> MigrateAsync(string connection, string sample)
    {
        await using var provider = Open(connection);
        var request = new MigrationRequest(
            RepositoryRoot.Combine("samples", sample),
            Mapping,
            null,
            Temp.Combine("out"),
            new StagingOptions { BatchSize = 500 });
        return (await new MigrationPipeline(provider).RunAsync(request, Ct)).RunId.Value;
    }

    private static async Task<(int Exit, string Output)> CutoverAsync(CutoverCommand.Settings settings)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(
            new AnsiConsoleSettings { Ansi = AnsiSupport.No, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(writer) });
        console.Profile.Width = 240;
        var exit = await Commands.RunAsync<CutoverCommand>(console, c => c.RunAsync(settings, Ct));
        return (exit, writer.ToString());
    }

    private static List<string[]> Read(string path)
    {
        using var parser = new TextFieldParser(path, Encoding.UTF8) {
            TextFieldType = FieldType.Delimited,
            HasFieldsEnclosedInQuotes = true,
            TrimWhiteSpace = false };
        parser.SetDelimiters(";");
        var records = new List<string[]>();
        while (!parser.EndOfData)
        {
            records.Add(parser.ReadFields()!);
        }

        return records;
    }
}

public sealed class SqliteCutoverCommandTests(SqliteDatabase database) : CutoverCommandTests<SqliteDatabase>(database);

public sealed class PostgresCutoverCommandTests(PostgresDatabase database) : CutoverCommandTests<PostgresDatabase>(database);

public sealed class SqlServerCutoverCommandTests(SqlServerDatabase database) : CutoverCommandTests<SqlServerDatabase>(database);
