using Bascule.Jobs.Composition;
using Spectre.Console;

namespace Bascule.Jobs.Cli;

/// <summary>
/// The <c>--format text|json</c> of the commands that list or summarise. Text is for people; with json standard output
/// carries the JSON document alone (messages go to standard error) and the exit code stays the one of text.
/// </summary>
public static class OutputFormat
{
    public const string Text = "text";
    public const string Json = "json";
    public const string Option = "--format <FORMAT>";
    public const string Description = "text (default) or json: one JSON document on standard output, messages on standard error.";

    /// <summary>Accepts <paramref name="format"/> when it is one of <paramref name="valid"/> (default text and json), else names
    /// them.</summary>
    public static ValidationResult Validate(string? format, params string[] valid)
    {
        valid = valid.Length == 0 ? [Text, Json] : valid;
        return valid.Contains(format, StringComparer.Ordinal)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--format '{format}' is unknown: use {string.Join(", ", valid[..^1])} or {valid[^1]}.");
    }

    public static bool IsJson(string? format) => format == Json;

    /// <summary>Where a command's messages go: its console in text, standard error when standard output carries JSON.</summary>
    public static IAnsiConsole Messages(string? format, IAnsiConsole console, StandardError errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return IsJson(format) ? errors.Console : console;
    }
}
