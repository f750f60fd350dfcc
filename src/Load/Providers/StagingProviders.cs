namespace Bascule.Load.Providers;

/// <summary>Creates the provider a user asked for, from a provider name and a connection string.</summary>
public static class StagingProviders
{
    /// <summary>
    /// The SQLite connection may be a file path or a connection string, in an existing folder; when empty the database is
    /// <c>staging.db</c> under <paramref name="outFolder"/>, created (<c>0700</c>) when missing. PostgreSQL and SQL Server
    /// need a connection string.
    /// </summary>
    public static IStagingProvider Create(string provider, string? connection, string outFolder)
    {
        if (!StagingProviderKinds.TryParse(provider, out var kind))
        {
            throw new ArgumentException(
                $"Unknown staging provider '{provider}': use sqlite, postgres or sqlserver (option --provider or setting "
                    + $"Staging:Provider).");
        }

        if (kind == StagingProviderKind.Sqlite)
        {
            return Sqlite.SqliteStagingProvider.Create(connection, outFolder);
        }

        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new ArgumentException(
                $"The {kind.ToCode()} provider needs a connection string: give --connection or set Staging:Connection (environment "
                    + $"variable BASCULE_STAGING__CONNECTION).");
        }

        try
        {
            return kind == StagingProviderKind.Postgres
                ? new Postgres.PostgresStagingProvider(connection)
                : new SqlServer.SqlServerStagingProvider(connection);
        }
        catch (ArgumentException ex)
        {
            // The driver's own words ("Format of the initialization string does not conform…", "Keyword not supported") say
            // neither which setting nor how to write it. Its message never holds the connection string (masked all the same).
            throw new ArgumentException(
                $"The {kind.ToCode()} connection string cannot be read: {ConnectionText.Problem(ex, connection)}. Write it as "
                    + "key=value pairs separated by ';' (e.g. Host=db.example;Database=staging;Username=bascule_loader;Password=…) in "
                    + "--connection or Staging:Connection.",
                ex);
        }
    }
}
