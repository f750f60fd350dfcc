namespace Bascule.Extract.Values;

/// <summary>Budget service of a line: ordinary (recurring) or extraordinary (investment).</summary>
public enum Service
{
    None,
    Ordinary,
    Extraordinary,
}

public static class Services
{
    // CPAS exports say exploitation / investment; the domain treats them as O / E.
    public static bool TryParse(ReadOnlySpan<char> text, out Service service)
    {
        text = text.Trim();
        service = text switch
        {
            "" => Service.None,
            "O" or "o" or "X" or "x" => Service.Ordinary,
            "E" or "e" or "I" or "i" => Service.Extraordinary,
            _ => (Service)(-1),
        };
        return service != (Service)(-1);
    }

    public static string ToCode(this Service service) => service switch
    {
        Service.Ordinary => "O",
        Service.Extraordinary => "E",
        _ => "",
    };
}
