using Bascule.Extract.Profiles;
using Bascule.Extract.Records;
using Bascule.Extract.Values;

namespace Bascule.Extract.Reading;

/// <summary>
/// Typed access to the fields of the current record. Each <c>Try…</c> method parses one canonical field; on a
/// failure it records the rejection (field, stable reason, message with the offending value) and returns false,
/// so a record parser stops at the first fault and returns <see cref="Rejection{T}"/>.
/// </summary>
internal sealed class RowParser(CsvRecordReader reader, IReadOnlyList<string> fields, ExportProfile profile, FiscalYear controlYear)
{
    private const char NulShown = '\u2400';

    private readonly ValueCache<AccountCode> _accounts = new();
    private readonly ValueCache<BudgetArticle> _articles = new();
    private readonly ValueCache<string> _texts = new();
    private Rejected? _fault;

    public CsvRecordReader Reader => reader;

    public ReadOnlySpan<char> this[int field] => reader[field];

    public Parsed<T> Rejection<T>()
        where T : class => Parsed<T>.Reject(_fault ?? throw new InvalidOperationException("No field was rejected."));

    public Parsed<T> WrongColumnCount<T>()
        where T : class
    {
        Fail(
            null,
            RejectReason.WrongColumnCount,
            $"{reader.ColumnCount} columns where every record of this file has {reader.ExpectedColumns}.");
        return Rejection<T>();
    }

    /// <summary>
    /// A NUL character is valid Windows-1252 and UTF-8, but PostgreSQL cannot store it in text and no legacy export
    /// writes one on purpose: the line is damaged. Rejected on every provider alike, rather than failing one load.
    /// </summary>
    public Parsed<T> NulCharacter<T>()
        where T : class
    {
        Fail(null, RejectReason.BadValue, $"the line holds a NUL character (byte 0x00, kept as {NulShown} in the raw text), which no text "
            + $"column can store: the line is damaged.");
        return Rejection<T>();
    }

    /// <summary>A text field: quoted, exactly as it stands between the quotes; unquoted, without the spaces around it.</summary>
    public string Text(int field) => reader.Text(field).ToString();

    /// <summary>A text from a small set that repeats on every line (a journal code): one string per value.</summary>
    public string CachedText(int field)
    {
        var text = reader.Text(field);
        if (_texts.TryGet(text, out var cached))
        {
            return cached!;
        }

        var value = text.ToString();
        _texts.Add(text, value);
        return value;
    }

    public bool TryYear(int field, out FiscalYear year)
    {
        if (!FiscalYear.TryParse(reader[field], out year))
        {
            return Fail(field, RejectReason.BadFiscalYear, $"\"{Shown(field)}\" is not a fiscal year yyyy.");
        }

        return year == controlYear
            || Fail(
                field,
                RejectReason.OtherFiscalYear,
                $"the line belongs to {year}, but EXPORT.txt says the export is for {controlYear}.");
    }

    public bool TryAmount(int field, out Amount amount) =>
        Amount.TryParse(reader[field], profile.Amounts, out amount)
        || Fail(field, RejectReason.BadAmount, $"\"{Shown(field)}\" is not an amount ({profile.Amounts}).");

    public bool TryDate(int field, out DateOnly date) =>
        LegacyDate.TryParse(reader[field], profile.DateFormat, out date)
        || Fail(field, RejectReason.BadDate, $"\"{Shown(field)}\" is not a date {profile.DateFormat}, or no such day exists.");

    public bool TryAccount(int field, out AccountCode account)
    {
        var text = reader[field].Trim();
        if (_accounts.TryGet(text, out var cached) || (AccountCode.TryParse(text, out cached) && Cache(_accounts, text, cached!)))
        {
            account = cached!;
            return true;
        }

        account = null!;
        return Fail(field, RejectReason.BadAccount, $"\"{Shown(field)}\" is not a general account (6 or 7 digits).");
    }

    public bool TryArticle(int field, bool optional, out BudgetArticle? article)
    {
        var text = reader[field].Trim();
        article = null;
        if (text.IsEmpty && optional)
        {
            return true;
        }

        if (_articles.TryGet(text, out article) || (BudgetArticle.TryParse(text, out article) && Cache(_articles, text, article!)))
        {
            return true;
        }

        return Fail(field, RejectReason.BadArticle, $"\"{Shown(field)}\" is not a budget article FUNCTION/ECONOMIC-SUB (e.g. 104/111-01).");
    }

    public bool TryService(int field, out Service service) =>
        Services.TryParse(reader[field], out service)
        || Fail(field, RejectReason.BadService, $"\"{Shown(field)}\" is not a service: O (ordinary), E (extraordinary) or empty.");

    public bool TryThirdParty(int field, out string? code)
    {
        code = null;
        var text = reader[field].Trim();
        if (text.IsEmpty)
        {
            return true;
        }

        if (!ThirdPartyCode.IsWellFormed(text))
        {
            return Fail(field, RejectReason.BadValue, $"\"{Shown(field)}\" is not a third-party code.");
        }

        code = text.ToString();
        return true;
    }

    public bool Fail(int? field, RejectReason reason, string message)
    {
        var column = field is { } f ? fields[f] : null;
        // The raw text is kept for review in the staging database: a NUL character is shown as the symbol for NUL.
        _fault = new Rejected(
            reader.Lineage,
            column,
            reason,
            column is null ? message : $"{column}: {message}",
            reader.RawText.Replace('\0', NulShown));
        return false;
    }

    private string Shown(int field) => reader[field].Trim().ToString();

    private static bool Cache<T>(ValueCache<T> cache, ReadOnlySpan<char> text, T value)
        where T : class
    {
        cache.Add(text, value);
        return true;
    }
}
