using Bascule.Extract.Values;
using Bascule.Pipeline;
using Bascule.Sample;
using Bascule.Load;
using Bascule.Load.Providers;
using Bascule.Load.Providers.Sqlite;
using Bascule.Load.Runs;
using Bascule.Reconcile.Model;
using Bascule.TestSupport;

namespace Bascule.Reliability.Tests.Faults;

/// <summary>A generated export of one entity and year, with what a clean run of it must publish.</summary>
internal sealed record TestEntity(string Folder, EntityType Type, string Ins, FiscalYear Year)
{
    public static readonly string Mapping = RepositoryRoot.Combine("mappings", "bxl-2024", "1.0.0");

    /// <summary>Writes an export with the sample generator (what <c>bascule sample</c> does), deterministic for the seed.</summary>
    public static TestEntity Generate(
        TempDirectory temp,
        string ins = "21005",
        long lines = 3_000,
        ulong seed = 1,
        EntityType type = EntityType.Commune)
    {
        var year = new FiscalYear(2023);
        var folder = temp.Combine("exports", $"{type.ToCode().ToLowerInvariant()}-{ins}-{lines}-{seed}");
        SampleGenerator.Generate(new SampleOptions(folder, type, year, lines, seed, $"{type.ToCode()} {ins}", ins));
        return new TestEntity(folder, type, ins, year);
    }

    public string Describe => $"{Type.ToCode()} {Ins} {Year}";
}

/// <summary>Runs migrations in process and computes the reference a faulted run is compared with.</summary>
internal static class Migrations
{
    public static Task<MigrationResult> RunAsync(
        IStagingProvider provider,
        TestEntity entity,
        TempDirectory temp,
        StagingOptions? staging = null,
        CancellationToken cancellationToken = default) =>
        new MigrationPipeline(provider).RunAsync(
            new MigrationRequest(
                entity.Folder,
                TestEntity.Mapping,
                temp.Combine("reports", Guid.NewGuid().ToString("N")),
                temp.Combine("out"),
                staging ?? new StagingOptions()),
            cancellationToken);

    /// <summary>A clean run of the export on a fresh SQLite file: the fingerprint and row counts every correct run must have.</summary>
    public static async Task<Reference> ReferenceAsync(TestEntity entity, TempDirectory temp)
    {
        await using var sqlite = new SqliteStagingProvider(
            SqliteStagingProvider.ConnectionStringFor(temp.Combine($"reference-{Guid.NewGuid():N}.db"), temp.Path));
        var result = await RunAsync(sqlite, entity, temp);
        Assert.NotEqual(Verdict.Failed, result.Reconciliation.Status);
        return new Reference(result.Fingerprint, await PublishedState.RowsOfRunAsync(sqlite, result.RunId.Value));
    }
}

/// <summary>What a clean run of an export publishes.</summary>
internal sealed record Reference(string Fingerprint, IReadOnlyList<long> Rows)
{
    public long TotalRows => Rows.Sum();
}
