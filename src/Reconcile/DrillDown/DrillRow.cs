using Bascule.Extract.Values;

namespace Bascule.Reconcile.DrillDown;

/// <summary>
/// A row of <see cref="DrillSql"/>'s queries, read by column name. The three tables give the same columns: what one does
/// not hold is NULL (a rejected line's amounts, an unmapped line's rule). Dates as the provider returns them.
/// </summary>
internal sealed class DrillRow
{
    public string State { get; init; } = "";

    public string SourceFile { get; init; } = "";

    public long Record { get; init; }

    public long Part { get; init; }

    public long Line { get; init; }

    public long? FiscalYear { get; init; }

    public string? Journal { get; init; }

    public string? Document { get; init; }

    public string? LineNumber { get; init; }

    public object? BookingDate { get; init; }

    public string? Account { get; init; }

    public string? Article { get; init; }

    public string? Service { get; init; }

    public string? ThirdParty { get; init; }

    public string? Label { get; init; }

    public Amount? SourceDebit { get; init; }

    public Amount? SourceCredit { get; init; }

    public string? RuleId { get; init; }

    public string? TargetAccount { get; init; }

    public string? TargetEconomic { get; init; }

    public string? TargetFunction { get; init; }

    public Amount? Debit { get; init; }

    public Amount? Credit { get; init; }

    public string? Reason { get; init; }

    public string? Message { get; init; }

    public string? RawText { get; init; }
}
