using Bascule.Extract.Values;

namespace Bascule.Load.Rows;

/// <summary>
/// Receives one row's values in column order; each provider turns them into its bulk path
/// (prepared parameters, binary COPY fields, bulk-copy row values).
/// </summary>
public interface IRowSink
{
    void BeginRow();

    void Text(string? value);

    /// <summary>
    /// A text value already encoded as UTF-8 (never NULL), with its length in UTF-16 code units. The bytes stay where they
    /// are, unchanged, until the copy that gives them ends (<see cref="RowBuffer.CopyTo"/>: pinned memory, kept for the
    /// whole copy), and no longer: a sink may read them in place until then, several rows later as well, and copies them
    /// to keep them.
    /// </summary>
    void Utf8(ReadOnlySpan<byte> utf8, int utf16Length);

    void Number(int value);

    void BigNumber(long value);

    void Amount(Amount value);

    void Day(DateOnly? value);

    void EndRow();
}
