namespace Bascule.Load.Providers;

/// <summary>The staging databases Bascule loads into.</summary>
public enum StagingProviderKind
{
    Sqlite,
    Postgres,
    SqlServer,
}

public static class StagingProviderKinds
{
    public static bool TryParse(string? text, out StagingProviderKind kind)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "SQLITE":
                kind = StagingProviderKind.Sqlite;
                return true;
            case "POSTGRES" or "POSTGRESQL" or "PG":
                kind = StagingProviderKind.Postgres;
                return true;
            case "SQLSERVER" or "MSSQL":
                kind = StagingProviderKind.SqlServer;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    public static string ToCode(this StagingProviderKind kind) => kind switch
    {
        StagingProviderKind.Sqlite => "sqlite",
        StagingProviderKind.Postgres => "postgres",
        _ => "sqlserver",
    };
}
