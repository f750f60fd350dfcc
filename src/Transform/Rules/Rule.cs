using Bascule.Extract.Values;

namespace Bascule.Transform.Rules;

/// <summary>
/// One line of <c>rules.csv</c>. A split is several rules sharing a base id (<c>R120.a</c>, <c>R120.b</c>);
/// <see cref="TargetFunction"/> is null when the rule keeps the source line's function (<c>=</c>).
/// </summary>
public sealed record Rule(
    string Id,
    string BaseId,
    int Line,
    EntityType? EntityType,
    YearRange? Years,
    AccountPattern Account,
    ArticlePattern? Article,
    string TargetAccount,
    string? TargetEconomic,
    string? TargetFunction,
    decimal Share,
    string Justification)
{
    public const string KeepFunction = "=";

    public bool KeepsSourceFunction => TargetFunction is null;

    public Specificity Specificity => new(
        (Account.IsConstrained ? 1 : 0) + (Article is { ExactParts: > 0 } ? 1 : 0),
        Account.Rank,
        Article?.ExactParts ?? 0);

    /// <summary>The source side: what the rule matches. Parts of one split must agree on it.</summary>
    public string SourceText =>
        $"{EntityType?.ToCode() ?? "*"};{Years?.ToString() ?? "*"};{Account};{Article?.ToString() ?? ""}";

    /// <summary>The target side, for diffs and reports: account / economic / function.</summary>
    public string TargetText => $"{TargetAccount} / {TargetEconomic ?? "-"} / {TargetFunction ?? KeepFunction}";
}
