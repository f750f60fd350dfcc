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

    public static LegacyExport Open(string folder, ExportProfile? profile = null)
    {
        profile ??= ExportProfile.Default;
        if (!Directory.Exists(folder))
        {
            throw new ExportFileException(Path.GetFileName(folder), null, null, $"the export folder {folder} does not exist. Give the folder that holds EXPORT.txt and the CSV files.");
        }

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
            if (!System.IO.File.Exists(path))
            {
                throw new ExportFileException(name, null, null,
                    $"the file is missing from {folder} although EXPORT.txt lists it. Copy the complete export folder again.");
            }

            encodings[file] = EncodingDetector.Detect(path, profile.Encoding);
        }

        return new LegacyExport(folder, profile, control, encodings);
    }

    /// <summary>The summary of the latest read of a file (complete once that read reached its end); null if never read.</summary>
    public FileSummary? Summary(ExportFile file) => _summaries.GetValueOrDefault(file);

    public string PathOf(ExportFile file) => Path.Combine(Folder, Profile.Layout(file).FileName);

    /// <summary>
    /// Counts the records of every data file against <c>EXPORT.txt</c> without parsing their values (a fraction of
    /// a full read), so that a run can refuse an incomplete export before it loads anything.
    /// Throws <see cref="ExportFileException"/> for the first file that disagrees.
    /// </summary>
    public void VerifyRecordCounts(CancellationToken ct = default)
    {
        foreach (var file in Enum.GetValues<ExportFile>())
        {
            var layout = Profile.Layout(file);
            using var reader = CsvRecordReader.Open(PathOf(file), layout, Profile, _encodings[file], FileSchema.Fields(file, layout.DebitCredit));
            while (reader.MoveNext())
            {
                if ((reader.Record & 0xFFFF) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }
            }

            RecordStream.ThrowIfCountDisagrees(layout.FileName, reader.Record, EntryOf(file).Lines);
        }
    }

    public IAsyncEnumerable<Parsed<LedgerLine>> ReadLedgerAsync(CancellationToken ct = default) =>
        Read(ExportFile.Ledger, () => new LedgerLineParser(Profile.Layout(ExportFile.Ledger).DebitCredit, new DuplicateDetector(EntryOf(ExportFile.Ledger).Lines)), ct);

    public IAsyncEnumerable<Parsed<BalanceLine>> ReadBalanceAsync(CancellationToken ct = default) =>
        Read(ExportFile.Balance, () => new BalanceLineParser(), ct);

    public IAsyncEnumerable<Parsed<ArticleLine>> ReadArticlesAsync(CancellationToken ct = default) =>
        Read(ExportFile.Articles, () => new ArticleLineParser(), ct);

    public IAsyncEnumerable<Parsed<ThirdParty>> ReadThirdPartiesAsync(CancellationToken ct = default) =>
        Read(ExportFile.ThirdParties, () => new ThirdPartyParser(), ct);

    public IAsyncEnumerable<Parsed<CommitmentLine>> ReadCommitmentsAsync(CancellationToken ct = default) =>
        Read(ExportFile.Commitments, () => new CommitmentLineParser(), ct);

    private ControlFileEntry EntryOf(ExportFile file) => Control.Entry(Profile.Layout(file).FileName)!;

    private SyncAsyncEnumerable<Parsed<T>> Read<T>(ExportFile file, Func<IRecordParser<T>> parser, CancellationToken ct)
        where T : class =>
        new(() =>
        {
            var summary = new FileSummary(file, Profile.Layout(file).FileName, _encodings[file].Name, EntryOf(file));
            _summaries[file] = summary;
            return RecordStream.Read(PathOf(file), file, Profile, _encodings[file], Control.FiscalYear, parser(), summary);
        }, ct);
}
