using System.Text;

namespace Bascule.Extract.Encodings;

/// <summary>What the detector decided for one file, and why (shown by <c>bascule extract</c>).</summary>
public sealed record DetectedEncoding(Encoding Encoding, bool HasByteOrderMark, string Reason)
{
    public string Name => ExportEncoding.NameOf(Encoding) + (HasByteOrderMark ? " (BOM)" : "");
}
