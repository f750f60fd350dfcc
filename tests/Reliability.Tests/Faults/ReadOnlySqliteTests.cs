using System.Diagnostics;
using System.Runtime.Versioning;
using Bascule.Load.Providers.Sqlite;
using Bascule.TestSupport;

namespace Bascule.Reliability.Tests.Faults;

/// <summary>
/// The disk of a SQLite staging file is read-only when <c>bascule migrate</c> runs. Root ignores file modes, so as root
/// the real CLI runs in its own mount namespace where the staging folder is bind-mounted read-only (the kernel refuses
/// every write, whoever asks); as another user the folder and file are simply made read-only. A read-only switch in the
/// middle of a run is out of reach (the kernel refuses to remount read-only while the file is open for writing, and file
/// modes do not affect open descriptors), so the mid-run case is a disk that fills up: a small tmpfs. The outcome: exit
/// code 1, a message naming the file and no stack trace, and the published run exactly as it was.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class ReadOnlySqliteTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Migrate_on_a_read_only_staging_file_exits_1_naming_the_file_and_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = _temp.Combine("readonly");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "staging.db");
        var entity = TestEntity.Generate(_temp, "21031", lines: 1_500, seed: 31);
        var reference = await Migrations.ReferenceAsync(entity, _temp);
        PublishedState before;
        await using (var provider = new SqliteStagingProvider(SqliteStagingProvider.ConnectionStringFor(file, _temp.Path)))
        {
            await Migrations.RunAsync(provider, entity, _temp, cancellationToken: ct);
            before = await PublishedState.ReadAsync(provider, entity);
        }

        Invariant.OneCompleteRun(before, reference);
        var (wrapper, how) = await ReadOnlyWrapperAsync(folder, ct);
        int code;
        string text;
        try
        {
            using var child = CliProcess.StartWrapped(
                _temp.Path,
                wrapper,
                ["migrate", "--export", entity.Folder, "--mapping", TestEntity
                    .Mapping, "--provider", "sqlite", "--connection", file, "--out", _temp.Combine("report")]);
            code = await child.WaitForExitAsync(ct);
            text = child.Output;
        }
        finally
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        Tally.FaultInjected();
        Assert.True(code == 1, $"exit code {code}, expected 1:\n{text}");
        Assert.Contains(file, text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", text, StringComparison.OrdinalIgnoreCase);
        await using (var provider = new SqliteStagingProvider(SqliteStagingProvider.ConnectionStringFor(file, _temp.Path)))
        {
            var after = await PublishedState.ReadAsync(provider, entity);
            Invariant.Unchanged(before, after);
            Assert.Equal(before.Runs.Count, after.Runs.Count);
        }

        Tally.RunUnchanged();
        output.WriteLine($"sqlite read-only ({how}): migrate exited 1 with \"{text.Trim()}\"; published run {before.RunId} unchanged");
    }

    [Fact]
    public async Task Migrate_that_runs_out_of_disk_mid_run_exits_1_naming_the_file_and_a_re_run_publishes()
    {
        var ct = TestContext.Current.CancellationToken;
        if (Environment.UserName != "root")
        {
            Assert.Skip("Needs root: the staging file is put on a small tmpfs mounted in a private mount namespace.");
        }

        var entity = TestEntity.Generate(_temp, "21032", lines: 3_000, seed: 32);
        var reference = await Migrations.ReferenceAsync(entity, _temp);
        var seed = _temp.Combine("seed", "staging.db");
        Directory.CreateDirectory(_temp.Combine("seed"));
        PublishedState before;
        await using (var provider = new SqliteStagingProvider(SqliteStagingProvider.ConnectionStringFor(seed, _temp.Path)))
        {
            await Migrations.RunAsync(provider, entity, _temp, cancellationToken: ct);
            before = await PublishedState.ReadAsync(provider, entity);
        }

        // The disk holds the published run and half as much again: a second run of the same size fills it while loading.
        var size = new FileInfo(seed).Length * 3 / 2;
        var disk = _temp.Combine("disk");
        var copy = _temp.Combine("after");
        Directory.CreateDirectory(disk);
        Directory.CreateDirectory(copy);
        var file = Path.Combine(disk, "staging.db");
        // In the namespace: mount the small disk, put the published staging file on it, run migrate, and copy the file
        // (with its WAL) back out once the process has ended, since the disk vanishes with the namespace.
        const string script =
            "mount -t tmpfs -o size=\"$3\" tmpfs \"$0\" || exit 90; cp \"$1\" \"$0/staging.db\" || exit 91; shift 3; " +
            "\"$@\"; code=$?; cp \"$0\"/staging.db* \"$OUTSIDE\"/ 2>/dev/null; exit $code";
        string[] wrapper = ["env", "OUTSIDE=" + copy, "unshare", "--mount", "--propagation", "private", "sh", "-c",
            script, disk, seed, copy,
            size.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        int code;
        string text;
        using (var child = CliProcess.StartWrapped(
            _temp.Path,
            wrapper,
            ["migrate", "--export", entity.Folder, "--mapping", TestEntity
                .Mapping, "--provider", "sqlite", "--connection", file, "--out", _temp.Combine("report"), "--batch-size", "200"]))
        {
            code = await child.WaitForExitAsync(ct);
            text = child.Output;
        }

        if (code is 90 or 91)
        {
            Assert.Skip($"A tmpfs in a private mount namespace is not permitted here (exit {code}): {text.Trim()}");
        }

        Tally.FaultInjected();
        Assert.True(code == 1, $"exit code {code}, expected 1:\n{text}");
        Assert.Contains(file, text, StringComparison.Ordinal);
        // The console wraps long lines at word boundaries.
        Assert.Contains(
            "Writing batch",
            string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)),
            StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", text, StringComparison.OrdinalIgnoreCase);
        await using (var provider = new SqliteStagingProvider(
            SqliteStagingProvider.ConnectionStringFor(Path.Combine(copy, "staging.db"), _temp.Path)))
        {
            var after = await PublishedState.ReadAsync(provider, entity);
            Invariant.Unchanged(before, after);
            Tally.RunUnchanged();

            // Space freed (the file on a roomy disk again): the re-run publishes.
            var rerun = await Migrations.RunAsync(provider, entity, _temp, cancellationToken: ct);
            var final = await PublishedState.ReadAsync(provider, entity);
            Invariant.OneCompleteRun(final, reference);
            Assert.Equal(rerun.RunId.Value, final.RunId);
            Tally.RunRecovered();
        }

        output.WriteLine($"sqlite disk full mid-run (tmpfs of {size} bytes): migrate exited 1 with \"{text.Trim()}\"; published run "
            + $"{before.RunId} unchanged; re-run with room published");
    }

    public void Dispose() => _temp.Dispose();

    // As root: a private mount namespace with the folder bind-mounted read-only, then exec the CLI. Otherwise file modes suffice.
    private static async Task<(IReadOnlyList<string> Wrapper, string How)> ReadOnlyWrapperAsync(string folder, CancellationToken ct)
    {
        if (Environment.UserName != "root")
        {
            File.SetUnixFileMode(Path.Combine(folder, "staging.db"), UnixFileMode.UserRead);
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            return ([], "folder and file mode read-only");
        }

        const string script = "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" && exec \"$@\"";
        string[] wrapper = ["unshare", "--mount", "--propagation", "private", "sh", "-c", script, folder];
        // Probe: the same namespace and mount, then a write that must fail.
        var probe = new ProcessStartInfo { FileName = wrapper[0], RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in wrapper.Skip(1).Concat(["touch", Path.Combine(folder, "probe")]))
        {
            probe.ArgumentList.Add(a);
        }

        using var process = Process.Start(probe)!;
        var error = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (!error.Contains("Read-only file system", StringComparison.Ordinal))
        {
            Assert.Skip($"Running as root, and a read-only bind mount in a private mount namespace is not permitted here (unshare/mount "
                + $"said: {error.Trim()}); root ignores file modes, so there is no real read-only disk to test with.");
        }

        return (wrapper, "read-only bind mount in a private mount namespace, since root ignores file modes");
    }
}
