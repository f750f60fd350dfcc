using System.Collections.Concurrent;
using Bascule.Extract.Control;
using Bascule.Extract.Encodings;
using Bascule.Extract.Profiles;
using Bascule.Extract.Reading;
using Bascule.Extract.Records;

namespace Bascule.Extract;

/// <summary>
/// A legacy export folder, opened and checked: the control file is valid, every data file it needs exists and
/// has a known, strictly valid encoding. Its files are then read as streams of typed records, each with lineage,
/// or rejected with a reason. File-level faults throw <see cref="ExportFileException"/>.
/// </summary>
public sealed class LegacyExport
{
    private readonly Dictionary<ExportFile, DetectedEncoding> _encodings;
    // Files may be read concurrently (a loader reading the ledger while another task reads the balance).
    private readonly ConcurrentDictionary<ExportFile, FileSummary> _summaries = [];

    private LegacyExport(string folder, ExportProfile profile, ControlFile control, Dictionary<ExportFile, DetectedEncoding> encodings)
    {
        Folder = folder;
        Profile = profile;
        Control = control;
        _encodings = encodings;
    }

    public string Folder { get; }

    public ExportProfile Profile { get; }

    public ControlFile Control { get; }

    public IReadOnlyDictionary<ExportFile, DetectedEncoding> Encodings => _encodings;

    /// <summary>
    /// Opens an export folder. The folder is resolved to a full path (<c>..</c> segments and a symbolic link to the folder
    /// itself are fine: the user named it) and must be an existing directory. Every file the reader opens there
    /// (<c>EXPORT.txt</c> and the five data files, named by the profile) must be a plain file name, and a regular file of
    /// that folder: not a folder, and not a symbolic link that leads out of it.
    /// </summary>
    public static LegacyExport Open(string folder, ExportProfile? profile = null)
    {
        profile ??= ExportProfile.Default;
        folder = ResolveFolder(folder);
        foreach (var file in Enum.GetValues<ExportFile>())
        {
            CheckName(profile.Layout(file).FileName);
        }

        CheckFile(folder, ControlFile.FileName);
        var control = ControlFileReader.Read(Path.Combine(folder, ControlFile.FileName), profile.Amounts, profile.Encoding);
        var encodings = new Dictionary<ExportFile, DetectedEncoding>();
        foreach (var file in Enum.GetValues<ExportFile>())
        {
            var name = profile.Layout(file).FileName;
            if (control.Entry(name) is null)
            {
                throw new ExportFileException(ControlFile.FileName, null, null,
                    $"there is no FICHIER={name} line, so {name} cannot be checked. Export again, completely.");
            }

            var path = Path.Combine(folder, name);
            CheckFile(folder, name);
            if (!System.IO.File.Exists(path))
            {
                throw new ExportFileException(name, null, null,
                    $"the file is missing from {folder} although EXPORT.txt lists it. Copy the complete export folder again.");
            }

            encodings[file] = EncodingDetector.Detect(path, profile.Encoding);
        }

        return new LegacyExport(folder, profile, control, encodings);
    }

    private static string ResolveFolder(string folder)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            throw new ExportFileException(
                "(export)",
                null,
                null,
                "no export folder was given. Give the folder that holds EXPORT.txt and the CSV files.");
        }

        string full;
        try
        {
            full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ExportFileException(
                Path.GetFileName(folder),
                null,
                null,
                $"the export folder '{folder}' is not a valid path ({ex.Message}). Give the folder that holds EXPORT.txt and the CSV "
                    + $"files.");
        }

        if (System.IO.File.Exists(full))
        {
            throw new ExportFileException(Path.GetFileName(full), null, null,
                $"the export path {full} is a file, not a folder. Give the folder that holds EXPORT.txt and the CSV files.");
        }

        if (!Directory.Exists(full))
        {
            throw new ExportFileException(
                Path.GetFileName(full),
                null,
                null,
                $"the export folder {full} does not exist. Give the folder that holds EXPORT.txt and the CSV files.");
        }

        return full;
    }

    private static void CheckName(string name)
    {
        if (name.Length == 0 || name is "." or ".." || name.Contains('/', StringComparison.Ordinal)
            || name.Contains('\\', StringComparison.Ordinal)
            || Path.IsPathRooted(name)
            || Path.GetFileName(name) != name)
        {
            throw new ExportFileException(name, null, null,
                $"'{name}' is not a plain file name: the files of an export are read from its folder only. Fix the file name in the "
                    + $"export profile.");
        }
    }

    // A file of the export: a regular file of the folder, or a symbolic link to a file of the same folder.
    private static void CheckFile(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        if (Directory.Exists(path))
        {
            throw new ExportFileException(name, null, null, $"{path} is a folder, not a file. Copy the complete export folder again.");
        }

        var info = new FileInfo(path);
        // Refused before anything opens it: a named pipe (or a device) also reports no bytes, and opening it to read
        // would wait for a writer that never comes (.NET gives no portable way to tell it from a regular file).
        if (info.Exists && info.Length == 0)
        {
            throw new ExportFileException(
                name,
                1,
                null,
                "the file is empty (0 bytes, or not a regular file): it has no header line. Export the file again.");
        }

        if (info.LinkTarget is null)
        {
            return;
        }

        var target = info.ResolveLinkTarget(returnFinalTarget: true);
        if (target is null || !target.Exists)
        {
            throw new ExportFileException(name, null, null,
                $"{path} is a symbolic link to {target?.FullName ?? info.LinkTarget}, which does not exist. Copy the file itself into the "
                    + $"export folder.");
        }

        if (target is DirectoryInfo || !IsInside(target.FullName, folder))
        {
            throw new ExportFileException(name, null, null,
                $"{path} is a symbolic link to {target.FullName}, outside the export folder. Copy the file itself into the export folder.");
        }
    }

    // The folder as given, and as its own symbolic link resolves, both count as inside.
    private static bool IsInside(string path, string folder)
    {
        var full = Path.GetFullPath(path);
        var resolvedFolder = new DirectoryInfo(folder).ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        return Path.GetDirectoryName(full) is { } parent
            && (string.Equals(Path.TrimEndingDirectorySeparator(parent), folder, StringComparison.Ordinal)
                || (resolvedFolder is not null && string.Equals(
                    Path.TrimEndingDirectorySeparator(parent),
                    Path.TrimEndingDirectorySeparator(resolvedFolder),
                    StringComparison.Ordinal)));
    }

    /// <summary>The summary of the latest read of a file (complete once that read reached its end); null if never read.</summary>
    public FileSummary? Summary(ExportFile file) => _summaries.GetValueOrDefault(file);

    public string PathOf(ExportFile file) => Path.Combine(Folder, Profile.Layout(file).FileName);

    /// <summary>
    /// Counts the records of every data file against <c>EXPORT.txt</c> without parsing their values (a fraction of
    /// a full read), so that a run can refuse an incomplete export before it loads anything. The same pass reads the
    /// ledger's EXERCICE and refuses a ledger of which more than half the records carry another fiscal year, and hashes
    /// each file's bytes as they are counted. Throws <see cref="ExportFileException"/> for the first file at fault.
    /// </summary>
    public IReadOnlyDictionary<ExportFile, CountedFile> VerifyRecordCounts(CancellationToken ct = default)
    {
        var counted = new Dictionary<ExportFile, CountedFile>();
        foreach (var file in Enum.GetValues<ExportFile>())
        {
            var layout = Profile.Layout(file);
            var years = YearsOf(file);
            using var reader = CsvRecordReader.Open(
                PathOf(file),
                layout,
                Profile,
                _encodings[file],
                FileSchema.Fields(file, layout.DebitCredit));
            while (reader.MoveNext())
            {
                years?.Add(reader);
                if ((reader.Record & 0xFFFF) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }
            }

            years?.ThrowIfAnotherYear(layout.FileName, reader.Record);
            RecordStream.ThrowIfCountDisagrees(layout.FileName, reader.Record, EntryOf(file).Lines);
            counted[file] = new CountedFile(file, layout.FileName, reader.Record, reader.Sha256());
        }

        return counted;
    }

    public IAsyncEnumerable<Parsed<LedgerLine>> ReadLedgerAsync(CancellationToken ct = default) =>
        Read(ExportFile.Ledger, () => new LedgerLineParser(
            Profile.Layout(ExportFile.Ledger).DebitCredit,
            new DuplicateDetector(EntryOf(ExportFile.Ledger).Lines)), ct);

    public IAsyncEnumerable<Parsed<BalanceLine>> ReadBalanceAsync(CancellationToken ct = default) =>
        Read(ExportFile.Balance, () => new BalanceLineParser(), ct);

    public IAsyncEnumerable<Parsed<ArticleLine>> ReadArticlesAsync(CancellationToken ct = default) =>
        Read(ExportFile.Articles, () => new ArticleLineParser(), ct);

    public IAsyncEnumerable<Parsed<ThirdParty>> ReadThirdPartiesAsync(CancellationToken ct = default) =>
        Read(ExportFile.ThirdParties, () => new ThirdPartyParser(), ct);

    public IAsyncEnumerable<Parsed<CommitmentLine>> ReadCommitmentsAsync(CancellationToken ct = default) =>
        Read(ExportFile.Commitments, () => new CommitmentLineParser(), ct);

    private ControlFileEntry EntryOf(ExportFile file) => Control.Entry(Profile.Layout(file).FileName)!;

    // Only the ledger is refused for its years: the side files' lines of another year stay individual rejects.
    private LedgerYears? YearsOf(ExportFile file)
        => file == ExportFile.Ledger ? new LedgerYears(LedgerLineParser.YearField, Control.FiscalYear) : null;

    private SyncAsyncEnumerable<Parsed<T>> Read<T>(ExportFile file, Func<IRecordParser<T>> parser, CancellationToken ct)
        where T : class =>
        new(() =>
        {
            var summary = new FileSummary(file, Profile.Layout(file).FileName, _encodings[file].Name, EntryOf(file));
            _summaries[file] = summary;
            return RecordStream.Read(PathOf(file), file, Profile, _encodings[file], Control.FiscalYear, parser(), summary, YearsOf(file));
        }, ct);
}
