using System.Text;
using Bascule.Extract.Encodings;

namespace Bascule.Reliability.Tests.Inputs;

/// <summary>
/// An independent count of a data file's records, written from the format's rules rather than from Bascule's reader:
/// CRLF, LF or CR end a record unless inside double quotes (every quote toggles, so <c>""</c> inside quotes is
/// content), records of only white space are not records, and the first record is the header.
/// </summary>
internal static class RecordCounter
{
    public static long DataRecords(byte[] bytes)
    {
        var text = Decode(bytes);
        long records = 0;
        var quoted = false;
        var blank = true;
        for (var at = 0; at < text.Length; at++)
        {
            var c = text[at];
            if (c == '"')
            {
                quoted = !quoted;
            }

            if (!quoted && c is '\r' or '\n')
            {
                if (c == '\r' && at + 1 < text.Length && text[at + 1] == '\n')
                {
                    at++;
                }

                records += blank ? 0 : 1;
                blank = true;
                continue;
            }

            blank &= char.IsWhiteSpace(c);
        }

        records += blank ? 0 : 1;
        return Math.Max(0, records - 1);
    }

    // The characters that matter here are ASCII in every encoding an export may use; the rest only decides "blank".
    private static string Decode(byte[] bytes)
    {
        var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var body = bytes.AsSpan(start);
        return System.Text.Unicode.Utf8.IsValid(body) ? Encoding.UTF8.GetString(body) : Latin1OrWindows1252(body);
    }

    private static string Latin1OrWindows1252(ReadOnlySpan<byte> body)
    {
        try
        {
            return ExportEncoding.Windows1252.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(body);
        }
    }
}
