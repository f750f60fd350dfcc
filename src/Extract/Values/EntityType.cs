namespace Bascule.Extract.Values;

/// <summary>The kind of local authority an export comes from (<c>TYPE_ENTITE</c>).</summary>
public enum EntityType
{
    Commune,
    Cpas,
}

public static class EntityTypes
{
    public static bool TryParse(ReadOnlySpan<char> text, out EntityType type)
    {
        text = text.Trim();
        if (text.Equals("COMMUNE", StringComparison.OrdinalIgnoreCase))
        {
            type = EntityType.Commune;
            return true;
        }

        if (text.Equals("CPAS", StringComparison.OrdinalIgnoreCase) || text.Equals("OCMW", StringComparison.OrdinalIgnoreCase))
        {
            type = EntityType.Cpas;
            return true;
        }

        type = default;
        return false;
    }

    public static string ToCode(this EntityType type) => type == EntityType.Commune ? "COMMUNE" : "CPAS";
}
