using System.Globalization;
using System.Reflection;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>
/// The two argument mistakes that Spectre.Console.Cli's parser reports badly, checked before it sees the command line:
/// an option given without its value, and a number option given something that is not a whole number. Parsing
/// strictly, Spectre retries a command line it could not parse with a marker of its own inserted, and an option left
/// without a value takes that marker as its value (<c>bascule sample --out</c> wrote an export into a folder named
/// <c>__default_command</c>); a word given to a number option fails with "Failed to convert 'abc' to Int32.", which
/// names no option.
/// </summary>
public static class OptionValues
{
    // Every option name of every command ("--out"), with what its value is; null for a flag. An option name means the
    // same thing in every command that has it.
    private static readonly Lazy<Dictionary<string, Value?>> Names = new(Read);

    /// <summary>The first such mistake in <paramref name="args"/>, as a message that says what to give; null when there is none.</summary>
    public static string? Problem(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var i = 0; i < args.Count; i++)
        {
            var token = args[i];
            if (token == "--")
            {
                return null;
            }

            // Unknown options, flags and --name=value forms are the parser's to judge.
            if (!Names.Value.TryGetValue(token, out var value) || value is null)
            {
                continue;
            }

            var given = i + 1 < args.Count ? args[i + 1] : null;
            if (given is null || Names.Value.ContainsKey(given))
            {
                return value.Name is null ? $"{token} needs a value." : $"{token} needs a value: {token} <{value.Name}>.";
            }

            if (value.IsWholeNumber && !IsWholeNumber(given, value.Type))
            {
                return $"{token} '{given}' is not a whole number: write it with digits "
                    + $"only{(value.Default is { } example ? $", e.g. {token} {example}" : "")}.";
            }

            i++;
        }

        return null;
    }

    // Name: the value's name in the help (DIR), null when commands name it differently (--out <DIR>, --out <FILE>).
    private sealed record Value(Type Type, string? Name, string? Default)
    {
        public bool IsWholeNumber => Type == typeof(int) || Type == typeof(long) || Type == typeof(ulong);
    }

    private static bool IsWholeNumber(string text, Type type) =>
        type == typeof(ulong)
            ? ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            : long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                && (type == typeof(long) || number is >= int.MinValue and <= int.MaxValue);

    private static Dictionary<string, Value?> Read()
    {
        var names = new Dictionary<string, Value?>(StringComparer.Ordinal)
        {
            ["-h"] = null,
            ["--help"] = null,
            ["-v"] = null,
            ["--version"] = null,
        };
        var settings = typeof(OptionValues).Assembly.GetTypes().Where(t => typeof(CommandSettings).IsAssignableFrom(t));
        foreach (var property in settings.SelectMany(
            t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)))
        {
            if (property.GetCustomAttribute<CommandOptionAttribute>() is not { } option)
            {
                continue;
            }

            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var value = option.ValueName is null || option.ValueIsOptional
                ? null
                : new Value(type, option.ValueName, Default(property, type));
            foreach (var name in option.LongNames.Select(n => "--" + n).Concat(option.ShortNames.Select(n => "-" + n)))
            {
                if (!names.TryAdd(name, value) && names[name] is { } known && value is not null && known.Name != value.Name)
                {
                    names[name] = known with { Name = null };
                }
            }
        }

        return names;
    }

    // A number option's default, when its settings have one (--batch-size 20000): the example of a well-written value.
    private static string? Default(PropertyInfo property, Type type)
    {
        if (type != typeof(string) && !property.DeclaringType!.IsAbstract
            && property.DeclaringType.GetConstructor(Type.EmptyTypes) is { } constructor)
        {
            var value = property.GetValue(constructor.Invoke(null));
            if (value is IFormattable number && value is not 0 and not 0L and not 0UL)
            {
                return number.ToString(null, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
