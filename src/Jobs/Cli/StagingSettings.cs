using System.ComponentModel;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>The staging database options shared by the commands that read or write it; each falls back to its setting.</summary>
public abstract class StagingSettings : CommandSettings
{
    [CommandOption("--provider <PROVIDER>")]
    [Description("sqlite (default), postgres or sqlserver; else setting Staging:Provider.")]
    public string? Provider { get; init; }

    [CommandOption("--connection <CONNECTION>")]
    [Description(
        "Connection string, for SQLite also a file path in an existing folder (default out/staging.db); else setting Staging:Connection.")]
    public string? Connection { get; init; }
}
