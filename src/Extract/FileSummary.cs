using Bascule.Extract.Control;
using Bascule.Extract.Profiles;
using Bascule.Extract.Records;
using Bascule.Extract.Values;

namespace Bascule.Extract;

/// <summary>
/// What reading one data file found, against what <c>EXPORT.txt</c> announced. Totals are those of the accepted
/// records: rejected lines are listed apart and may explain a difference. Filled while the file streams;
/// <see cref="Completed"/> once its last record is read.
/// </summary>
public sealed class FileSummary(ExportFile file, string name, string encoding, ControlFileEntry control)
{
    private readonly Dictionary<RejectReason, long> _rejected = [];

    public ExportFile File { get; } = file;

    public string Name { get; } = name;

    public string Encoding { get; } = encoding;

    public ControlFileEntry Control { get; } = control;

    public long Records { get; private set; }

    public long Accepted { get; private set; }

    public long Rejected => Records - Accepted;

    public IReadOnlyDictionary<RejectReason, long> RejectedByReason => _rejected;

    public Amount Debit { get; private set; }

    public Amount Credit { get; private set; }

    public bool Completed { get; private set; }

    /// <summary>The SHA-256 of the bytes this read parsed, once <see cref="Completed"/>; null before.</summary>
    public string? Sha256 { get; private set; }

    public bool CountAgrees => Records == Control.Lines;

    /// <summary>Read minus announced; null when the control file gives no total for this file.</summary>
    public Amount? DebitDifference => Control.TotalDebit is { } total ? Debit - total : null;

    public Amount? CreditDifference => Control.TotalCredit is { } total ? Credit - total : null;

    public bool TotalsAgree => DebitDifference is null or { Value: 0m } && CreditDifference is null or { Value: 0m };

    internal void Add(Rejected rejected)
    {
        Records++;
        _rejected[rejected.Reason] = _rejected.GetValueOrDefault(rejected.Reason) + 1;
    }

    internal void Add(Amount debit, Amount credit)
    {
        Records++;
        Accepted++;
        Debit += debit;
        Credit += credit;
    }

    internal void Complete(string sha256)
    {
        Sha256 = sha256;
        Completed = true;
    }
}
