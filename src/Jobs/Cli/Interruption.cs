using System.Data.Common;
using System.Globalization;
using System.Runtime.InteropServices;
using Spectre.Console;

namespace Bascule.Jobs.Cli;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM for a command that must stop cleanly. The first signal is kept from ending the process:
/// it cancels <see cref="Token"/>, says so on standard error, and the command winds down (a migration marks its run
/// failed and deletes its rows, a report leaves its folder as it was) and exits with <see cref="ExitCode"/>. A second
/// signal is left to the system's default action, which ends the process at once. Commands that do not listen (serve
/// has its own host, which stops gracefully on both) keep the default: the first signal ends them.
/// </summary>
public sealed class Interruption : IDisposable
{
    /// <summary>The exit code of a command stopped by Ctrl-C or SIGTERM: 128 + SIGINT, as shells report it.</summary>
    public const int ExitCode = 130;

    private readonly CancellationTokenSource _source;
    private readonly PosixSignalRegistration[] _registrations;
    private readonly TextWriter _error;
    private readonly string _atOnce;
    private int _signals;
    private volatile string? _cause;

    private Interruption(string atOnce, CancellationToken outer)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _error = Console.Error;
        _atOnce = atOnce;
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(
            PosixSignal.SIGTERM,
            OnSignal)];
    }

    /// <summary>Cancelled by the first Ctrl-C or SIGTERM, or by <c>outer</c>.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>True once a signal arrived.</summary>
    public bool Requested => _cause is not null;

    /// <summary>Which signal: "Ctrl-C (SIGINT)" or "SIGTERM"; null before one arrives.</summary>
    public string? Cause => _cause;

    /// <summary>
    /// Listens from now until disposed; messages go to standard error. <paramref name="atOnce"/> says what a second
    /// signal, which ends the process without cleaning up, leaves behind (and how it is recovered).
    /// </summary>
    public static Interruption Listen(string atOnce, CancellationToken outer)
    {
        ArgumentNullException.ThrowIfNull(atOnce);
        return new Interruption(atOnce, outer);
    }

    /// <summary>
    /// Runs a command's work with its token. When a signal stopped it (a cancellation, or the database fault a
    /// cancelled query may surface as), prints one line, what happened and what state it left (<paramref name="outcome"/>
    /// of the exception), and returns <see cref="ExitCode"/>.
    /// </summary>
    public static async Task<int> RunAsync(
        string atOnce,
        Func<CancellationToken, Task<int>> work,
        Func<Exception, string> outcome,
        CancellationToken outer)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(outcome);
        using var interruption = Listen(atOnce, outer);
        try
        {
            return await work(interruption.Token);
        }
        catch (Exception ex) when (interruption.Requested && ex is OperationCanceledException or DbException)
        {
            AnsiConsole.MarkupLineInterpolated(
                CultureInfo.InvariantCulture,
                $"[yellow]Interrupted by {interruption.Cause}: {outcome(ex)}[/]");
            return ExitCode;
        }
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _source.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _signals) > 1)
        {
            // Cancel stays false: the system's default action for the signal ends the process as soon as this returns.
            _error.WriteLine($"Stopping at once ({Name(context.Signal)} again): {_atOnce}.");
            _error.Flush();
            return;
        }

        context.Cancel = true;
        _cause = Name(context.Signal);
        _error.WriteLine($"{_cause} received: stopping cleanly (a second Ctrl-C or SIGTERM stops at once).");
        _error.Flush();
        // Not here: the token's callbacks (a database's cancel request, say) would hold up this signal thread, and with it
        // the second signal that must be able to end the process.
        _ = _source.CancelAsync();
    }

    private static string Name(PosixSignal signal) => signal == PosixSignal.SIGTERM ? "SIGTERM" : "Ctrl-C (SIGINT)";
}
