using System.ComponentModel;
using System.Data.Common;
using Bascule.Jobs.Composition;
using Bascule.Jobs.Hosting;
using Hangfire;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>
/// Options of the commands that talk to a job storage from outside <c>bascule serve</c>. They need the shared storage
/// (PostgreSQL or SQL Server): an in-memory storage lives inside the serve process and no other process can reach it.
/// </summary>
public class FleetJobSettings : CommandSettings
{
    [CommandOption("--jobs-storage <STORAGE>")]
    [Description("postgres or sqlserver (shared); else setting Jobs:Storage. inmemory lives only inside `bascule serve` and cannot be "
        + "reached from here.")]
    public string? JobsStorage { get; init; }

    [CommandOption("--jobs-connection <CONNECTION>")]
    [Description("Connection string of the shared job storage; else setting Jobs:Connection (BASCULE_JOBS__CONNECTION).")]
    public string? JobsConnection { get; init; }

    /// <summary>The shared job storage the options name (each falling back to its setting), or an error message that says what to
    /// configure.</summary>
    public JobStorage OpenSharedStorage(JobStorageOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var kind = string.IsNullOrWhiteSpace(JobsStorage) ? settings.Storage : JobsStorage;
        if (string.Equals(kind.Trim(), JobStorages.InMemory, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                "The job storage is inmemory, which only the `bascule serve` process itself can see. Use the shared storage: " +
                "--jobs-storage postgres --jobs-connection \"Host=...;Database=hangfire;...\" (or sqlserver; settings Jobs:Storage and "
                    + "Jobs:Connection), the same as the serve processes use.");
        }

        try
        {
            return JobStorages.Create(kind, string.IsNullOrWhiteSpace(JobsConnection) ? settings.Connection : JobsConnection);
        }
        catch (DbException ex)
        {
            throw new ArgumentException(
                $"The job storage could not be opened: {CommandFailures.Sentence(ex.Message)} Check --jobs-connection (setting "
                    + $"Jobs:Connection): the database server must be reachable and the account's name and password right.", ex);
        }
    }
}
