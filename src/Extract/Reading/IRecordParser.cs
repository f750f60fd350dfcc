using Bascule.Extract.Records;
using Bascule.Extract.Values;

namespace Bascule.Extract.Reading;

/// <summary>Turns the current record of one kind of file into a typed record or a rejection.</summary>
internal interface IRecordParser<T>
    where T : class
{
    Parsed<T> Parse(RowParser row);

    /// <summary>What the record adds to the file's debit and credit totals, compared with <c>EXPORT.txt</c>.</summary>
    (Amount Debit, Amount Credit) Totals(T record);
}
