using System.Text.Json;
using System.Text.Json.Serialization;
using Bascule.Extract.Values;

namespace Bascule.Reconcile.Reports.Json;

/// <summary>
/// The one converter for euros in JSON: every decimal of the documents is written as a number with exactly two decimals
/// (<c>12.50</c>, never <c>12.5</c>; <c>0.00</c>), whatever the decimal's scale.
/// </summary>
public sealed class JsonMoney : JsonConverter<decimal>
{
    // The documents are written for tools and people; Bascule reads a figure back only as a plain number.
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(Format(value), skipInputValidation: true);
    }

    public static string Format(decimal value) => Amount.Format(value);
}
