namespace Bascule.Jobs.Cli;

/// <summary>The exit codes of every <c>bascule</c> command, as the README's table lists them.</summary>
public static class ExitCodes
{
    /// <summary>Done: published, written, valid, no differences.</summary>
    public const int Done = 0;

    /// <summary>Could not complete, or the arguments are wrong: nothing was published.</summary>
    public const int CouldNotComplete = 1;

    /// <summary>A check FAILED: the run is held, the package or the export needs review.</summary>
    public const int Failed = 2;

    /// <summary>Differences found (between two runs or two mapping versions).</summary>
    public const int Differences = 3;

    /// <summary>Interrupted by Ctrl-C or SIGTERM (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
