using System.Globalization;
using System.Text.Json;

namespace Bascule.Reconcile.Reports.Json;

/// <summary>Writes euros as JSON numbers with exactly two decimals (<c>12.50</c>, never <c>12.5</c>), whatever the decimal's scale.</summary>
internal static class JsonMoney
{
    public static void Money(this Utf8JsonWriter writer, string name, decimal value)
    {
        writer.WritePropertyName(name);
        writer.WriteRawValue(Format(value), skipInputValidation: true);
    }

    public static void Money(this Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } amount)
        {
            writer.Money(name, amount);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>A check's figure: euros with two decimals, counts as whole numbers.</summary>
    public static void Figure(this Utf8JsonWriter writer, string name, decimal value, bool money)
    {
        writer.WritePropertyName(name);
        writer.WriteRawValue(money ? Format(value) : value.ToString("0", CultureInfo.InvariantCulture), skipInputValidation: true);
    }

    public static string Format(decimal value) => decimal.Round(value, 2).ToString("0.00", CultureInfo.InvariantCulture);
}
