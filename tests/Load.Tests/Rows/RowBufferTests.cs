using System.Text;
using Bascule.Extract.Records;
using Bascule.Extract.Values;
using Bascule.Load.Rows;
using Bascule.Load.Runs;
using Bascule.Load.Tables;

namespace Bascule.Load.Tests.Rows;

/// <summary>
/// A batch's rows are encoded as they are added and written to the database from those bytes: every value must reach the
/// sink exactly as a direct write would have given it, each row opened with the run and the batch number.
/// </summary>
public sealed class RowBufferTests
{
    private static readonly RunId Run = RunId.New();

    private static readonly string?[] Texts =
    [
        "", "é€𝄞", null, "plain", "tab\tnew line\r\nquote'\"back\\slash", "👩‍👩‍👧 family", new string('x', 100_000), "ÿ\u0081\u00a0",
    ];

    private static readonly DateOnly?[] Days = [null, new(2024, 2, 29), new(1, 1, 2), DateOnly.MinValue, DateOnly.MaxValue];

    private static readonly long[] Cents = [0, -1, 1, 12_345, long.MaxValue / 1000, long.MinValue / 1000, 100];

    [Fact]
    public void Every_value_reaches_the_sink_as_a_direct_write_gives_it()
    {
        var buffer = new RowBuffer();
        var direct = new RecordingSink();
        for (var i = 0; i < 40; i++)
        {
            direct.BeginRow();
            direct.Text(Run.Value);
            direct.Number(7);
            Row(direct, i);
            direct.EndRow();
            buffer.BeginRow();
            Row(buffer, i);
            buffer.EndRow();
        }

        var replayed = new RecordingSink();
        buffer.CopyTo(replayed, Run, 7);

        Assert.Equal(40, buffer.Rows);
        Assert.Equal(direct.Calls.Select(AsUtf8), replayed.Calls);
        // Text comes back as UTF-8, with its length in UTF-16 code units (what the fingerprint writes).
        Assert.Contains("utf8 4 é€𝄞", replayed.Calls);
        Assert.Contains(replayed.Calls, c => c.StartsWith("utf8 100000 xxx", StringComparison.Ordinal));
    }

    [Fact]
    public void A_string_that_is_not_valid_UTF16_reaches_the_sink_as_it_is()
    {
        // PostgreSQL's writer refuses a lone surrogate and SQLite's stores U+FFFD: each sink still decides.
        var buffer = new RowBuffer();
        buffer.BeginRow();
        buffer.Text("bad \uD800 text");
        buffer.Text("good");
        buffer.EndRow();

        var replayed = new RecordingSink();
        buffer.CopyTo(replayed, Run, 1);

        Assert.Equal(["begin", $"utf8 36 {Run.Value}", "number 1", "text bad \uD800 text", "utf8 4 good", "end"], replayed.Calls);
    }

    [Fact]
    public void A_row_that_fails_half_way_leaves_nothing_and_the_rows_around_it_are_whole()
    {
        var batch = new StagingBatch();
        LegacyBalanceTable.Instance.Add(batch, Balance("first", Amount.FromCents(100)));
        // Far beyond any amount in cents: encoding its cents overflows after the row's first values were written.
        var huge = Amount.FromEuros(decimal.MaxValue);
        Assert.Throws<OverflowException>(() => LegacyBalanceTable.Instance.Add(batch, Balance("broken", huge)));
        LegacyBalanceTable.Instance.Add(batch, Balance("third", Amount.FromCents(-250)));

        var replayed = new RecordingSink();
        LegacyBalanceTable.Instance.Write(batch, Run, 3, replayed);

        Assert.Equal(2, LegacyBalanceTable.Instance.CountIn(batch));
        Assert.Equal(2, batch.Count);
        Assert.Equal(2, replayed.Calls.Count(c => c == "begin"));
        Assert.Equal(2, replayed.Calls.Count(c => c == "end"));
        Assert.Contains("utf8 5 first", replayed.Calls);
        Assert.Contains("utf8 5 third", replayed.Calls);
        Assert.DoesNotContain(replayed.Calls, c => c.Contains("broken", StringComparison.Ordinal));
        Assert.Contains("amount -2.50", replayed.Calls);
        Assert.Equal(LegacyBalanceTable.Instance.Columns.Count * 2, replayed.Calls.Count(c => c is not ("begin" or "end")));
    }

    [Fact]
    public void A_cleared_batch_holds_only_the_rows_added_after()
    {
        var batch = new StagingBatch();
        for (var i = 0; i < 1000; i++)
        {
            LegacyBalanceTable.Instance.Add(batch, Balance($"old {i}", Amount.FromCents(i)));
        }

        batch.Clear();
        LegacyBalanceTable.Instance.Add(batch, Balance("new", Amount.FromCents(1)));

        var replayed = new RecordingSink();
        LegacyBalanceTable.Instance.Write(batch, Run, 2, replayed);

        Assert.Equal(1, batch.Count);
        Assert.Equal(0, StagedLinesTable.Instance.CountIn(batch));
        Assert.Contains("utf8 3 new", replayed.Calls);
        Assert.DoesNotContain(replayed.Calls, c => c.Contains("old", StringComparison.Ordinal));
    }

    [Fact]
    public void A_released_batch_lets_its_memory_go_and_fills_again()
    {
        var batch = new StagingBatch();
        LegacyBalanceTable.Instance.Add(batch, Balance("before", Amount.FromCents(1)));

        batch.Release();
        Assert.Equal(0, batch.Count);
        LegacyBalanceTable.Instance.Add(batch, Balance("after", Amount.FromCents(2)));

        var replayed = new RecordingSink();
        LegacyBalanceTable.Instance.Write(batch, Run, 5, replayed);
        Assert.Equal(1, batch.Count);
        Assert.Contains("utf8 5 after", replayed.Calls);
        Assert.DoesNotContain("utf8 6 before", replayed.Calls);
    }

    // A direct write passes strings; the buffer passes their UTF-8.
    private static string AsUtf8(string call) =>
        call.StartsWith("text ", StringComparison.Ordinal) ? $"utf8 {call.Length - 5} {call[5..]}" : call;

    private static void Row(IRowSink sink, int i)
    {
        sink.Text(Texts[i % Texts.Length]);
        sink.Number(i % 3 == 0 ? int.MinValue + i : int.MaxValue - i);
        sink.BigNumber(i % 2 == 0 ? long.MaxValue - i : long.MinValue + i);
        sink.Amount(Amount.FromCents(Cents[i % Cents.Length]));
        sink.Day(Days[i % Days.Length]);
        sink.Text(i % 4 == 0 ? null : $"line {i}");
    }

    private static LegacyBalanceRow Balance(string account, Amount closing) => new(
        new Lineage("BALANCE.csv", 1, 2),
        new FiscalYear(2023),
        account,
        "label",
        Amount.Zero,
        Amount.Zero,
        Amount.Zero,
        Amount.Zero,
        closing,
        Amount.Zero);

    // Each call as text; a UTF-8 text is decoded, so that it compares with the string a direct write gave.
    private sealed class RecordingSink : IRowSink
    {
        public List<string> Calls { get; } = [];

        public void BeginRow() => Calls.Add("begin");

        public void Text(string? value) => Calls.Add(value is null ? "null text" : "text " + value);

        public void Utf8(ReadOnlySpan<byte> utf8, int utf16Length)
        {
            var text = Encoding.UTF8.GetString(utf8);
            Assert.Equal(text.Length, utf16Length);
            Calls.Add($"utf8 {utf16Length} {text}");
        }

        public void Number(int value) => Calls.Add($"number {value}");

        public void BigNumber(long value) => Calls.Add($"big {value}");

        public void Amount(Amount value) => Calls.Add($"amount {value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

        public void Day(DateOnly? value) =>
            Calls.Add($"day {value?.DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}");

        public void EndRow() => Calls.Add("end");
    }
}
