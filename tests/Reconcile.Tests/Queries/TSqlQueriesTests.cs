using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Bascule.Reconcile.Tests.Queries;

/// <summary>
/// Every query of the reconciliation, the cut-over, check 10, the run comparison and the entity history is plain SQL
/// shared by SQLite, PostgreSQL and SQL Server: each parses as T-SQL, so a dialect slip (<c>||</c>, <c>LIMIT</c>, a
/// PostgreSQL cast) is caught here even where no SQL Server runs.
/// </summary>
public sealed partial class TSqlQueriesTests
{
    public static TheoryData<string> Queries => [.. SqlFields().Select(f => f.Key)];

    [Theory]
    [MemberData(nameof(Queries))]
    public void The_query_parses_as_T_SQL(string name)
    {
        var sql = SqlFields()[name];
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);

        parser.Parse(reader, out var errors);

        Assert.True(
            errors.Count == 0, $"{name}: " + string.Join("; ", errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}")));
    }

    [Fact]
    public void The_queries_of_each_part_are_found()
    {
        var names = SqlFields().Keys.ToList();

        Assert.Contains("Queries.StagedLines", names);
        Assert.Contains("CutoverQueries.ThirdPartyDocuments", names);
        Assert.Contains("ContinuityQueries.StagedBalances", names);
        Assert.Contains("RunComparison.TargetAccounts", names);
        Assert.Contains("StagedLedger.Lines", names);
        Assert.Contains("EntityHistoryReader.Totals", names);
    }

    [Fact]
    public void A_postgres_or_sqlite_only_construct_is_refused_by_the_parser()
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader("SELECT label || '.' FROM staged_lines LIMIT 1");

        parser.Parse(reader, out var errors);

        Assert.NotEmpty(errors);
    }

    // The SQL text held in constant and read-only string fields of the Reconcile assembly, by Type.Field.
    private static Dictionary<string, string> SqlFields() =>
        typeof(Reconciler).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(f => f.FieldType == typeof(string) && (f.IsLiteral || f.IsInitOnly))
                .Select(f => (Name: $"{t.Name}.{f.Name}", Sql: (string?)f.GetValue(null))))
            .Where(f => f.Sql is not null && Statement().IsMatch(f.Sql))
            .ToDictionary(f => f.Name, f => f.Sql!, StringComparer.Ordinal);

    [GeneratedRegex(@"^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\s", RegexOptions.IgnoreCase)]
    private static partial Regex Statement();
}
