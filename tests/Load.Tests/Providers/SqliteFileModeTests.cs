using System.Runtime.Versioning;
using Bascule.Load.Providers;
using Bascule.Load.Providers.Sqlite;
using Bascule.TestSupport;
using Dapper;

namespace Bascule.Load.Tests.Providers;

/// <summary>
/// Anyone who can read the SQLite staging file reads every staged line: a file Bascule creates is <c>0600</c>, with its
/// <c>-wal</c> and <c>-shm</c> files, and the default folder <c>out/</c> it creates is <c>0700</c>. A folder or file that
/// exists keeps its mode. A folder the user named that does not exist is refused before anything is created.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class SqliteFileModeTests : IDisposable
{
    private const UnixFileMode File0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Folder0700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode Folder0755 = Folder0700 | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead
        | UnixFileMode.OtherExecute;

    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task A_new_staging_file_and_its_wal_and_shm_files_are_0600_and_an_existing_folder_keeps_its_mode()
    {
        var folder = _temp.Combine("staging");
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, Folder0755);
        var file = Path.Combine(folder, "staging.db");
        await using var provider = StagingProviders.Create("sqlite", file, _temp.Combine("out"));

        await provider.EnsureSchemaAsync(TestContext.Current.CancellationToken);
        // A write on a connection kept open: the -wal and -shm files exist until the last connection closes.
        await using var connection = await provider.OpenAsync(TestContext.Current.CancellationToken);
        await connection.ExecuteAsync("PRAGMA user_version = 1;");

        Assert.Equal(File0600, File.GetUnixFileMode(file));
        Assert.Equal(File0600, File.GetUnixFileMode(file + "-wal"));
        Assert.Equal(File0600, File.GetUnixFileMode(file + "-shm"));
        Assert.Equal(Folder0755, File.GetUnixFileMode(folder));
        Assert.False(Directory.Exists(_temp.Combine("out")), "a staging file given with its folder created the default folder too");
    }

    [Fact]
    public async Task A_new_staging_file_has_8_KB_pages_and_a_file_with_tables_keeps_its_own()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var provider = StagingProviders.Create("sqlite", _temp.Combine("new.db"), _temp.Path))
        {
            await provider.EnsureSchemaAsync(ct);
            await using var connection = await provider.OpenAsync(ct);
            Assert.Equal(SqliteSchemaLock.PageSize, await connection.ExecuteScalarAsync<long>("PRAGMA page_size"));
            Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        }

        // A file made before, with a table in it, is brought up to date with the pages it has.
        var old = _temp.Combine("old.db");
        await using (var created = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={old};Pooling=False"))
        {
            await created.OpenAsync(ct);
            await created.ExecuteAsync("PRAGMA page_size = 4096; CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('kept');");
        }

        await using (var provider = StagingProviders.Create("sqlite", old, _temp.Path))
        {
            await provider.EnsureSchemaAsync(ct);
            await using var connection = await provider.OpenAsync(ct);
            Assert.Equal(4096, await connection.ExecuteScalarAsync<long>("PRAGMA page_size"));
            Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
            Assert.Equal("kept", await connection.ExecuteScalarAsync<string>("SELECT text FROM notes"));
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM staged_lines"));
        }
    }

    [Fact]
    public async Task The_default_folder_is_created_0700_with_every_missing_folder_above_it_and_the_file_0600()
    {
        var outFolder = _temp.Combine("work", "out");
        await using var provider = StagingProviders.Create("sqlite", "", outFolder);

        Assert.Equal(Folder0700, File.GetUnixFileMode(outFolder));
        Assert.Equal(Folder0700, File.GetUnixFileMode(_temp.Combine("work")));
        // The file itself only once the database is first opened: a run refused before that leaves none behind.
        Assert.False(File.Exists(Path.Combine(outFolder, "staging.db")));
        await provider.EnsureSchemaAsync(TestContext.Current.CancellationToken);
        Assert.Equal(File0600, File.GetUnixFileMode(Path.Combine(outFolder, "staging.db")));
    }

    [Fact]
    public async Task An_existing_default_folder_and_staging_file_keep_their_modes()
    {
        var outFolder = _temp.Combine("out");
        Directory.CreateDirectory(outFolder);
        File.SetUnixFileMode(outFolder, Folder0755);
        await using (var first = StagingProviders.Create("sqlite", null, outFolder))
        {
            await first.EnsureSchemaAsync(TestContext.Current.CancellationToken);
        }

        var file = Path.Combine(outFolder, "staging.db");
        File.SetUnixFileMode(file, File0600 | UnixFileMode.GroupRead);
        await using var provider = StagingProviders.Create("sqlite", null, outFolder);
        await provider.EnsureSchemaAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Folder0755, File.GetUnixFileMode(outFolder));
        Assert.Equal(File0600 | UnixFileMode.GroupRead, File.GetUnixFileMode(file));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_connection_in_a_missing_folder_is_refused_naming_it_before_anything_is_created(bool asConnectionString)
    {
        var missing = _temp.Combine("no", "such", "dir");
        var file = Path.Combine(missing, "staging.db");
        var outFolder = _temp.Combine("out");

        var error = Assert.Throws<ArgumentException>(
            () => StagingProviders.Create("sqlite", asConnectionString ? $"Data Source={file};Cache=Shared" : file, outFolder));

        Assert.Equal(
            $"The folder {missing} of the SQLite staging file does not exist, and Bascule does not create a folder it was given: create "
                + $"it " +
                $"(mode 0700, for the account that runs Bascule), or omit --connection (and the setting Staging:Connection) to use "
                    + $"{Path.Combine(outFolder, "staging.db")}.",
            error.Message);
        Assert.False(Directory.Exists(_temp.Combine("no")));
        Assert.False(Directory.Exists(outFolder));
    }

    [Fact]
    public void A_provider_made_from_a_connection_string_alone_refuses_a_missing_folder_too()
    {
        var missing = _temp.Combine("missing");

        var error = Assert.Throws<ArgumentException>(() => new SqliteStagingProvider($"Data Source={Path.Combine(missing, "staging.db")}"));

        Assert.StartsWith($"The folder {missing} of the SQLite staging file does not exist", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("or give a staging file in an existing folder.", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missing));
    }

    public void Dispose() => _temp.Dispose();
}
