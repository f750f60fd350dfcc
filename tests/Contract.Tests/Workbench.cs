using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Bascule.TestSupport;

namespace Bascule.Contract.Tests;

/// <summary>
/// One configuration of the contract: the environment <c>bascule</c> gets (none for the default configuration; the
/// staging provider and connection for PostgreSQL), and a staging database that holds a superseded and a published
/// run of the commune sample, made once by running the real <c>bascule migrate</c> twice. Prepares each case's own
/// working folder and fills in the placeholders of its command line.
/// </summary>
public sealed partial class Workbench : IDisposable
{
    /// <summary>A well-formed run id that no staging database holds.</summary>
    public const string UnknownRun = "01a23a92-0000-7000-8000-000000000000";

    private readonly TempDirectory _seed;
    private readonly Dictionary<string, string> _placeholders;

    private Workbench(
        Target target,
        IReadOnlyDictionary<string, string> environment,
        TempDirectory seed,
        Dictionary<string, string> placeholders,
        IReadOnlyList<string> secrets)
    {
        Target = target;
        Environment = environment;
        _seed = seed;
        _placeholders = placeholders;
        Secrets = secrets;
    }

    public Target Target { get; }

    /// <summary>The child's environment: <c>BASCULE_</c> settings only (CliProcess passes no other from the test's).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Texts no output may show: the passwords of the connection strings in play.</summary>
    public IReadOnlyList<string> Secrets { get; }

    public static string Sample => RepositoryRoot.Combine("samples", "commune-etterbeek-2023");

    public static string Mapping => RepositoryRoot.Combine("mappings", "bxl-2024", "1.0.0");

    /// <summary>The default configuration: no settings at all, so embedded SQLite in <c>out/</c> of the working folder.</summary>
    public static Task<Workbench> DefaultAsync(CancellationToken cancellationToken) =>
        CreateAsync(Target.Default, new Dictionary<string, string>(), [], "", cancellationToken);

    /// <summary>PostgreSQL, through the environment as an operator would configure it; the runs are made there once.</summary>
    public static Task<Workbench> PostgresAsync(ContractPostgres postgres, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postgres);
        var environment = new Dictionary<string, string>
        {
            ["BASCULE_STAGING__PROVIDER"] = "postgres",
            ["BASCULE_STAGING__CONNECTION"] = postgres.Connection,
        };
        return CreateAsync(
            Target.Postgres,
            environment,
            [ContractPostgres.Password, ContractPostgres.WrongPassword],
            postgres.WrongPasswordConnection,
            cancellationToken);
    }

    private static async Task<Workbench> CreateAsync(
        Target target, Dictionary<string, string> environment, IReadOnlyList<string> secrets, string wrongPassword,
        CancellationToken cancellationToken)
    {
        var seed = new TempDirectory();
        try
        {
            var superseded = await MigrateAsync(seed.Path, environment, cancellationToken);
            var published = await MigrateAsync(seed.Path, environment, cancellationToken);
            var placeholders = new Dictionary<string, string>
            {
                ["{sample}"] = Sample,
                ["{mapping}"] = Mapping,
                ["{fleet}"] = RepositoryRoot.Combine("fleet.json"),
                ["{published}"] = published,
                ["{superseded}"] = superseded,
                ["{unknown}"] = UnknownRun,
                ["{wrong-password}"] = wrongPassword,
            };
            return new Workbench(target, environment, seed, placeholders, secrets);
        }
        catch
        {
            seed.Dispose();
            throw;
        }
    }

    /// <summary>The case's arguments with the placeholders ({sample}, {mapping}, {fleet}, {published}, {superseded}, {unknown},
    /// {wrong-password}) filled in.</summary>
    public IReadOnlyList<string> Resolve(ContractCase contractCase)
    {
        ArgumentNullException.ThrowIfNull(contractCase);
        return contractCase.Arguments()
            .Select(argument => _placeholders.Aggregate(argument, (text, p) => text.Replace(p.Key, p.Value, StringComparison.Ordinal)))
            .ToList();
    }

    /// <summary>Makes <paramref name="folder"/> hold what the case's <see cref="Setup"/> asks for.</summary>
    public async Task PrepareAsync(ContractCase contractCase, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contractCase);
        foreach (var (flag, prepare) in Preparations)
        {
            if (contractCase.Setup.HasFlag(flag))
            {
                await prepare(this, folder, cancellationToken);
            }
        }
    }

    public void Dispose() => _seed.Dispose();

    // One line per setup: what it puts into a case's working folder.
    private static readonly (Setup Flag, Func<Workbench, string, CancellationToken, Task> Prepare)[] Preparations =
    [
        (Setup.Runs, (bench, folder, _) => bench.CopyStagingAsync(folder)),
        (Setup.Blocker, (_, folder, ct) => File.WriteAllTextAsync(Path.Combine(folder, "blocker"), "a file, not a folder\n", ct)),
        (Setup.ExportWithoutControlFile, (_, folder, _) => Done(CopyExport(folder, "EXPORT.txt"))),
        (Setup.ExportWithoutTiers, (_, folder, _) => Done(CopyExport(folder, "TIERS.csv"))),
        (Setup.ExportTruncated, (_, folder, ct) => TruncateLedgerAsync(CopyExport(folder), ct)),
        (Setup.MappingWithoutManifest, (_, folder, _) => MappingWithoutManifest(folder)),
        (Setup.InvalidMapping, (_, folder, ct) => InvalidMappingAsync(folder, ct)),
        (Setup.ExportOneEuroMore, (_, folder, _) => ExportCopies.OneEuroMoreLedgerDebitAsync(Sample, Path.Combine(folder, "export"))),
    ];

    private static Task Done(string _) => Task.CompletedTask;

    // The default configuration's staging database is a file in out/: each case gets its own copy of the seeded one.
    // PostgreSQL cases share the seeded database, which they only read.
    private Task CopyStagingAsync(string folder)
    {
        if (Target == Target.Default)
        {
            var from = Path.Combine(_seed.Path, "out");
            var to = Directory.CreateDirectory(Path.Combine(folder, "out")).FullName;
            foreach (var file in Directory.GetFiles(from, "staging.db*"))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }
        }

        return Task.CompletedTask;
    }

    private static string CopyExport(string folder, string? without = null)
    {
        var export = Directory.CreateDirectory(Path.Combine(folder, "export")).FullName;
        foreach (var file in Directory.GetFiles(Sample).Where(f => Path.GetFileName(f) != without))
        {
            File.Copy(file, Path.Combine(export, Path.GetFileName(file)));
        }

        return export;
    }

    // ECRITURES.csv cut in the middle of a line, a tenth of the way in, as a transfer that stopped.
    private static async Task TruncateLedgerAsync(string export, CancellationToken cancellationToken)
    {
        var ledger = Path.Combine(export, "ECRITURES.csv");
        var bytes = await File.ReadAllBytesAsync(ledger, cancellationToken);
        var cut = Array.IndexOf(bytes, (byte)'\n', bytes.Length / 10) + 20;
        await File.WriteAllBytesAsync(ledger, bytes[..cut], cancellationToken);
    }

    private static Task MappingWithoutManifest(string folder)
    {
        var mapping = Directory.CreateDirectory(Path.Combine(folder, "mapping")).FullName;
        File.Copy(Path.Combine(Mapping, "rules.csv"), Path.Combine(mapping, "rules.csv"));
        return Task.CompletedTask;
    }

    // The shipped version with rule B130 pointing at an account the chart does not have; the chart beside it, where
    // mapping.yaml looks for it (../../charts).
    private static async Task InvalidMappingAsync(string folder, CancellationToken cancellationToken)
    {
        var version = Directory.CreateDirectory(Path.Combine(folder, "invalid", "bxl-2024", "1.0.0")).FullName;
        var charts = Directory.CreateDirectory(Path.Combine(folder, "invalid", "charts")).FullName;
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("mappings", "charts")))
        {
            File.Copy(file, Path.Combine(charts, Path.GetFileName(file)));
        }

        File.Copy(Path.Combine(Mapping, "mapping.yaml"), Path.Combine(version, "mapping.yaml"));
        var rules = await File.ReadAllTextAsync(Path.Combine(Mapping, "rules.csv"), Encoding.UTF8, cancellationToken);
        var broken = B130().Replace(rules, "${1}999999;", 1);
        if (broken == rules)
        {
            throw new InvalidOperationException("Rule B130 of the shipped mapping changed: adapt the invalid mapping of the contract.");
        }

        await File.WriteAllTextAsync(Path.Combine(version, "rules.csv"), broken, new UTF8Encoding(false), cancellationToken);
    }

    // bascule migrate in the seed folder; the run's id is the folder its reports were written to, out/runs/<runId>/.
    private static async Task<string> MigrateAsync(
        string folder,
        IReadOnlyDictionary<string, string> environment,
        CancellationToken cancellationToken)
    {
        var runs = Path.Combine(folder, "out", "runs");
        var before = Directory.Exists(runs) ? Directory.GetDirectories(runs).ToHashSet() : [];
        using var migrate = CliProcess.Start(folder, ["migrate", "--export", Sample, "--mapping", Mapping], environment);
        var code = await migrate.WaitForExitAsync(cancellationToken);
        var made = Directory.Exists(runs) ? Directory.GetDirectories(runs).Where(d => !before.Contains(d)).ToList() : [];
        if (code != 0 || made.Count != 1)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture, $"The contract's runs could not be made: bascule migrate exited {code} and wrote "
                    + $"{made.Count} report folder(s).\n{migrate.Output}"));
        }

        return Path.GetFileName(made[0]);
    }

    [GeneratedRegex(@"^(B130;;;1300000;;)130000;", RegexOptions.Multiline)]
    private static partial Regex B130();
}
