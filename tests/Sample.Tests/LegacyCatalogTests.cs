using Bascule.Extract.Values;
using Bascule.Sample.Catalog;

namespace Bascule.Sample.Tests;

public sealed class LegacyCatalogTests
{
    [Theory]
    [InlineData(EntityType.Commune)]
    [InlineData(EntityType.Cpas)]
    public void Every_article_is_well_formed_and_books_on_a_catalogue_account(EntityType type)
    {
        var accounts = LegacyCatalog.Accounts(type).Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        var articles = LegacyCatalog.Articles(type);

        Assert.All(accounts, code => Assert.Matches(@"^[124567]\d{5,6}$", code));
        Assert.Equal(articles.Count, articles.Select(a => a.Code).Distinct().Count());
        Assert.All(articles, article =>
        {
            Assert.Matches(@"^\d{3,5}/\d{3}-\d{2}$", article.Code);
            Assert.Contains(article.Account, accounts);
            Assert.Contains(article.Type, "DR");
            Assert.NotEqual(Service.None, article.Service);
        });
    }

    [Theory]
    [InlineData(EntityType.Commune)]
    [InlineData(EntityType.Cpas)]
    public void Every_salary_function_has_its_employer_contribution_article(EntityType type)
    {
        var articles = LegacyCatalog.Articles(type);
        var contributions = articles.Where(a => a.Use == ArticleUse.SalaryContribution).Select(a => a.Function).ToList();

        Assert.Equal(articles.Where(a => a.Use == ArticleUse.Salary).Select(a => a.Function), contributions);
    }

    [Theory]
    [InlineData(EntityType.Commune)]
    [InlineData(EntityType.Cpas)]
    public void Every_authority_an_article_names_exists(EntityType type)
    {
        var authorities = LegacyCatalog.Authorities(type).Select(a => a.Code).ToHashSet(StringComparer.Ordinal);

        Assert.All(LegacyCatalog.Articles(type).Where(a => a.Authority is not null), a => Assert.Contains(a.Authority!, authorities));
    }
}
