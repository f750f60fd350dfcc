using System.Data.Common;

namespace Bascule.Load.Providers;

/// <summary>Connection details fit for messages and logs: never a password, whatever the provider.</summary>
public static class ConnectionText
{
    private static readonly string[] SecretKeys
        = ["password", "pwd", "passfile", "user id", "uid", "username", "user", "access token", "ssl password", "sslpassword"];

    // The keys whose values are secrets in themselves: the password, a client certificate key's password (Npgsql), a token.
    private static readonly string[] SecretValueKeys = ["password", "pwd", "access token", "ssl password", "sslpassword"];

    /// <summary>The connection string with every credential removed.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            return "(unreadable connection string)";
        }

        foreach (var key in SecretKeys)
        {
            builder.Remove(key);
        }

        return builder.ConnectionString;
    }

    /// <summary>A message with any secret of the connection string replaced by <c>***</c>.</summary>
    public static string Scrub(string message, string connectionString)
    {
        // Nothing to hide in an empty connection string (the SQLite default), and replacing "" would throw.
        if (string.IsNullOrEmpty(message) || string.IsNullOrWhiteSpace(connectionString))
        {
            return message;
        }

        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            return message;
        }

        message = message.Replace(connectionString, Describe(connectionString), StringComparison.Ordinal);
        foreach (var key in SecretValueKeys)
        {
            if (builder.TryGetValue(key, out var secret) && secret is string { Length: > 0 } text)
            {
                message = message.Replace(text, "***", StringComparison.Ordinal);
            }
        }

        return message;
    }

    /// <summary>
    /// What a driver's refusal of a connection string says, without its parameter name and end stop ("Keyword not
    /// supported: 'dat source'"), and with any secret of <paramref name="connectionString"/> masked.
    /// </summary>
    public static string Problem(ArgumentException refusal, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var problem = refusal.ParamName is { } name
            ? refusal.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal)
            : refusal.Message;
        return Scrub(problem.TrimEnd('.'), connectionString);
    }
}
