using Bascule.Load.Providers;

namespace Bascule.Jobs.Hosting;

/// <summary>
/// Where migration jobs load: the staging provider, its connection and the output root for reconciliation files.
/// Jobs carry only entity, year and folders; the staging database is the server's own setting, so every server of a
/// scale-out must point at the same one.
/// </summary>
public sealed record StagingTarget(string Provider, string Connection, string OutRoot)
{
    public IStagingProvider Open() => StagingProviders.Create(Provider, Connection, OutRoot);

    // A record prints every member: the connection string (and its password) must never reach a log that way.
    public override string ToString() => $"{Provider} {ConnectionText.Describe(Connection)} (out: {OutRoot})";
}
