namespace Bascule.Load.Providers.Sqlite;

/// <summary>
/// The SQLite staging file holds every staged line, personal data included, so a file or folder Bascule creates for it
/// belongs to the account that runs Bascule alone: file <c>0600</c>, folder <c>0700</c>. A creation mode passes through
/// the umask, so the mode is set again explicitly once created. A folder or file that already exists keeps the mode its
/// owner gave it. Nothing to do on Windows, where a new file takes its folder's access list.
/// </summary>
internal static class OwnerOnly
{
    public const UnixFileMode FileBits = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode FolderBits = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates the folder and every missing folder above it, each <c>0700</c>; existing ones are left as they are.</summary>
    public static void CreateFolder(string folder)
    {
        folder = Path.GetFullPath(folder);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        var missing = new List<string>();
        for (var f = folder; f is not null && !Directory.Exists(f); f = Path.GetDirectoryName(f))
        {
            missing.Add(f);
        }

        Directory.CreateDirectory(folder, FolderBits);
        foreach (var created in missing)
        {
            File.SetUnixFileMode(created, FolderBits);
        }
    }

    /// <summary>
    /// Creates the file empty and <c>0600</c> unless it exists (SQLite takes an empty file for an empty database, and
    /// gives its <c>-wal</c> and <c>-shm</c> files the database file's mode). When the file cannot be created here
    /// (a read-only folder or disk), nothing happens: SQLite reports it, naming the file, when it opens it.
    /// </summary>
    public static void CreateFile(string file)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            using (new FileStream(
                file,
                new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileBits }))
            {
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }

        File.SetUnixFileMode(file, FileBits);
    }
}
