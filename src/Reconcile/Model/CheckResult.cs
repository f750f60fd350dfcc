namespace Bascule.Reconcile.Model;

/// <summary>
/// One comparison of a check of the reconciliation spec (<paramref name="Number"/> 1 to 9). <paramref name="Unit"/>
/// says how to read the figures: <c>EUR</c>, <c>lines</c>, <c>accounts</c>, <c>documents</c> or <c>articles</c>.
/// </summary>
public sealed record CheckResult(int Number, string Name, Verdict Status, decimal Expected, decimal Found, string Unit)
{
    public decimal Difference => Found - Expected;

    public bool IsMoney => Unit == Units.Euro;

    /// <summary>Compares two figures: equal is OK, else <paramref name="whenDifferent"/>.</summary>
    public static CheckResult Compare(int number, string name, decimal expected, decimal found, Verdict whenDifferent, string unit = Units.Euro) =>
        new(number, name, expected == found ? Verdict.Ok : whenDifferent, expected, found, unit);
}

public static class Units
{
    public const string Euro = "EUR";
    public const string Lines = "lines";
    public const string Accounts = "accounts";
    public const string Documents = "documents";
    public const string Articles = "articles";
}
