namespace Bascule.Load.Runs.Leases;

/// <summary>
/// Why a loading run is abandoned (the message recorded on it, starting with "Abandoned"), and whether only its expired
/// lease says so: a heartbeat that arrives before the cleanup then keeps it alive.
/// </summary>
public sealed record Abandonment(string Message, bool ByExpiry);
