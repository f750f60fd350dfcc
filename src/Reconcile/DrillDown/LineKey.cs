using System.Globalization;

namespace Bascule.Reconcile.DrillDown;

/// <summary>
/// Where a line sits in its list, the key the next page starts after: its source file, record and part (a split's parts
/// share a record), and in a journal's list its document first. Written into a page's "next" link as
/// <c>record.part.file</c> (or <c>record.part.file/document</c>): numbers first, so a file name may hold any character.
/// </summary>
public readonly record struct LineKey(string? Document, string SourceFile, long Record, int Part)
{
    public string ToToken()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{Record}.{Part}.{Escape(SourceFile)}");
        return Document is null ? text : text + "/" + Escape(Document);
    }

    /// <summary>A key from a link; false for anything a page never wrote (a reader's typing), which then starts at the top.</summary>
    public static bool TryParse(string? token, bool byDocument, out LineKey key)
    {
        key = default;
        var parts = token?.Split('.', 3);
        if (parts is not { Length: 3 }
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var record)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var part))
        {
            return false;
        }

        var rest = parts[2].Split('/');
        if (rest.Length != (byDocument ? 2 : 1) || rest[0].Length == 0)
        {
            return false;
        }

        key = new LineKey(byDocument ? Unescape(rest[1]) : null, Unescape(rest[0]), record, part);
        return true;
    }

    // A '/' separates the document: percent-encoding keeps it out of the file name and the document.
    private static string Escape(string text) => Uri.EscapeDataString(text);

    private static string Unescape(string text) => Uri.UnescapeDataString(text);
}
