using System.Text;
using System.Text.RegularExpressions;
using Bascule.Jobs.Cli;
using Bascule.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Tests.Cli;

/// <summary>
/// Every command line the documentation shows, and every example of every command's <c>--help</c>, as a user pastes it
/// into a shell, is accepted by the real command line of <c>bascule</c>: it parses and its settings validate. The command
/// itself is not run: an interceptor stops it once Spectre has bound and validated the settings.
/// <para>
/// Documentation: every <c>*.md</c> of the repository. A command line is a line of a fenced code block, or an inline code
/// span, that starts with <c>bascule </c> or <c>dotnet run --project src/Jobs -- </c>. A line ending in a backslash goes
/// on with the next. An inline span of command words only (<c>bascule migrate</c>, <c>bascule mapping validate</c>)
/// names a command: it is checked as <c>bascule migrate --help</c>, i.e. that the command exists.
/// </para>
/// <para>
/// Placeholder conventions of the documentation, resolved before the line is split as a shell splits it (outside quotes):
/// <list type="bullet">
/// <item><c>[ … ]</c> is optional: the brackets are dropped and what they hold is checked with the rest;</item>
/// <item><c>a|b|c</c> inside brackets lists alternatives: the first is used (<c>[--format text|json]</c> → <c>--format text</c>);</item>
/// <item><c>&lt;NAME&gt;</c> anywhere, and a whole word that is a key of <see cref="Placeholders"/> (RUN_ID, DIR, N…), is
/// replaced by that sample value; an unknown <c>&lt;…&gt;</c> fails the test: add it to the table;</item>
/// <item><c>…</c> as an option's value is replaced by the sample value of that option in <see cref="OptionValues"/>;</item>
/// <item><c>&lt;command&gt;</c> stands for any command: that line is not checked.</item>
/// </list>
/// A comment (<c># …</c>) is dropped as a shell drops it. What is left must be a plain command: a pipe, a redirection, an
/// unquoted <c>*</c> (a cron expression) or <c>$</c> fails the test, since a shell would not pass it on as written.
/// Help examples are read from each command's <c>--help</c> output (its EXAMPLES section) and split the same way, with no
/// placeholders.
/// </para>
/// </summary>
public sealed partial class ExamplesTests
{
    private const string CommandPlaceholder = "command";
    private const string RunId = "01936f8e-8c2a-7c41-9d2e-5b1f3a7c9e10";

    /// <summary>Sample values of the placeholders the documentation uses.</summary>
    private static readonly Dictionary<string, string> Placeholders = new(StringComparer.Ordinal)
    {
        ["RUN_ID"] = RunId,
        ["RUN_A"] = RunId,
        ["RUN_B"] = "01936f8f-0b1d-7e55-8a43-2c6d0e9f1a22",
        ["JOB_ID"] = "42",
        ["KEY"] = "commune-etterbeek",
        ["YEAR"] = "2023",
        ["ID"] = "rehearsal:commune-etterbeek:2023",
        ["DIR"] = "out/example",
        ["FILE"] = "profiles/civadis-v7-signed.json",
        ["MAPPING_DIR"] = "mappings/bxl-2024/1.0.0",
        ["NEW_VERSION_DIR"] = "mappings/bxl-2024/1.1.0",
        ["OLD"] = "mappings/bxl-2024/1.0.0",
        ["NEW"] = "mappings/bxl-2024/1.1.0",
        ["CONN"] = "Host=db.example;Database=staging;Username=bascule_loader",
        ["TEXT"] = "Reviewed and signed by the accountant",
        ["N"] = "1000",
        ["S"] = "7",
        ["a real export"] = "samples/commune-etterbeek-2023",
        ["the export"] = "samples/commune-etterbeek-2023",
    };

    /// <summary>What <c>--option …</c> stands for.</summary>
    private static readonly Dictionary<string, string> OptionValues = new(StringComparer.Ordinal)
    {
        ["--provider"] = "postgres",
        ["--connection"] = "Host=db.example;Database=staging;Username=bascule_loader",
    };

    private static readonly string[] Prefixes = ["bascule ", "dotnet run --project src/Jobs -- "];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_command_line_of_the_documentation_is_accepted_by_the_command_line_parser()
    {
        var lines = DocumentedCommandLines().ToList();
        var failures = new List<string>();
        var checkedLines = 0;
        foreach (var line in lines)
        {
            string[] args;
            try
            {
                if (Resolve(line.Text) is not { } resolved)
                {
                    continue;
                }

                args = line.Mention ? [.. resolved, "--help"] : [.. resolved];
            }
            catch (FormatException ex)
            {
                failures.Add($"{line.Where}: {line.Text}\n    {ex.Message}");
                continue;
            }

            checkedLines++;
            if (await RefusalAsync(args) is { } refusal)
            {
                failures.Add(
                    $"{line.Where}: {line.Text}\n    read as: {string.Join(' ', args.Select(BasculeApp.ShellQuote))}\n    {refusal}");
            }
        }

        Assert.True(
            failures.Count == 0,
            $"{failures.Count} of {checkedLines} documented command lines are refused:\n" + string.Join('\n', failures));
        // The reader finds the lines it must check (a reader that found none would pass anything).
        Assert.True(checkedLines > 40, $"only {checkedLines} command lines found in the documentation");
        Assert.Contains(lines, l => l.Where.StartsWith("README.md:", StringComparison.Ordinal)
            && l.Text.StartsWith("bascule schedule --", StringComparison.Ordinal)
            && l.Text.Contains("--cron", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Where.StartsWith("docs/", StringComparison.Ordinal) && !l.Mention);
        Assert.Contains(
            lines,
            l => l.Where.StartsWith("samples/", StringComparison.Ordinal) && l.Text.StartsWith("dotnet run", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_help_example_pasted_into_a_shell_is_accepted_by_the_command_line_parser()
    {
        var examples = await HelpExamplesAsync();
        var failures = new List<string>();
        foreach (var (command, example) in examples)
        {
            try
            {
                var args = ShellWords.Split(example["bascule ".Length..]).ToArray();
                if (await RefusalAsync(args) is { } refusal)
                {
                    failures.Add($"{command} --help: {example}\n    {refusal}");
                }
            }
            catch (FormatException ex)
            {
                failures.Add($"{command} --help: {example}\n    {ex.Message}");
            }
        }

        Assert.True(
            failures.Count == 0,
            $"{failures.Count} of {examples.Count} help examples are refused:\n" + string.Join('\n', failures));
        Assert.True(examples.Count > 20, $"only {examples.Count} help examples found");
        Assert.Contains(examples, e => e.Example.StartsWith("bascule schedule ", StringComparison.Ordinal)
            && e.Example.Contains("--cron \"0 2 * * 6\"", StringComparison.Ordinal));
        Assert.Contains(examples, e => e.Example.StartsWith("bascule mapping approve ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_parse_check_refuses_what_the_command_line_refuses()
    {
        Assert.Null(await RefusalAsync(["schedule", "--all", "--year", "2023", "--cron", "0 2 * * 6"]));
        Assert.Null(await RefusalAsync(["runs", "--help"]));
        Assert.Contains("--year", await RefusalAsync(["schedule", "--cron", "0 2 * * 6"]), StringComparison.Ordinal);
        Assert.Contains(
            "not a valid cron expression",
            await RefusalAsync(["schedule", "--all", "--year", "2023", "--cron", "61 2 * * *"]),
            StringComparison.Ordinal);
        Assert.NotNull(await RefusalAsync(["schedule", "--all", "--year", "2023", "--cron", "0", "2", "*", "*", "6"]));
        Assert.NotNull(await RefusalAsync(["no-such-command"]));
        Assert.NotNull(await RefusalAsync(["no-such-command", "--help"]));
    }

    [Fact]
    public void Placeholders_are_resolved_and_the_line_split_as_a_shell_does()
    {
        Assert.Equal(
            ["schedule", "--all", "--year", "2023", "--cron", "0 2 * * 6", "--format", "text"],
            Resolve("bascule schedule --all --year YEAR --cron \"0 2 * * 6\" [--format text|json]   # or --entity KEY")!);
        Assert.Equal(
            ["cutover", "--run", RunId, "--out", $"out/cutover/{RunId}", "--provider", "postgres"],
            Resolve("bascule cutover --run <RUN_ID> [--out out/cutover/<RUN_ID>] \\\n    [--provider …]")!);
        Assert.Equal(
            ["mapping", "approve", "DIR2", "--by", "Name, role"],
            Resolve("dotnet run --project src/Jobs -- mapping approve DIR2 --by 'Name, role'")!);
        Assert.Null(Resolve("bascule <command>"));
        Assert.Throws<FormatException>(() => Resolve("bascule report --run <a run>"));
        Assert.Throws<FormatException>(() => Resolve("bascule runs | head"));
        Assert.Throws<FormatException>(() => ShellWords.Split("schedule --cron 0 2 * * 6"));
        Assert.Throws<FormatException>(() => ShellWords.Split("report --reason \"it's $HOME\""));
        Assert.Equal(["a b", "c'd", "e\"f", "g\\h", "", "i"], ShellWords.Split("\"a b\" 'c'\\''d' \"e\\\"f\" g\\\\h '' i # j"));
    }

    [Property(MaxTest = 500)]
    public Property A_quoted_help_argument_reads_back_as_the_argument_it_quotes() =>
        Prop.ForAll(
            Gen.ArrayOf(ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => s.Get)).ToArbitrary(),
            args => ShellWords.Split(string.Join(' ', args.Select(BasculeApp.ShellQuote))).SequenceEqual(args));

    [Fact]
    public void Only_arguments_a_shell_would_change_are_quoted()
    {
        Assert.Equal("\"0 2 * * 6\"", BasculeApp.ShellQuote("0 2 * * 6"));
        Assert.Equal("\"Name, role\"", BasculeApp.ShellQuote("Name, role"));
        Assert.Equal("'it'\\''s $5'", BasculeApp.ShellQuote("it's $5"));
        Assert.Equal("rehearsal:commune-etterbeek:2023", BasculeApp.ShellQuote("rehearsal:commune-etterbeek:2023"));
        Assert.Equal("mappings/bxl-2024/1.0.0", BasculeApp.ShellQuote("mappings/bxl-2024/1.0.0"));
    }

    /// <summary>Null when the command line is accepted (parsed, settings valid, or help shown); else what was refused.</summary>
    private static async Task<string?> RefusalAsync(string[] args)
    {
        using var output = new StringWriter();
        var app = BasculeApp.Create();
        app.Configure(config =>
        {
            config.ConfigureConsole(CliRun.Console(output));
            config.PropagateExceptions();
            config.Settings.Registrar.RegisterInstance<ICommandInterceptor>(new StopBeforeRunning());
        });
        try
        {
            var exit = await app.RunAsync(args, Ct);
            // Only help ends here (Spectre answers --help itself and runs no command).
            return exit == 0 && args.Contains("--help") && output.ToString().Contains("USAGE:", StringComparison.Ordinal)
                ? null
                : $"exit code {exit} without reaching the command: {output}";
        }
        catch (Accepted)
        {
            return null;
        }
        catch (CommandAppException ex)
        {
            return $"{ex.GetType().Name}: {ex.Message} {output}".Trim();
        }
    }

    /// <summary>Every example in the EXAMPLES section of the help of every command and branch, as printed.</summary>
    private static async Task<List<(string Command, string Example)>> HelpExamplesAsync()
    {
        var examples = new List<(string, string)>();
        var pending = new Queue<string[]>([[]]);
        while (pending.TryDequeue(out var path))
        {
            var help = await HelpAsync(path);
            var command = string.Join(' ', ["bascule", .. path]);
            examples.AddRange(Section(help, "EXAMPLES").Select(e => (command, e)));
            foreach (var name in Section(help, "COMMANDS").Select(l => l.Split(' ')[0]))
            {
                pending.Enqueue([.. path, name]);
            }
        }

        return examples;
    }

    private static async Task<string> HelpAsync(string[] path)
    {
        using var output = new StringWriter();
        var app = BasculeApp.Create();
        app.Configure(config => config.ConfigureConsole(CliRun.Console(output)));
        Assert.Equal(0, await app.RunAsync([.. path, "--help"], Ct));
        return output.ToString();
    }

    // The trimmed lines under "NAME:" up to the next blank line.
    private static IEnumerable<string> Section(string help, string name) =>
        help.Split('\n').Select(l => l.TrimEnd())
            .SkipWhile(l => l != $"{name}:").Skip(1)
            .TakeWhile(l => l.Length > 0)
            .Select(l => l.Trim());

    /// <summary>The arguments of a documented command line, placeholders resolved; null for a line that stands for any command.</summary>
    private static string[]? Resolve(string text)
    {
        var prefix = Prefixes.First(p => text.StartsWith(p, StringComparison.Ordinal));
        if (Resolved(text[prefix.Length..]) is not { } shellText)
        {
            return null;
        }

        var words = ShellWords.Split(shellText).ToArray();
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i] == "…")
            {
                words[i] = i > 0 && OptionValues.TryGetValue(words[i - 1], out var value)
                    ? value
                    : throw new FormatException(
                        $"'…' after '{(i > 0 ? words[i - 1] : "")}': add that option's sample value to OptionValues.");
            }
            else if (Placeholders.TryGetValue(words[i], out var value))
            {
                words[i] = value;
            }
        }

        return words;
    }

    // Drops the brackets of optional parts, keeps the first of alternatives a|b, replaces <NAME>; quotes and a trailing
    // comment are left to the shell split.
    private static string? Resolved(string text)
    {
        var result = new StringBuilder();
        var depth = 0;
        var quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                result.Append(c);
                if (c == '\\' && quote == '"' && i + 1 < text.Length)
                {
                    result.Append(text[++i]);
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            switch (c)
            {
                case '\'' or '"':
                    quote = c;
                    result.Append(c);
                    break;
                case '\\' when i + 1 < text.Length:
                    result.Append(c).Append(text[++i]);
                    break;
                case '#' when i == 0 || char.IsWhiteSpace(text[i - 1]):
                    return result.Append(text, i, text.Length - i).ToString();
                case '[':
                    depth++;
                    break;
                case ']':
                    depth = depth > 0 ? depth - 1 : throw new FormatException($"']' without '[': {text}");
                    break;
                case '|' when depth > 0:
                    while (i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]) && text[i + 1] != ']')
                    {
                        i++;
                    }

                    break;
                case '<':
                    var end = text.IndexOf('>', i);
                    var name = end < 0 ? throw new FormatException($"'<' without '>': {text}") : text[(i + 1)..end];
                    if (name == CommandPlaceholder)
                    {
                        return null;
                    }

                    result.Append(Placeholders.TryGetValue(name, out var value)
                        ? BasculeApp.ShellQuote(value)
                        : throw new FormatException($"Unknown placeholder <{name}>: add a sample value for it to {nameof(Placeholders)}."));
                    i = end;
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }

        return depth == 0 ? result.ToString() : throw new FormatException($"'[' not closed: {text}");
    }

    /// <summary>The command lines of every Markdown file of the repository, with file and line.</summary>
    private static IEnumerable<DocumentedLine> DocumentedCommandLines()
    {
        var root = RepositoryRoot.Path;
        var files = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar)
                .Any(d => d is "bin" or "obj" or "out" or "node_modules" || d.StartsWith('.')))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            var lines = File.ReadAllLines(file);
            var inCode = false;
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    inCode = !inCode;
                    continue;
                }

                if (inCode)
                {
                    var start = lines[i].TrimStart();
                    if (!Prefixes.Any(p => start.StartsWith(p, StringComparison.Ordinal)))
                    {
                        continue;
                    }

                    var where = $"{relative}:{i + 1}";
                    var text = start;
                    while (text.EndsWith('\\') && i + 1 < lines.Length)
                    {
                        text += "\n" + lines[++i];
                    }

                    yield return new DocumentedLine(where, text, false);
                }
                else
                {
                    foreach (Match span in InlineCode().Matches(lines[i]))
                    {
                        var text = span.Groups[1].Value;
                        if (Prefixes.Any(p => text.StartsWith(p, StringComparison.Ordinal)))
                        {
                            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1);
                            yield return new DocumentedLine(
                                $"{relative}:{i + 1}",
                                text,
                                text.StartsWith("bascule ", StringComparison.Ordinal) && words.All(w => w.All(char.IsAsciiLetterLower)));
                        }
                    }
                }
            }
        }
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex InlineCode();

    private sealed record DocumentedLine(string Where, string Text, bool Mention);

    /// <summary>Spectre calls interceptors once the settings are bound and validated, before it creates and runs the command.</summary>
    private sealed class StopBeforeRunning : ICommandInterceptor
    {
        public void Intercept(CommandContext context, CommandSettings settings) => throw new Accepted();
    }

    private sealed class Accepted : Exception;
}
