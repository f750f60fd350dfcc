using Bascule.TestSupport;

namespace Bascule.Jobs.Tests.Cli;

/// <summary>
/// A copy of the shipped mappings in a temporary folder whose rule B130 sends the ordinary reserves (1300000) to 100000
/// instead of 130000.
/// </summary>
public sealed class ChangedMapping : IAsyncLifetime
{
    public TempDirectory Temp { get; } = new();

    /// <summary>The changed version, under a mappings tree of its own (a version needs its chart beside it).</summary>
    public string Version => Temp.Combine("changed", "mappings", "bxl-2024", "1.0.0");

    public async ValueTask InitializeAsync()
    {
        Folders.Copy(RepositoryRoot.Combine("mappings"), Temp.Combine("changed", "mappings"));
        var rules = Path.Combine(Version, "rules.csv");
        var text = await File.ReadAllTextAsync(rules);
        var changed = text.Replace("B130;;;1300000;;130000;", "B130;;;1300000;;100000;", StringComparison.Ordinal);
        Assert.NotEqual(text, changed);
        await File.WriteAllTextAsync(rules, changed);
    }

    public ValueTask DisposeAsync()
    {
        Temp.Dispose();
        return ValueTask.CompletedTask;
    }
}
