using System.Text;

namespace Bascule.Jobs.Tests.Cli;

/// <summary>
/// Splits one command line into its arguments as a POSIX shell does, for the cases documentation uses: blanks separate
/// words; single quotes keep everything; double quotes keep everything but <c>\"</c>, <c>\\</c>, <c>\$</c> and
/// <c>\`</c>; a backslash outside quotes keeps the next character; a backslash before a line break joins the two
/// lines; <c>#</c> at the start of a word begins a comment. What a shell would do more than split (run a pipe,
/// redirect, expand <c>*</c> to file names or <c>$X</c> to a variable) is refused with a <see cref="FormatException"/>:
/// such a line would not reach the program as written.
/// </summary>
internal static class ShellWords
{
    private const string Operators = "|&;<>()";
    private const string Globs = "*?[]";

    public static IReadOnlyList<string> Split(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            switch (c)
            {
                case ' ' or '\t' or '\n' or '\r':
                    if (inWord)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                        inWord = false;
                    }

                    break;
                case '#' when !inWord:
                    return words;
                case '\\':
                    if (i + 1 >= line.Length)
                    {
                        throw new FormatException($"A backslash ends the line: {line}");
                    }

                    i++;
                    if (line[i] != '\n')
                    {
                        word.Append(line[i]);
                        inWord = true;
                    }

                    break;
                case '\'':
                    var close = line.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        throw new FormatException($"A single quote is not closed: {line}");
                    }

                    word.Append(line, i + 1, close - i - 1);
                    i = close;
                    inWord = true;
                    break;
                case '"':
                    i = DoubleQuoted(line, i, word);
                    inWord = true;
                    break;
                case '$' or '`':
                    throw new FormatException($"'{c}' outside single quotes: a shell would expand it. Quote it with '…': {line}");
                default:
                    if (Operators.Contains(c, StringComparison.Ordinal))
                    {
                        throw new FormatException($"'{c}' outside quotes is a shell operator (pipe, redirection, list): quote it: {line}");
                    }

                    if (Globs.Contains(c, StringComparison.Ordinal))
                    {
                        throw new FormatException($"'{c}' outside quotes: a shell would expand the word to file names. Quote it: {line}");
                    }

                    word.Append(c);
                    inWord = true;
                    break;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    // Returns the index of the closing quote.
    private static int DoubleQuoted(string line, int open, StringBuilder word)
    {
        for (var i = open + 1; i < line.Length; i++)
        {
            var c = line[i];
            switch (c)
            {
                case '"':
                    return i;
                case '\\' when i + 1 < line.Length && line[i + 1] is '"' or '\\' or '$' or '`' or '\n':
                    i++;
                    if (line[i] != '\n')
                    {
                        word.Append(line[i]);
                    }

                    break;
                case '$' or '`':
                    throw new FormatException($"'{c}' inside double quotes: a shell would expand it. Use single quotes: {line}");
                default:
                    word.Append(c);
                    break;
            }
        }

        throw new FormatException($"A double quote is not closed: {line}");
    }
}
