using System.Buffers;
using System.Text;

namespace Bascule.Extract.Encodings;

/// <summary>
/// Decides a file's encoding from all of its bytes, never by guessing: a UTF-8 byte order mark means strict UTF-8;
/// else a pinned encoding (from the profile) is checked strictly; else valid UTF-8 with non-ASCII bytes is UTF-8;
/// else Windows-1252, whose five undefined bytes are errors. A file that is not valid UTF-8 but holds UTF-8 sequences
/// of accented letters or typographic signs mixes both encodings: read either way, some of its text would be silently
/// wrong, so it is refused too. An invalid byte is an <see cref="ExportFileException"/> naming the file and the line.
/// One sequential pass over the file: vectorised, far cheaper than parsing it.
/// </summary>
public static class EncodingDetector
{
    private const int ChunkSize = 1 << 20;

    // Windows-1252 leaves these five bytes undefined; a decoder would turn them into control characters silently.
    private static readonly SearchValues<byte> Undefined1252 = SearchValues.Create([0x81, 0x8D, 0x8F, 0x90, 0x9D]);

    // Lead bytes of the UTF-8 sequences that French and Dutch text uses (U+00A0-U+00FF, U+2000-U+20FF): as
    // Windows-1252 they read "Â", "Ã" and "â" followed by a sign, which real ledgers do not write.
    private static readonly SearchValues<byte> Utf8Leads = SearchValues.Create([0xC2, 0xC3, 0xE2]);

    public static DetectedEncoding Detect(string path, Encoding? pinned = null)
    {
        var scan = Scan(path);
        var name = Path.GetFileName(path);
        if (scan.Utf16Bom)
        {
            throw new ExportFileException(name, 1, null,
                "the file is UTF-16 (byte order mark FF FE or FE FF), which legacy exports never use. Export it again as Windows-1252 or "
                    + "UTF-8.");
        }

        if (scan.Utf8Bom)
        {
            ThrowIfInvalid(path, scan.FirstInvalidUtf8, "UTF-8 (it starts with a UTF-8 byte order mark)");
            return new DetectedEncoding(ExportEncoding.Utf8, true, "UTF-8 byte order mark");
        }

        if (pinned is not null)
        {
            var invalid = pinned.CodePage == 1252 ? scan.FirstUndefined1252 : scan.FirstInvalidUtf8;
            ThrowIfInvalid(path, invalid, ExportEncoding.NameOf(pinned) + " (pinned by the export profile)");
            return new DetectedEncoding(pinned, false, "pinned by the export profile");
        }

        // A Windows-1252 text that happens to be valid UTF-8 needs pairs like "Ã©": not found in real ledgers.
        if (scan.HasNonAscii && scan.FirstInvalidUtf8 < 0)
        {
            return new DetectedEncoding(ExportEncoding.Utf8, false, "valid UTF-8 with non-ASCII characters");
        }

        if (scan.FirstUtf8Sequence >= 0)
        {
            var (utf8Line, _, _) = Locate(path, scan.FirstUtf8Sequence);
            var (otherLine, _, value) = Locate(path, scan.FirstInvalidUtf8);
            throw new ExportFileException(name, utf8Line, null,
                $"the file mixes encodings: this line holds UTF-8 text, but byte 0x{value:X2} on line {otherLine} is not valid UTF-8. " +
                "Read as either encoding, part of its text would be wrong. Export the file again in one encoding.");
        }

        ThrowIfInvalid(path, scan.FirstUndefined1252, "Windows-1252 (the legacy default: the file is not valid UTF-8)");
        return new DetectedEncoding(
            ExportEncoding.Windows1252,
            false,
            scan.HasNonAscii ? "not UTF-8: Windows-1252" : "plain ASCII: Windows-1252");
    }

    private static void ThrowIfInvalid(string path, long offset, string encoding)
    {
        if (offset < 0)
        {
            return;
        }

        var (line, column, value) = Locate(path, offset);
        throw new ExportFileException(Path.GetFileName(path), line, null,
            $"byte 0x{value:X2} (byte {column} of the line, offset {offset} in the file) is not valid {encoding}. " +
            "Check the export's encoding: re-export the file, or pin the right encoding in the export profile.");
    }

    private static ScanResult Scan(string path)
    {
        var result = new ScanResult();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize + 4);
        try
        {
            long position = 0;
            var carried = 0;
            var first = true;
            int read;
            while ((read = stream.Read(buffer, carried, ChunkSize)) > 0 || carried > 0)
            {
                var length = carried + read;
                var chunk = buffer.AsSpan(0, length);
                var start = 0;
                if (first)
                {
                    first = false;
                    result.Utf8Bom = chunk.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
                    result.Utf16Bom = chunk.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])
                        || chunk.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
                    start = result.Utf8Bom ? 3 : 0;
                }

                var final = read == 0;
                var usable = final ? length : CompleteSequenceEnd(chunk);
                ScanChunk(chunk[start..usable], position + start, result);
                carried = length - usable;
                chunk[usable..].CopyTo(buffer);
                position += usable;
                if (final)
                {
                    break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return result;
    }

    private static void ScanChunk(ReadOnlySpan<byte> chunk, long offset, ScanResult result)
    {
        if (System.Text.Ascii.IsValid(chunk))
        {
            return;
        }

        result.HasNonAscii = true;
        if (result.FirstUndefined1252 < 0 && chunk.IndexOfAny(Undefined1252) is var undefined and >= 0)
        {
            result.FirstUndefined1252 = offset + undefined;
        }

        if (result.FirstInvalidUtf8 < 0 && !System.Text.Unicode.Utf8.IsValid(chunk))
        {
            result.FirstInvalidUtf8 = offset + FirstInvalidUtf8(chunk);
        }

        if (result.FirstUtf8Sequence < 0 && FirstUtf8Sequence(chunk) is var sequence and >= 0)
        {
            result.FirstUtf8Sequence = offset + sequence;
        }
    }

    private static int FirstUtf8Sequence(ReadOnlySpan<byte> chunk)
    {
        for (var at = chunk.IndexOfAny(Utf8Leads); at >= 0;)
        {
            if (Rune.DecodeFromUtf8(chunk[at..], out var rune, out _) == OperationStatus.Done
                && rune.Value is (>= 0xA0 and <= 0xFF) or (>= 0x2000 and <= 0x20FF))
            {
                return at;
            }

            var next = chunk[(at + 1)..].IndexOfAny(Utf8Leads);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return -1;
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> chunk)
    {
        var at = 0;
        while (at < chunk.Length)
        {
            if (Rune.DecodeFromUtf8(chunk[at..], out _, out var consumed) != OperationStatus.Done)
            {
                return at;
            }

            at += consumed;
        }

        return chunk.Length;
    }

    // A UTF-8 sequence cut by the chunk boundary is carried to the next chunk rather than reported as invalid.
    private static int CompleteSequenceEnd(ReadOnlySpan<byte> chunk)
    {
        for (var back = 1; back <= 3 && back <= chunk.Length; back++)
        {
            var b = chunk[^back];
            if (b < 0x80)
            {
                return chunk.Length;
            }

            if (b >= 0xC0)
            {
                var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                return needed > back ? chunk.Length - back : chunk.Length;
            }
        }

        return chunk.Length;
    }

    private static (long Line, long Column, byte Value) Locate(string path, long offset)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        long line = 1;
        long column = 1;
        for (long at = 0; at < offset; at++)
        {
            if (stream.ReadByte() == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (line, column, (byte)stream.ReadByte());
    }

    private sealed class ScanResult
    {
        public bool Utf8Bom { get; set; }

        public bool Utf16Bom { get; set; }

        public bool HasNonAscii { get; set; }

        public long FirstInvalidUtf8 { get; set; } = -1;

        public long FirstUndefined1252 { get; set; } = -1;

        public long FirstUtf8Sequence { get; set; } = -1;
    }
}
