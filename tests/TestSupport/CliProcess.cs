using System.Diagnostics;
using System.Text;

namespace Bascule.TestSupport;

/// <summary>
/// The real <c>bascule</c> CLI in a child process (<c>dotnet bascule.dll …</c> from this test's output folder, where the
/// referenced Jobs project is copied), optionally behind a wrapper command (<c>unshare</c>, <c>setpriv</c>). It inherits
/// no <c>BASCULE_</c> setting from the test's environment, only those the test gives. Its output is collected line by line
/// (stdout and stderr apart and together) so a test can act when a stage is reached.
/// </summary>
public sealed class CliProcess : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly List<string> _lines = [];

    private CliProcess(Process process)
    {
        _process = process;
    }

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "bascule.dll");

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_lines)
            {
                return _output.ToString();
            }
        }
    }

    public string StandardOutput
    {
        get
        {
            lock (_lines)
            {
                return _stdout.ToString();
            }
        }
    }

    public string StandardError
    {
        get
        {
            lock (_lines)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts <c>dotnet bascule.dll args…</c> in <paramref name="workingDirectory"/>.</summary>
    public static CliProcess Start(
        string workingDirectory,
        IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? environment = null) =>
        StartWrapped(workingDirectory, [], args, environment);

    /// <summary>
    /// Starts <c>dotnet bascule.dll args…</c> with SIGINT at its default disposition: a process started in the background
    /// of a shell without job control inherits SIGINT ignored, and .NET then keeps ignoring it (as nohup intends), so a
    /// test run that way could not interrupt the child. <c>env</c> resets it and execs the CLI under the same process id.
    /// </summary>
    public static CliProcess StartInterruptible(
        string workingDirectory,
        IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? environment = null) =>
        StartWrapped(workingDirectory, ["env", "--default-signal=INT"], args, environment);

    /// <summary>Starts <c>wrapper… dotnet bascule.dll args…</c>; the wrapper must exec its last arguments.</summary>
    public static CliProcess StartWrapped(
        string workingDirectory,
        IReadOnlyList<string> wrapper,
        IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo
        {
            FileName = wrapper.Count > 0 ? wrapper[0] : DotnetHost(),
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in wrapper.Skip(1).Concat(wrapper.Count > 0 ? [DotnetHost()] : []).Append(Dll).Concat(args))
        {
            start.ArgumentList.Add(a);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("BASCULE_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        // A plain, narrow console: no colours or live display to parse around.
        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "200";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var process = new Process { StartInfo = start };
        var cli = new CliProcess(process);
        process.OutputDataReceived += (_, e) => cli.Received(e.Data, cli._stdout);
        process.ErrorDataReceived += (_, e) => cli.Received(e.Data, cli._stderr);
        if (!process.Start())
        {
            throw new InvalidOperationException("Could not start dotnet bascule.dll.");
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// The output with every run of white space made one space: the console wraps long messages at its width, and a
    /// test looks for a sentence, wherever the lines were broken.
    /// </summary>
    public static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    /// <summary>True once the process has written a line that starts with <paramref name="prefix"/>.</summary>
    public bool Wrote(string prefix)
    {
        lock (_lines)
        {
            return _lines.Any(l => l.StartsWith(prefix, StringComparison.Ordinal));
        }
    }

    /// <summary>Waits until the process writes a line that starts with <paramref name="prefix"/>; false if it exited first.</summary>
    public Task<bool> WaitForLineAsync(string prefix, CancellationToken cancellationToken) =>
        WaitForAsync(l => l.StartsWith(prefix, StringComparison.Ordinal), $"a line starting with '{prefix}'", cancellationToken);

    /// <summary>
    /// Waits until the process writes a line that contains <paramref name="text"/>, wherever the line's stamp or format
    /// puts it (<c>serve</c>'s log lines start with their time); false if it exited first.
    /// </summary>
    public Task<bool> WaitForTextAsync(string text, CancellationToken cancellationToken) =>
        WaitForAsync(l => l.Contains(text, StringComparison.Ordinal), $"a line containing '{text}'", cancellationToken);

    private async Task<bool> WaitForAsync(Func<string, bool> match, string what, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            lock (_lines)
            {
                if (_lines.Any(match))
                {
                    return true;
                }
            }

            if (_process.HasExited)
            {
                // Drain what is still buffered before deciding.
                await _process.WaitForExitAsync(cancellationToken);
                lock (_lines)
                {
                    return _lines.Any(match);
                }
            }

            await Task.Delay(10, cancellationToken);
        }

        throw new TimeoutException($"bascule did not write {what} within {Patience.TotalSeconds} s. Output so far:\n{Output}");
    }

    /// <summary>Sends a real signal (INT, TERM, STOP, CONT…) to the process, with the system's <c>kill</c>.</summary>
    public async Task SignalAsync(string signal, CancellationToken cancellationToken)
    {
        using var kill = Process.Start(new ProcessStartInfo(
            "kill",
            ["-s", signal, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("Could not start kill.");
        await kill.WaitForExitAsync(cancellationToken);
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"kill -s {signal} {Id} exited with {kill.ExitCode} (the process has exited?). Output so far:\n{Output}");
        }
    }

    /// <summary>SIGKILL, for real: no cleanup code of the process runs.</summary>
    public async Task KillAsync(CancellationToken cancellationToken)
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(cancellationToken);
    }

    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Patience);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bascule did not exit within {Patience.TotalSeconds} s. Output so far:\n{Output}");
        }

        return _process.ExitCode;
    }

    /// <summary>Runs to the end and returns the exit code.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string workingDirectory,
        IEnumerable<string> args,
        CancellationToken cancellationToken)
    {
        using var cli = Start(workingDirectory, args);
        var code = await cli.WaitForExitAsync(cancellationToken);
        return (code, cli.Output);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Received(string? line, StringBuilder stream)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
            _output.AppendLine(line);
            stream.AppendLine(line);
        }
    }

    // The dotnet host that runs the tests (dotnet test sets DOTNET_HOST_PATH), else the one on the PATH.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
