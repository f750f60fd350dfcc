using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Bascule.Extract.Encodings;

namespace Bascule.Reliability.Tests.Inputs;

/// <summary>
/// Damages a copy of a small valid export the ways deliveries get damaged: flipped bytes, lost, doubled, swapped or
/// cut lines, stray delimiters and quotes, other line ends, other encodings, odd field values. Deterministic for a
/// given <see cref="Random"/>. With <c>fixCounts</c> the control file's <c>LIGNES=</c> are set to the independent count
/// of each damaged file, so that most inputs get past the record count check and reach the line parsers.
/// </summary>
internal static partial class Mutator
{
    private static readonly string[] DataFiles = ["ECRITURES.csv", "BALANCE.csv", "ARTICLES.csv", "TIERS.csv", "ENGAGEMENTS.csv"];

    private static readonly byte[] Special = "; \"\r\n,.-/0123456789OEDR="u8.ToArray()
        .Concat(new byte[] { 0x00, 0x81, 0xA0, 0xC3, 0xE9, 0xFF })
        .ToArray();

    private static readonly string[] Values =
    [
        "", " ", "-", "--1", "1.234,5", "1,234.56", "1.23,45", "0,001", "12,50-", "-12,50-", "999999999999999,99", "9999999999999999",
        "31/02/2023", "29/02/2024",
        "00/01/2023", "1/1/2023", "2022", "2024", "20X3", "0", "104/123-99", "999/999-99", "104/123", "9990000", "1234567", "123456",
        "12345678", "O", "E", "X",
        "\"\"", "\"", "\"a;b\"", "\"a\r\nb\"", "=1+1", "@SUM(A1)", "<script>", "é", "\u00e9\u00e8", "F0001", "F 0001", "D", "R",
        "BE68 5390 0754 7034", "0202.239.951",
    ];

    public static Dictionary<string, byte[]> Mutate(
        IReadOnlyDictionary<string, byte[]> original,
        Random random,
        bool fixCounts,
        out string description)
    {
        var files = original.ToDictionary(f => f.Key, f => (byte[])f.Value.Clone(), StringComparer.Ordinal);
        var steps = new List<string>();
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            var name = Pick(random);
            if (!files.TryGetValue(name, out var bytes))
            {
                continue;
            }

            var (mutated, what) = Apply(bytes, random);
            files[name] = mutated;
            steps.Add($"{name}: {what}");
        }

        if (fixCounts && files.TryGetValue("EXPORT.txt", out var control))
        {
            var text = Encoding.Latin1.GetString(control);
            foreach (var file in DataFiles.Where(files.ContainsKey))
            {
                var lines = RecordCounter.DataRecords(files[file]).ToString(CultureInfo.InvariantCulture);
                text = Regex.Replace(text, $@"(FICHIER={Regex.Escape(file)};LIGNES=)\d+", m => m.Groups[1].Value + lines);
            }

            files["EXPORT.txt"] = Encoding.Latin1.GetBytes(text);
            steps.Add("LIGNES= set to the independent counts");
        }

        description = string.Join("; ", steps);
        return files;
    }

    private static string Pick(Random random) => random.Next(20) switch
    {
        < 10 => "ECRITURES.csv",
        10 or 11 => "BALANCE.csv",
        12 or 13 => "ARTICLES.csv",
        14 or 15 => "TIERS.csv",
        16 or 17 => "ENGAGEMENTS.csv",
        _ => "EXPORT.txt",
    };

    private static (byte[] Bytes, string What) Apply(byte[] bytes, Random random)
    {
        var lines = SplitLines(bytes);
        switch (random.Next(15))
        {
            case 0 when bytes.Length > 0:
            {
                var at = random.Next(bytes.Length);
                var value = (byte)random.Next(256);
                bytes[at] = value;
                return (bytes, $"byte {at} set to 0x{value:X2}");
            }

            case 1 when bytes.Length > 0:
            {
                var at = random.Next(bytes.Length);
                var value = Special[random.Next(Special.Length)];
                bytes[at] = value;
                return (bytes, $"byte {at} set to 0x{value:X2}");
            }

            case 2 when lines.Count > 1:
            {
                var at = random.Next(lines.Count);
                lines.RemoveAt(at);
                return (Join(lines), $"line {at + 1} deleted");
            }

            case 3 when lines.Count > 1:
            {
                var at = random.Next(lines.Count);
                lines.Insert(at, lines[at]);
                return (Join(lines), $"line {at + 1} duplicated");
            }

            case 4 when lines.Count > 2:
            {
                var (a, b) = (random.Next(lines.Count), random.Next(lines.Count));
                (lines[a], lines[b]) = (lines[b], lines[a]);
                return (Join(lines), $"lines {a + 1} and {b + 1} swapped");
            }

            case 5:
            {
                var at = random.Next(bytes.Length + 1);
                return (bytes[..at], $"cut at byte {at}");
            }

            case 6:
            {
                var at = random.Next(bytes.Length + 1);
                return (Insert(bytes, at, [(byte)';']), $"';' inserted at byte {at}");
            }

            case 7:
            {
                var at = random.Next(bytes.Length + 1);
                return (Insert(bytes, at, [(byte)'"']), $"'\"' inserted at byte {at}");
            }

            case 8:
            {
                var at = random.Next(lines.Count + 1);
                lines.Insert(at, "  \t"u8.ToArray());
                lines.Insert(at, []);
                return (Join(lines), $"blank lines inserted before line {at + 1}");
            }

            case 9:
                return (Replace(bytes, "\r\n"u8, "\n"u8), "CRLF replaced by LF");

            case 10:
                return (Replace(bytes, "\r\n"u8, "\r"u8), "CRLF replaced by CR");

            case 11:
                return Reencode(bytes, random);

            case 12 when bytes.Length > 0:
            {
                var at = random.Next(bytes.Length);
                var length = Math.Min(bytes.Length - at, random.Next(1, 40));
                return ([.. bytes[..at], .. bytes[(at + length)..]], $"{length} bytes deleted at {at}");
            }

            case 13 when lines.Count > 1:
            {
                var at = random.Next(lines.Count);
                var fields = ExportEncoding.Windows1252.GetString(lines[at]).Split(';');
                var field = random.Next(fields.Length);
                var value = Values[random.Next(Values.Length)];
                fields[field] = value;
                lines[at] = Windows1252(string.Join(';', fields));
                return (Join(lines), $"line {at + 1} field {field + 1} set to \"{value}\"");
            }

            default:
            {
                var at = random.Next(bytes.Length + 1);
                var junk = new byte[random.Next(1, 64)];
                random.NextBytes(junk);
                return (Insert(bytes, at, junk), $"{junk.Length} random bytes inserted at {at}");
            }
        }
    }

    private static (byte[] Bytes, string What) Reencode(byte[] bytes, Random random)
    {
        string text;
        try
        {
            text = ExportEncoding.Windows1252.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return (bytes, "left as is (not Windows-1252)");
        }

        return random.Next(4) switch
        {
            0 => (new UTF8Encoding(false).GetBytes(text), "re-encoded as UTF-8"),
            1 => ([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)], "re-encoded as UTF-8 with BOM"),
            2 => (Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray(), "re-encoded as UTF-16"),
            _ => (MixUtf8(bytes, text), "second half re-encoded as UTF-8"),
        };
    }

    private static byte[] MixUtf8(byte[] bytes, string text)
    {
        var half = text.Length / 2;
        return [.. ExportEncoding.Windows1252.GetBytes(text[..half]), .. Encoding.UTF8.GetBytes(text[half..]), .. Encoding.UTF8
            .GetBytes("é")];
    }

    private static byte[] Windows1252(string text)
    {
        var bytes = new List<byte>(text.Length);
        foreach (var c in text)
        {
            try
            {
                bytes.AddRange(ExportEncoding.Windows1252.GetBytes(c.ToString()));
            }
            catch (EncoderFallbackException)
            {
                bytes.Add((byte)'?');
            }
        }

        return [.. bytes];
    }

    // Physical lines without their LF (a CR stays with its line): joined back with LF, so line ends survive.
    private static List<byte[]> SplitLines(byte[] bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var at = 0; at < bytes.Length; at++)
        {
            if (bytes[at] == '\n')
            {
                lines.Add(bytes[start..at]);
                start = at + 1;
            }
        }

        if (start < bytes.Length)
        {
            lines.Add(bytes[start..]);
        }

        return lines;
    }

    private static byte[] Join(List<byte[]> lines) => [.. lines.SelectMany(l => l.Append((byte)'\n'))];

    private static byte[] Insert(byte[] bytes, int at, byte[] inserted) => [.. bytes[..at], .. inserted, .. bytes[at..]];

    private static byte[] Replace(byte[] bytes, ReadOnlySpan<byte> from, ReadOnlySpan<byte> to)
    {
        var result = new List<byte>(bytes.Length);
        var span = bytes.AsSpan();
        int at;
        while ((at = span.IndexOf(from)) >= 0)
        {
            result.AddRange(span[..at]);
            result.AddRange(to);
            span = span[(at + from.Length)..];
        }

        result.AddRange(span);
        return [.. result];
    }
}
