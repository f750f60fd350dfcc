using Bascule.TestSupport;

namespace Bascule.Reliability.Tests.Style;

/// <summary>
/// Lines up to 140 characters: the build checks every C# file (Roslynator's RCS0056 in .editorconfig), but no analyzer
/// reads a Razor component's markup, so this test reads them.
/// </summary>
public sealed class RazorLineLengthTests
{
    private const int Limit = 140;

    [Fact]
    public void Every_razor_line_is_at_most_140_characters()
    {
        var files = new[] { "src", "tests" }
            .SelectMany(folder => Directory.EnumerateFiles(RepositoryRoot.Combine(folder), "*.razor", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        var tooLong = files
            .SelectMany(f => File.ReadLines(f)
                .Select((line, i) => (File: Path.GetRelativePath(RepositoryRoot.Path, f), Line: i + 1, line.Length)))
            .Where(l => l.Length > Limit)
            .Select(l => $"{l.File}:{l.Line} ({l.Length} characters)")
            .ToList();

        Assert.NotEmpty(files);
        Assert.True(tooLong.Count == 0, "Razor lines longer than 140 characters:\n" + string.Join("\n", tooLong));
    }
}
