namespace Bascule.Jobs.Pipeline;

/// <summary>One line per completed stage, for logs and redirected output.</summary>
public sealed class PlainProgress(TextWriter? writer = null) : IMigrationProgress
{
    private readonly TextWriter _writer = writer ?? Console.Out;

    public void Started(string stage, long? total)
    {
    }

    public void Advanced(string stage, long done)
    {
    }

    public void Completed(string stage, string summary) => _writer.WriteLine($"{stage}: {summary}");
}
