using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bascule.Jobs.Cli.Json;

/// <summary>
/// Every decimal of the commands' JSON is euros: a number with exactly two decimals (<c>12.50</c>, never <c>12.5</c>),
/// whatever the decimal's scale, as the reconciliation's JSON writes them.
/// </summary>
public sealed class MoneyJsonConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(Format(value), skipInputValidation: true);
    }

    public static string Format(decimal value) => decimal.Round(value, 2).ToString("0.00", CultureInfo.InvariantCulture);
}
