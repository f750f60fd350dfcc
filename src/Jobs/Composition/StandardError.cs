using Spectre.Console;

namespace Bascule.Jobs.Composition;

/// <summary>
/// Standard error as a console: where a command writes its messages while standard output carries a document
/// (<c>--format json</c>), so that <c>bascule … --format json | jq .</c> reads the document alone.
/// </summary>
public sealed class StandardError(IAnsiConsole console)
{
    public IAnsiConsole Console { get; } = console;
}
