using Bascule.Extract.Values;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Bascule.Extract.Tests.Values;

public sealed class BudgetArticleTests
{
    private static Gen<string> Digits(int min, int max) =>
        from length in Gen.Choose(min, max)
        from digits in Gen.ArrayOf(Gen.Choose(0, 9), length)
        select string.Concat(digits);

    private static readonly Arbitrary<string> Articles =
        (from function in Digits(3, 5)
         from economic in Digits(3, 3)
         from sub in Digits(2, 2)
         select $"{function}/{economic}-{sub}").ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Every_well_formed_article_round_trips() =>
        Prop.ForAll(Articles, text => BudgetArticle.TryParse(text, out var article) && article!.ToString() == text);

    [Property(MaxTest = 300)]
    public Property Leading_zeros_of_the_function_are_kept() =>
        Prop.ForAll(Articles, text => !BudgetArticle.TryParse("0" + text, out var article) || article!.Function.StartsWith('0'));

    [Theory]
    [InlineData("104/111")]
    [InlineData("104-111/01")]
    [InlineData("10/111-01")]
    [InlineData("104567/111-01")]
    [InlineData("104/11-01")]
    [InlineData("104/1111-01")]
    [InlineData("104/111-1")]
    [InlineData("104/111-001")]
    [InlineData("1O4/111-01")]
    [InlineData("")]
    public void Malformed_articles_are_rejected(string text)
    {
        Assert.False(BudgetArticle.TryParse(text, out _));
    }
}
