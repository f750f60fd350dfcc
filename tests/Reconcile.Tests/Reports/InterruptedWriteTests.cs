using System.Security.Cryptography;
using Bascule.Reconcile.Cutover;
using Bascule.Reconcile.Cutover.Package;
using Bascule.Reconcile.Reports;
using Bascule.Reconcile.Tests.Support;
using Bascule.TestSupport;
using Bascule.TestSupport.Staging;

namespace Bascule.Reconcile.Tests.Reports;

/// <summary>
/// Reports and cut-over packages are written all or none: a write that is cancelled (Ctrl-C) leaves the folder exactly
/// as it was, with no half-written file beside or in place of the complete ones, and nothing of its own.
/// </summary>
public sealed class InterruptedWriteTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_cancelled_report_write_leaves_the_previous_reports_whole_and_adds_nothing()
    {
        var result = await Reconciled.CommuneAsync(_temp);
        var outDir = _temp.Combine("reports");
        await ReportWriter.WriteAllAsync(result, outDir, cancellationToken: Ct);
        var before = Snapshot(outDir);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ReportWriter.WriteAllAsync(result, outDir, cancellationToken: Cancelled()));

        Assert.Equal(before, Snapshot(outDir));
        Assert.Contains(ReportWriter.JsonFile, before.Keys);
    }

    [Fact]
    public async Task A_cancelled_first_report_write_leaves_no_file()
    {
        var result = await Reconciled.CommuneAsync(_temp);
        var outDir = _temp.Combine("first");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ReportWriter.WriteAllAsync(result, outDir, cancellationToken: Cancelled()));

        Assert.Empty(Snapshot(outDir));
    }

    [Fact]
    public async Task A_cancelled_cutover_package_write_leaves_the_previous_package_whole_and_adds_nothing()
    {
        await using var provider = StagingDatabase.Sqlite(_temp);
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        var result = await CutoverCalculator.ComputeAsync(provider, run, new CutoverOptions(), false, Ct);
        var outDir = _temp.Combine("package");
        await CutoverPackage.WriteAsync(result, outDir, new ReportOptions(), Ct);
        var before = Snapshot(outDir);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => CutoverPackage.WriteAsync(result, outDir, new ReportOptions(), Cancelled()));

        Assert.Equal(before, Snapshot(outDir));
        Assert.Contains(CutoverPackage.ManifestFile, before.Keys);
    }

    public void Dispose() => _temp.Dispose();

    private static CancellationToken Cancelled() => new(canceled: true);

    // Every entry of the folder, files and folders at any depth, with the SHA-256 of each file.
    private static Dictionary<string, string> Snapshot(string folder) =>
        !Directory.Exists(folder)
            ? []
            : Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).ToDictionary(
                path => Path.GetRelativePath(folder, path),
                path => File.Exists(path) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))) : "folder",
                StringComparer.Ordinal);
}
