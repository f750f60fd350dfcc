using Bascule.Reconcile.Model;
using Bascule.Reconcile.Reports.Json;

namespace Bascule.Jobs.Cli.Json;

/// <summary>One comparison of a reconciliation, as <c>reconciliation.json</c> writes it: euros with two decimals, counts whole.</summary>
public sealed record CheckJson(
    int Number,
    string Name,
    string Status,
    CheckFigure Expected,
    CheckFigure Found,
    CheckFigure Difference,
    string Unit)
{
    public static CheckJson From(CheckResult check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return new(check.Number, check.Name, check.Status.ToCode(),
            new(check.Expected, check.IsMoney), new(check.Found, check.IsMoney), new(check.Difference, check.IsMoney), check.Unit);
    }
}
