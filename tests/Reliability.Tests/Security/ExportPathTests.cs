using Bascule.Extract;
using Bascule.Extract.Profiles;
using Bascule.Pipeline;
using Bascule.Load;
using Bascule.Load.Providers.Sqlite;
using Bascule.Load.Runs;
using Bascule.TestSupport;

namespace Bascule.Reliability.Tests.Security;

/// <summary>
/// The export folder is resolved and checked before anything is read: <c>--export</c> becomes a full path and must be an
/// existing folder; every file read there is a plain name from the profile and a regular file of that folder, never a
/// folder, nor a symbolic link out of it. (Mapping paths are confined to <c>mappings/</c> by MappingsRoot, tested in
/// tests/Transform.Tests/Manifests/MappingVersionLoadTests.cs.)
/// </summary>
public sealed class ExportPathTests : IDisposable
{
    private static readonly string Sample = RepositoryRoot.Combine("samples", "commune-etterbeek-2023");

    private readonly TempDirectory _temp = new();

    [Fact]
    public void A_path_with_dot_dot_segments_is_resolved_to_the_full_folder()
    {
        var export = CopySample("export");
        var winding = Path.Combine(_temp.Path, "elsewhere", "..", "export", ".", "");
        Directory.CreateDirectory(_temp.Combine("elsewhere"));

        var opened = LegacyExport.Open(winding);
        opened.VerifyRecordCounts(TestContext.Current.CancellationToken);

        Assert.Equal(export, opened.Folder);
        Assert.Equal(Path.Combine(export, "ECRITURES.csv"), opened.PathOf(ExportFile.Ledger));
    }

    [Fact]
    public void A_file_given_as_the_export_folder_is_refused()
    {
        var export = CopySample("export");

        var error = Assert.Throws<ExportFileException>(() => LegacyExport.Open(Path.Combine(export, "EXPORT.txt")));

        Assert.Contains($"{Path.Combine(export, "EXPORT.txt")} is a file, not a folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_that_does_not_exist_is_named_by_its_full_path()
    {
        var error = Assert.Throws<ExportFileException>(() => LegacyExport.Open(Path.Combine(_temp.Path, "a", "..", "missing")));

        Assert.Contains($"the export folder {_temp.Combine("missing")} does not exist", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ECRITURES.csv")]
    [InlineData("EXPORT.txt")]
    public void A_symbolic_link_to_a_file_outside_the_folder_is_refused(string name)
    {
        var export = CopySample("export");
        var outside = Directory.CreateDirectory(_temp.Combine("outside")).FullName;
        File.Move(Path.Combine(export, name), Path.Combine(outside, name));
        File.CreateSymbolicLink(Path.Combine(export, name), Path.Combine(outside, name));

        var error = Assert.Throws<ExportFileException>(() => LegacyExport.Open(export));

        Assert.StartsWith(name + ":", error.Message, StringComparison.Ordinal);
        Assert.Contains("outside the export folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_symbolic_link_that_climbs_out_of_the_folder_is_refused()
    {
        var export = CopySample("export");
        var outside = Directory.CreateDirectory(_temp.Combine("outside")).FullName;
        File.Move(Path.Combine(export, "TIERS.csv"), Path.Combine(outside, "TIERS.csv"));
        File.CreateSymbolicLink(Path.Combine(export, "TIERS.csv"), Path.Combine("..", "outside", "TIERS.csv"));

        var error = Assert.Throws<ExportFileException>(() => LegacyExport.Open(export));

        Assert.Contains("outside the export folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symbolic_link_to_another_file_of_the_same_folder_is_read()
    {
        var export = CopySample("export");
        File.Move(Path.Combine(export, "BALANCE.csv"), Path.Combine(export, "balance-2023.csv"));
        File.CreateSymbolicLink(Path.Combine(export, "BALANCE.csv"), "balance-2023.csv");

        var opened = LegacyExport.Open(export);
        opened.VerifyRecordCounts(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void A_dangling_symbolic_link_is_refused_as_such()
    {
        var export = CopySample("export");
        File.Delete(Path.Combine(export, "ARTICLES.csv"));
        File.CreateSymbolicLink(Path.Combine(export, "ARTICLES.csv"), _temp.Combine("gone.csv"));

        var error = Assert.Throws<ExportFileException>(() => LegacyExport.Open(export));

        Assert.Contains("which does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_in_place_of_a_data_file_is_refused()
    {
        var export = CopySample("export");
        File.Delete(Path.Combine(export, "ENGAGEMENTS.csv"));
        Directory.CreateDirectory(Path.Combine(export, "ENGAGEMENTS.csv"));

        var error = Assert.Throws<ExportFileException>(() => LegacyExport.Open(export));

        Assert.Contains("is a folder, not a file", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../outside/ECRITURES.csv")]
    [InlineData("/etc/passwd")]
    [InlineData("sub/ECRITURES.csv")]
    [InlineData("..")]
    public void A_profile_cannot_name_a_file_outside_the_folder(string fileName)
    {
        var export = CopySample("export");
        var profile = ExportProfile.Default with
        {
            Files = new Dictionary<ExportFile, FileLayout> {
                [ExportFile.Ledger] = FileLayout.Default(ExportFile.Ledger) with { FileName = fileName } },
        };

        var error = Assert.Throws<ExportFileException>(() => LegacyExport.Open(export, profile));

        Assert.Contains("is not a plain file name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_refuses_a_linked_file_before_writing_anything()
    {
        var export = CopySample("export");
        var outside = Directory.CreateDirectory(_temp.Combine("outside")).FullName;
        File.Move(Path.Combine(export, "ECRITURES.csv"), Path.Combine(outside, "ECRITURES.csv"));
        File.CreateSymbolicLink(Path.Combine(export, "ECRITURES.csv"), Path.Combine(outside, "ECRITURES.csv"));
        await using var provider = new SqliteStagingProvider(
            SqliteStagingProvider.ConnectionStringFor(_temp.Combine("staging.db"), _temp.Path));
        var request = new MigrationRequest(
            export,
            RepositoryRoot.Combine("mappings", "bxl-2024", "1.0.0"),
            _temp.Combine("reports"),
            _temp.Path,
            new StagingOptions());

        var error = await Assert.ThrowsAsync<MigrationFailedException>(
            () => new MigrationPipeline(provider).RunAsync(request, TestContext.Current.CancellationToken));
        Tally.FaultInjected();

        Assert.Contains("outside the export folder", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was written to the staging database", error.Message, StringComparison.Ordinal);
        await provider.EnsureSchemaAsync(TestContext.Current.CancellationToken);
        Assert.Empty(await RunList.ReadAsync(provider, TestContext.Current.CancellationToken));
        Assert.False(Directory.Exists(_temp.Combine("reports")));
        Tally.RunUnchanged();
    }

    public void Dispose() => _temp.Dispose();

    private string CopySample(string name)
    {
        var folder = Directory.CreateDirectory(_temp.Combine(name)).FullName;
        foreach (var file in Directory.EnumerateFiles(Sample))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }
}
