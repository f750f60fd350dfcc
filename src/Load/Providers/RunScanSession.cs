using System.Data.Common;
using Dapper;

namespace Bascule.Load.Providers;

/// <summary>
/// The one way a provider opens a connection for a run scan (<see cref="IStagingProvider.OpenForRunScanAsync"/>): its
/// ordinary connection with session settings of its own applied, closed again if they fail.
/// </summary>
internal static class RunScanSession
{
    public static async Task<DbConnection> OpenAsync(Task<DbConnection> opening, string settings, CancellationToken cancellationToken)
    {
        var connection = await opening;
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(settings, cancellationToken: cancellationToken));
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
