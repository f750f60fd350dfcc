namespace Bascule.Reconcile.Cutover.Model;

/// <summary>How a commitment's legacy budget article got its new economic and function codes.</summary>
public enum ArticleMapping
{
    /// <summary>Every staged line of the article went to the same economic and function codes.</summary>
    Unique,

    /// <summary>The article's staged lines went to several codes: the one carrying the most euros was taken.</summary>
    Dominant,

    /// <summary>No staged line carries the article: the commitment keeps only its legacy article.</summary>
    None,
}

public static class ArticleMappings
{
    public static string ToCode(this ArticleMapping mapping) => mapping switch
    {
        ArticleMapping.Unique => "unique",
        ArticleMapping.Dominant => "dominant",
        _ => "none",
    };
}
