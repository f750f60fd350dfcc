using System.Runtime.Versioning;
using Bascule.Reliability.Tests.Faults;
using Bascule.TestSupport;

namespace Bascule.Reliability.Tests.Security;

/// <summary>
/// The real <c>bascule migrate</c> and its SQLite staging file: under the most permissive umask (<c>000</c>) the default
/// folder it creates is <c>0700</c>, the staging file and its <c>-wal</c> and <c>-shm</c> files <c>0600</c>, seen while
/// the run loads; a <c>--connection</c> in a folder that does not exist is refused with exit code 1 and creates nothing.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class StagingFileModeTests(ITestOutputHelper output) : IDisposable
{
    private const UnixFileMode File0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Folder0700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Migrate_under_umask_000_creates_out_0700_and_the_staging_file_with_its_wal_and_shm_0600()
    {
        var ct = TestContext.Current.CancellationToken;
        var entity = TestEntity.Generate(_temp, "21041", lines: 6_000, seed: 41);
        var work = _temp.Combine("work");
        Directory.CreateDirectory(work);
        var outFolder = Path.Combine(work, "out");
        var file = Path.Combine(outFolder, "staging.db");
        var seen = new Dictionary<string, UnixFileMode>();
        int code;
        using (var child = CliProcess.StartWrapped(
            work,
            ["sh", "-c", "umask 000 && exec \"$@\"", "sh"],
            ["migrate", "--export", entity.Folder, "--mapping", TestEntity.Mapping, "--batch-size", "50"],
            new Dictionary<string, string> { ["BASCULE_OUT"] = outFolder }))
        {
            // The -wal and -shm files live while the run holds the database open: their modes are taken as they appear.
            while (!child.HasExited && seen.Count < 2)
            {
                foreach (var suffix in new[] { "-wal", "-shm" })
                {
                    if (!seen.ContainsKey(suffix) && TryMode(file + suffix) is { } mode)
                    {
                        seen[suffix] = mode;
                    }
                }

                await Task.Delay(5, ct);
            }

            code = await child.WaitForExitAsync(ct);
            Assert.True(code == 0, $"migrate exited {code}:\n{child.Output}");
        }

        Assert.Equal(Folder0700, File.GetUnixFileMode(outFolder));
        Assert.Equal(File0600, File.GetUnixFileMode(file));
        Assert.Equal(File0600, Assert.Contains("-wal", seen));
        Assert.Equal(File0600, Assert.Contains("-shm", seen));
        output.WriteLine($"umask 000: out {File.GetUnixFileMode(outFolder)}, staging.db {File.GetUnixFileMode(file)}, "
            + $"{string.Join(", ", seen.Select(s => $"{s.Key} {s.Value}"))}");
    }

    [Fact]
    public async Task Migrate_with_a_connection_in_a_missing_folder_exits_1_naming_it_and_creates_nothing()
    {
        var export = _temp.Combine("export");
        Inputs.CorpusCase.Load("valid").CopyTo(export);
        var work = _temp.Combine("work");
        Directory.CreateDirectory(work);
        Assert.False(Directory.Exists("/no"), "this test needs /no not to exist");

        var run = await Cli.RunAsync(
            work,
            null,
            "migrate",
            "--export",
            export,
            "--mapping",
            TestEntity.Mapping,
            "--connection",
            "/no/such/dir/staging.db");

        Assert.True(run.ExitCode == 1, run.ToString());
        // The console wraps long lines at word boundaries.
        var text = string.Join(
            ' ',
            (run.StandardOutput + run.StandardError).Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(
            "The folder /no/such/dir of the SQLite staging file does not exist, and Bascule does not create a folder it was given: create "
                + "it " +
            $"(mode 0700, for the account that runs Bascule), or omit --connection (and the setting Staging:Connection) to use "
                + $"{Path.Combine(work, "out", "staging.db")}.",
            text,
            StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StandardOutput + run.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists("/no"));
        Assert.Empty(Directory.GetFileSystemEntries(work));
    }

    public void Dispose() => _temp.Dispose();

    private static UnixFileMode? TryMode(string path)
    {
        try
        {
            return File.Exists(path) ? File.GetUnixFileMode(path) : null;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
