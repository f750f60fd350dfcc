using System.Text.Json.Serialization;
using Bascule.Reconcile.Model;

namespace Bascule.Reconcile.Reports.Json;

/// <summary>One comparison, as <c>reconciliation.json</c> and <c>cutover-reconciliation.json</c> write it; the tolerance only when one was
/// set.</summary>
public sealed record CheckDocument(
    int Number,
    string Name,
    string Status,
    CheckFigure Expected,
    CheckFigure Found,
    CheckFigure Difference,
    string Unit,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CheckFigure? Tolerance)
{
    public static CheckDocument From(CheckResult check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return new(
            check.Number,
            check.Name,
            check.Status.ToCode(),
            Figure(check, check.Expected),
            Figure(check, check.Found),
            Figure(check, check.Difference),
            check.Unit,
            check.Tolerance is { } tolerance ? Figure(check, tolerance) : null);
    }

    private static CheckFigure Figure(CheckResult check, decimal value) => new(value, check.IsMoney);
}
