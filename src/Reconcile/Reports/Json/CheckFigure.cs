using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bascule.Reconcile.Reports.Json;

/// <summary>A figure of a check: euros with two decimals when <paramref name="Money"/>, else a whole count of lines, accounts…</summary>
[JsonConverter(typeof(CheckFigureConverter))]
public readonly record struct CheckFigure(decimal Value, bool Money);

/// <summary>Writes a <see cref="CheckFigure"/> as a bare number: euros as <see cref="JsonMoney"/> writes them, counts whole.</summary>
public sealed class CheckFigureConverter : JsonConverter<CheckFigure>
{
    // A figure read alone cannot know its unit: the documents are written for tools, never read back by Bascule.
    public override CheckFigure Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => new(reader.GetDecimal(), true);

    public override void Write(Utf8JsonWriter writer, CheckFigure value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(
            value.Money ? JsonMoney.Format(value.Value) : value.Value.ToString("0", CultureInfo.InvariantCulture),
            skipInputValidation: true);
    }
}
