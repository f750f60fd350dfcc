using System.ComponentModel;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>The options every <c>bascule report</c> command shares: which staging database to read.</summary>
public class ReportSettings : CommandSettings
{
    [CommandOption("--provider <PROVIDER>")]
    [Description("sqlite (default), postgres or sqlserver; else setting Staging:Provider.")]
    public string? Provider { get; init; }

    [CommandOption("--connection <CONNECTION>")]
    [Description("Connection string, for SQLite also a file path (default out/staging.db); else setting Staging:Connection.")]
    public string? Connection { get; init; }

    /// <summary>A run id that <c>Validate</c> already accepted.</summary>
    public static RunId ParseRun(string? text) =>
        RunId.TryParse(text, out var id) ? id : throw new ArgumentException($"'{text}' is not a run id: give one listed by `bascule runs`.", nameof(text));

    /// <summary>The staging provider the options and settings name; throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public IStagingProvider CreateProvider() =>
        StagingProviders.Create(
            BasculeConfiguration.Resolve(Provider, "Staging:Provider", "sqlite"),
            BasculeConfiguration.Resolve(Connection, "Staging:Connection", ""),
            BasculeConfiguration.Resolve(null, "Out", "out"));
}
