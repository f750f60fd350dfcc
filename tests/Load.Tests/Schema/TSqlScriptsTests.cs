using Bascule.Load.Schema;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Bascule.Load.Tests.Schema;

public sealed class TSqlScriptsTests
{
    [Fact]
    public void Every_sql_server_script_parses_as_T_SQL()
    {
        var scripts = SchemaScripts.For("sqlserver");
        Assert.NotEmpty(scripts);
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        foreach (var script in scripts)
        {
            foreach (var batch in script.Batches)
            {
                using var reader = new StringReader(batch);
                parser.Parse(reader, out var errors);
                Assert.True(errors.Count == 0, $"{script.Name}: " + string.Join("; ", errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}")));
            }
        }
    }

    [Fact]
    public void A_broken_statement_is_reported_by_the_parser()
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader("CREATE TABLE runs (run_id VARCHAR(40) NOT NULL,");
        parser.Parse(reader, out var errors);
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Every_provider_has_the_same_script_versions()
    {
        var versions = new[] { "sqlite", "postgres", "sqlserver" }
            .Select(p => string.Join(",", SchemaScripts.For(p).Select(s => s.Name)))
            .Distinct()
            .ToList();
        Assert.Single(versions);
    }
}
