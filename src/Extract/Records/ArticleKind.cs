namespace Bascule.Extract.Records;

/// <summary>Whether a budget article spends (<c>D</c>) or receives (<c>R</c>).</summary>
public enum ArticleKind
{
    Expenditure,
    Revenue,
}
