namespace Bascule.Pipeline;

/// <summary>
/// Where the pipeline reports its stages: a progress display on a terminal, plain lines elsewhere, nothing in jobs and tests.
/// Some stages run side by side (fingerprint and reconcile), so calls may come from several threads.
/// </summary>
public interface IMigrationProgress
{
    /// <summary>A stage begins; <paramref name="total"/> is the number of records expected, when known.</summary>
    void Started(string stage, long? total);

    void Advanced(string stage, long done);

    void Completed(string stage, string summary);
}

/// <summary>Reports nothing.</summary>
public sealed class SilentProgress : IMigrationProgress
{
    public static readonly SilentProgress Instance = new();

    public void Started(string stage, long? total)
    {
    }

    public void Advanced(string stage, long done)
    {
    }

    public void Completed(string stage, string summary)
    {
    }
}
