using Bascule.Load.Tables;
using Bascule.TestSupport.Staging;
using Dapper;

namespace Bascule.Load.Tests.Schema;

/// <summary>
/// The staging tables as each provider's scripts leave them, read from the database's own catalog (pragma_table_info,
/// information_schema), have exactly the columns the table definitions in code write, in the same order, each stored
/// as that provider stores its kind: a script and the code can never drift apart unseen.
/// </summary>
public abstract class CatalogColumnsTests<TDatabase>(TDatabase database) : StagingSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    public static TheoryData<string> Tables => [.. StagingTables.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task The_catalog_holds_the_columns_of_the_table_definition_in_order(string name)
    {
        var ct = TestContext.Current.CancellationToken;
        var table = StagingTables.All.Single(t => t.Name == name);
        await using var provider = await CreateProviderAsync();
        await provider.EnsureSchemaAsync(ct);

        await using var connection = await provider.OpenAsync(ct);
        var catalog = (await connection.QueryAsync<(string Name, string Type)>(
            new CommandDefinition(Database.ColumnsSql, new { table = name }, cancellationToken: ct))).ToList();

        Assert.Equal(table.Columns.Select(c => c.Name), catalog.Select(c => c.Name));
        Assert.All(table.Columns.Zip(catalog), pair => Assert.True(
            Database.Stores(pair.First.Kind, pair.Second.Type),
            $"{name}.{pair.First.Name} is {pair.First.Kind} in code and {pair.Second.Type} in the {Provider} catalog"));
    }
}

public sealed class SqliteCatalogColumnsTests(SqliteDatabase database) : CatalogColumnsTests<SqliteDatabase>(database);

public sealed class PostgresCatalogColumnsTests(PostgresDatabase database) : CatalogColumnsTests<PostgresDatabase>(database);

public sealed class SqlServerCatalogColumnsTests(SqlServerDatabase database) : CatalogColumnsTests<SqlServerDatabase>(database);
