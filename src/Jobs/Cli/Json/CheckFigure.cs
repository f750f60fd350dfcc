using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bascule.Jobs.Cli.Json;

/// <summary>A figure of a check: euros with two decimals when <paramref name="Money"/>, else a whole count of lines, accounts…</summary>
[JsonConverter(typeof(CheckFigureConverter))]
public readonly record struct CheckFigure(decimal Value, bool Money);

/// <summary>Writes a <see cref="CheckFigure"/> as a bare number, as the reconciliation's JSON does.</summary>
public sealed class CheckFigureConverter : JsonConverter<CheckFigure>
{
    // The documents are written for tools, never read back by Bascule: a figure read alone cannot know its unit.
    public override CheckFigure Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetDecimal(), true);

    public override void Write(Utf8JsonWriter writer, CheckFigure value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(
            value.Money ? MoneyJsonConverter.Format(value.Value) : decimal.Round(value.Value).ToString("0", CultureInfo.InvariantCulture),
            skipInputValidation: true);
    }
}
