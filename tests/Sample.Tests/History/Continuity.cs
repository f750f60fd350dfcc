using Bascule.Sample.Catalog;

namespace Bascule.Sample.Tests.History;

/// <summary>
/// What makes two written years one history: for every balance-sheet account (classes 1 to 5), the second year
/// opens with the first year's closing, except the result account, which opens with its closing plus the first
/// year's result; no result account (classes 6, 7) is opened; the opening balances.
/// </summary>
internal static class Continuity
{
    public static async Task VerifyAsync(string previousFolder, string nextFolder)
    {
        var previous = await ExtractedYear.ReadAsync(previousFolder);
        var next = await ExtractedYear.ReadAsync(nextFolder);

        Assert.Equal(previous.Year + 1, next.Year);
        Assert.NotEqual(0m, previous.Result);
        Assert.Equal(0m, next.OpeningNet);
        Assert.DoesNotContain(next.Opening.Keys, account => account[0] is '6' or '7');
        foreach (var account in previous.Closing.Keys.Union(next.Opening.Keys).Where(a => a[0] is >= '1' and <= '5'))
        {
            var carried = account == LegacyCatalog.ResultCarriedForward ? previous.Result : 0m;
            Assert.True(
                next.Opening.GetValueOrDefault(account) - previous.Closing.GetValueOrDefault(account) == carried,
                $"account {account}: {next.Year} opens with {next.Opening.GetValueOrDefault(account)}, {previous.Year} closed with "
                    + $"{previous.Closing.GetValueOrDefault(account)}, expected a difference of {carried}");
        }
    }
}
