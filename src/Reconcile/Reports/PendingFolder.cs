namespace Bascule.Reconcile.Reports;

/// <summary>
/// A set of files written into a hidden folder inside their destination (<c>.writing-…</c>) and moved into place only
/// once every one is written, in the order given (a manifest last): a write that fails or is cancelled half-way leaves
/// the destination as it was, never a half-written file that looks complete, and the hidden folder is removed. Only a
/// process killed outright can leave that folder behind; its name says what it is, and the next write ignores it.
/// </summary>
internal sealed class PendingFolder : IDisposable
{
    private readonly string _destination;
    private bool _committed;

    private PendingFolder(string destination)
    {
        _destination = destination;
        Path = System.IO.Path.Combine(destination, $".writing-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    /// <summary>The hidden folder the files are written into.</summary>
    public string Path { get; }

    public static PendingFolder Create(string destination) => new(destination);

    /// <summary>Where a file is written now.</summary>
    public string Pending(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Where a file will be once committed.</summary>
    public string Final(string name) => System.IO.Path.Combine(_destination, name);

    /// <summary>
    /// Moves the files into the destination in this order, replacing files of the same name (a rename each, within one
    /// file system); not cancellable, so that a cancellation never stops it between two files.
    /// </summary>
    public void Commit(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names)
        {
            File.Move(Pending(name), Final(name), overwrite: true);
        }

        _committed = true;
        Directory.Delete(Path, recursive: true);
    }

    public void Dispose()
    {
        if (_committed)
        {
            return;
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Already failing or cancelled: the hidden folder is left, named for what it is; the original fault matters more.
        }
    }
}
