using System.Text;

namespace Bascule.Extract.Encodings;

/// <summary>The encodings an export may use, all strict: a byte they cannot decode throws instead of becoming '?' or U+FFFD.</summary>
public static class ExportEncoding
{
    public static Encoding Windows1252 { get; } = CreateWindows1252();

    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The profile's name for an encoding (<c>windows-1252</c>, <c>utf-8</c>), or null when unknown.</summary>
    public static Encoding? FromName(string name) => name.Trim().ToUpperInvariant() switch
    {
        "WINDOWS-1252" or "CP1252" or "1252" => Windows1252,
        "UTF-8" or "UTF8" => Utf8,
        _ => null,
    };

    // .NET ships code pages only through this provider; registering it again is harmless.
    private static Encoding CreateWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    public static string NameOf(Encoding encoding) => encoding.CodePage == 1252 ? "windows-1252" : "utf-8";
}
