namespace Bascule.Transform.Suggestions;

/// <summary>How many leading characters two codes share: the measure of kinship between accounts, and between codes.</summary>
internal static class CommonPrefix
{
    public static int Length(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
        {
            n++;
        }

        return n;
    }
}
