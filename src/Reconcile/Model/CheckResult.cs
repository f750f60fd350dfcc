namespace Bascule.Reconcile.Model;

/// <summary>
/// One comparison of a check (<paramref name="Check"/>: which one, numbered and titled). <paramref name="Unit"/>
/// says how to read the figures: <c>EUR</c>, <c>lines</c>, <c>accounts</c>, <c>documents</c> or <c>articles</c>.
/// </summary>
public sealed record CheckResult(CheckId Check, string Name, Verdict Status, decimal Expected, decimal Found, string Unit)
{
    public int Number => Check.Number;

    public decimal Difference => Found - Expected;

    /// <summary>The tolerance the found figure was held to, when one was set: beyond it the check is FAILED.</summary>
    public decimal? Tolerance { get; init; }

    public bool IsMoney => Unit == Units.Euro;

    /// <summary>What the comparison is about, for the sentence readers see; null for a comparison built without one.</summary>
    public CheckTopic? Topic { get; init; }

    /// <summary>
    /// An exception count or amount that should be zero: zero is OK, up to <paramref name="tolerance"/> (or any, when
    /// none is set) a WARNING, beyond it FAILED.
    /// </summary>
    public static CheckResult Tolerated(
        CheckId check,
        string name,
        decimal found,
        decimal? tolerance,
        string unit = Units.Euro,
        CheckTopic? topic = null) =>
        new(check, name, found == 0 ? Verdict.Ok : tolerance is { } t && found > t ? Verdict.Failed : Verdict.Warning, 0, found, unit) {
            Tolerance = tolerance,
            Topic = topic };

    /// <summary>Compares two figures: equal is OK, else <paramref name="whenDifferent"/>.</summary>
    public static CheckResult Compare(
        CheckId check,
        string name,
        decimal expected,
        decimal found,
        Verdict whenDifferent,
        string unit = Units.Euro,
        CheckTopic? topic = null) =>
        new(check, name, expected == found ? Verdict.Ok : whenDifferent, expected, found, unit) { Topic = topic };
}

public static class Units
{
    public const string Euro = "EUR";
    public const string Lines = "lines";
    public const string Accounts = "accounts";
    public const string Documents = "documents";
    public const string Articles = "articles";
    public const string Files = "files";
    public const string Items = "items";
    public const string Commitments = "commitments";
}
