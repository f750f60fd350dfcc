using System.ComponentModel;
using System.Globalization;
using Bascule.Load.Providers;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>The staging database options shared by the commands that read or write it.</summary>
public abstract class StagingSettings : CommandSettings
{
    [CommandOption("--provider <PROVIDER>")]
    [Description("sqlite (default), postgres or sqlserver; else setting Staging:Provider.")]
    public string? Provider { get; init; }

    [CommandOption("--connection <CONNECTION>")]
    [Description("Connection string, for SQLite also a file path in an existing folder (default out/staging.db); else setting Staging:Connection.")]
    public string? Connection { get; init; }

    /// <summary>The connection string in effect (option, then configuration). Never print it: <see cref="Scrub"/> messages instead.</summary>
    public string ConnectionString => BasculeConfiguration.Resolve(Connection, "Staging:Connection", "");

    /// <summary>The staging provider the options and settings name; throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public IStagingProvider CreateProvider() =>
        StagingProviders.Create(
            BasculeConfiguration.Resolve(Provider, "Staging:Provider", "sqlite"),
            ConnectionString,
            BasculeConfiguration.Resolve(null, "Out", "out"));

    /// <summary>
    /// The staging provider, or null after telling the user why it cannot be created (the message scrubbed of the
    /// connection string's secrets: a malformed connection string may be quoted in it).
    /// </summary>
    public IStagingProvider? TryCreateProvider(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        try
        {
            return CreateProvider();
        }
        catch (ArgumentException ex)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{Scrub(ex.Message)}[/]");
            return null;
        }
    }

    /// <summary>A message fit to show: the connection string's secrets masked, even when no provider could be created.</summary>
    public string Scrub(string message) => ConnectionText.Scrub(message, ConnectionString);
}
