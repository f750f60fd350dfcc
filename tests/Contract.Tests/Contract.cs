using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Bascule.TestSupport;

namespace Bascule.Contract.Tests;

/// <summary>
/// Runs every case of <see cref="Cases.All"/> that applies to a configuration, each as the real <c>bascule</c> in a
/// working folder of its own, several at a time, and fails once with every broken case named.
/// </summary>
public static partial class Contract
{
    /// <summary>Longer than any case needs, so a command that hangs instead of refusing fails the contract rather than the suite.</summary>
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(Workbench bench, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bench);
        var cases = Cases.All.Where(c => c.RunsOn(bench.Target)).ToList();
        var failures = new ConcurrentBag<string>();
        var log = new ConcurrentBag<string>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(cases, options, async (contractCase, ct) =>
        {
            var outcome = await RunCaseAsync(bench, contractCase, ct);
            log.Add(outcome.Summary);
            if (outcome.Problems.Count > 0)
            {
                failures.Add(outcome.Describe());
            }
        });

        var output = TestContext.Current.TestOutputHelper;
        foreach (var line in log.Order(StringComparer.Ordinal))
        {
            output?.WriteLine(line);
        }

        Assert.True(
            failures.IsEmpty,
            string.Create(CultureInfo.InvariantCulture, $"{failures.Count} of {cases.Count} contract cases broken on {bench.Target}:\n\n")
                + string.Join("\n\n", failures.Order(StringComparer.Ordinal)));
    }

    /// <summary>What one run of a case showed, and what in it breaks the contract.</summary>
    public sealed record Outcome(
        ContractCase Case,
        Target Target,
        IReadOnlyList<string> Arguments,
        int? ExitCode,
        string StandardOutput,
        string StandardError,
        IReadOnlyList<string> Problems,
        TimeSpan Took)
    {
        public string Output => StandardOutput + StandardError;

        public string Summary => string.Create(
            CultureInfo.InvariantCulture, $"{(Problems.Count == 0 ? "ok  " : "FAIL")} exit "
                + $"{ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "-"} {Took.TotalSeconds,5:0.0} s  bascule {Case.Name}: "
                    + $"{FirstLine(Output)}");

        public string Describe() => string.Create(
            CultureInfo.InvariantCulture,
            $"bascule {Case.Name} on {Target}, expected exit {Case.ExitCode} and \"{Case.Fragment}\":\n  - "
                + $"{string.Join("\n  - ", Problems)}\n  --- stdout\n{Indent(StandardOutput)}\n  --- stderr\n{Indent(StandardError)}");

        private static string FirstLine(string text) =>
            text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "(no output)";

        private static string Indent(string text) => string.Join('\n', text.TrimEnd().Split('\n').Select(l => "    " + l));
    }

    public static async Task<Outcome> RunCaseAsync(Workbench bench, ContractCase contractCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bench);
        ArgumentNullException.ThrowIfNull(contractCase);
        using var folder = new TempDirectory();
        await bench.PrepareAsync(contractCase, folder.Path, cancellationToken);
        var arguments = bench.Resolve(contractCase);
        var clock = Stopwatch.StartNew();
        using var cli = CliProcess.Start(folder.Path, arguments, bench.Environment);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CaseTimeout);
        int? code;
        try
        {
            code = await cli.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            code = null;
        }

        clock.Stop();
        var problems = Check(
            contractCase,
            code,
            cli.StandardOutput,
            cli.StandardError,
            bench.Secrets.Concat(Passwords(arguments)).ToList());
        return new Outcome(contractCase, bench.Target, arguments, code, cli.StandardOutput, cli.StandardError, problems, clock.Elapsed);
    }

    /// <summary>Everything the contract asks of one failure's output, as the list of what is wrong with it.</summary>
    public static IReadOnlyList<string> Check(
        ContractCase contractCase,
        int? exitCode,
        string standardOutput,
        string standardError,
        IReadOnlyList<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(contractCase);
        ArgumentNullException.ThrowIfNull(secrets);
        var problems = new List<string>();
        var output = standardOutput + "\n" + standardError;
        if (exitCode is not { } code)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"did not exit within {CaseTimeout.TotalSeconds} s"));
        }
        else if (code != contractCase.ExitCode)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"exit code {code}, documented {contractCase.ExitCode}"));
        }

        if (!Says(output, contractCase.Fragment))
        {
            problems.Add($"its message does not say \"{contractCase.Fragment}\"");
        }

        if (StackFrame().IsMatch(output))
        {
            problems.Add("a stack trace (\"   at \" frames)");
        }

        if (ExceptionType().Match(output) is { Success: true } type)
        {
            problems.Add($"an exception type name ({type.Value})");
        }

        foreach (var internals in (string[])["inner exception", "(Parameter '", "unexpected fault"])
        {
            if (output.Contains(internals, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"internal text \"{internals}\"");
            }
        }

        var squeezed = Squeeze(output);
        foreach (var secret in secrets.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal))
        {
            if (output.Contains(secret, StringComparison.Ordinal) || squeezed.Contains(Squeeze(secret), StringComparison.Ordinal))
            {
                problems.Add($"a password ({secret[..2]}…) in its output");
            }
        }

        return problems;
    }

    /// <summary>
    /// True when the output holds the fragment: its parts, separated by " … " (what is wrong … what to do), in that order.
    /// </summary>
    public static bool Says(string output, string fragment)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(fragment);
        var flat = Flat(output);
        var at = 0;
        foreach (var part in fragment.Split(" … ").Select(Flat))
        {
            var found = flat.IndexOf(part, at, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            at = found + part.Length;
        }

        return true;
    }

    /// <summary>The passwords of the connection strings among the arguments.</summary>
    public static IEnumerable<string> Passwords(IEnumerable<string> arguments) =>
        arguments.SelectMany(a => PasswordValue().Matches(a)).Select(m => m.Groups[1].Value);

    // Spaces and line breaks folded, so a fragment matches however the console laid the message out.
    private static string Flat(string text)
        => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static string Squeeze(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());

    [GeneratedRegex(@"^\s+at \S", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    // NpgsqlException, IOException, System.InvalidOperationException…: a type name, with or without its namespace.
    [GeneratedRegex(@"\b[A-Z][A-Za-z0-9]*Exception\b")]
    private static partial Regex ExceptionType();

    [GeneratedRegex(@"(?i)(?:password|pwd)\s*=\s*([^;]+)")]
    private static partial Regex PasswordValue();
}
