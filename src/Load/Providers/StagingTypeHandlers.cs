using Dapper;

namespace Bascule.Load.Providers;

/// <summary>
/// The domain types that cross the staging database's boundary through Dapper: <see cref="AmountTypeHandler"/> and
/// <see cref="RunIdTypeHandler"/>. Every provider registers them when it is created, so any query of a staging database
/// reads and writes them by name.
/// </summary>
public static class StagingTypeHandlers
{
    private static int Registered;

    /// <summary>Registers the handlers once per process; later calls do nothing.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref Registered, 1) == 0)
        {
            SqlMapper.AddTypeHandler(new AmountTypeHandler());
            SqlMapper.AddTypeHandler(new RunIdTypeHandler());
        }
    }
}
