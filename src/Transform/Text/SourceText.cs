using System.Text;

namespace Bascule.Transform.Text;

/// <summary>Reads a mapping file as strict UTF-8: a byte that is not UTF-8 is an error naming its line.</summary>
internal static class SourceText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Read(string path, string displayName)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MappingLoadException(
                displayName,
                0,
                0,
                $"cannot read the file ({ex.Message}); check that it exists and is readable.");
        }

        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
        try
        {
            return Strict.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException ex)
        {
            var at = Math.Clamp(start + Math.Max(ex.Index, 0), 0, bytes.Length);
            var line = 1 + bytes.AsSpan(0, at).Count((byte)'\n');
            var column = at - (bytes.AsSpan(0, at).LastIndexOf((byte)'\n') + 1) + 1;
            throw new MappingLoadException(displayName, line, column, "this byte is not UTF-8; save the file as UTF-8.");
        }
    }

    /// <summary>Splits into physical lines (LF, CRLF or CR), 1-based numbering is the index + 1.</summary>
    public static string[] Lines(string text) => text.ReplaceLineEndings("\n").Split('\n');
}
