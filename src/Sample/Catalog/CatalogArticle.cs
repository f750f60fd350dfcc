using Bascule.Extract.Values;

namespace Bascule.Sample.Catalog;

/// <summary>
/// A legacy budget article <c>FUNCTION/ECONOMIC-SUB</c> with its service, its type (<c>D</c> expenditure,
/// <c>R</c> revenue), the general account its lines are booked on, how the generator uses it, the typical
/// amount of one booking in euros, and for articles paid to or by an authority the authority's code.
/// </summary>
public sealed record CatalogArticle(
    string Code,
    string Label,
    Service Service,
    char Type,
    string Account,
    ArticleUse Use,
    decimal TypicalAmount,
    string? Authority = null)
{
    public string Function => Code[..Code.IndexOf('/', StringComparison.Ordinal)];

    public bool IsExpenditure => Type == 'D';
}
