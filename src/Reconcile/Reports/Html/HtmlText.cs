using System.Globalization;

namespace Bascule.Reconcile.Reports.Html;

/// <summary>Figures and times as the reports show them: euros the Belgian way (<c>1.234,56</c>), counts as whole numbers.</summary>
internal static class HtmlText
{
    private static readonly NumberFormatInfo Belgian = new() {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NegativeSign = "−" };

    public static string Money(decimal value) => value.ToString("#,##0.00", Belgian);

    public static string Count(long value) => value.ToString("#,##0", Belgian);

    public static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
