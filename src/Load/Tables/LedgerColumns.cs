using Bascule.Extract.Records;
using Bascule.Extract.Values;
using Bascule.Load.Rows;

namespace Bascule.Load.Tables;

/// <summary>The source ledger line's fields, shared by staged and unmapped lines so both keep the same lineage.</summary>
internal static class LedgerColumns
{
    public static void WriteSource(IRowSink sink, LedgerLine line)
    {
        sink.Number(line.Year.Value);
        sink.Text(line.Journal);
        sink.Text(line.DocumentNumber);
        sink.Text(line.LineNumber);
        sink.Day(line.BookingDate);
        sink.Text(line.Account.Value);
        sink.Text(line.Article?.ToString());
        sink.Text(line.Service.ToCode());
        sink.Text(line.ThirdParty);
        sink.Text(line.Label);
    }
}
