namespace Bascule.Transform.Rules;

/// <summary>
/// How specific a rule is, compared in the spec's order: how many of account and article it constrains, then the
/// account pattern's rank, then the number of exact article parts. Equal specificity on a line is an ambiguity.
/// </summary>
public readonly record struct Specificity(int Constrained, int AccountRank, int ArticleExactParts) : IComparable<Specificity>
{
    public int CompareTo(Specificity other)
    {
        var byConstrained = Constrained.CompareTo(other.Constrained);
        if (byConstrained != 0)
        {
            return byConstrained;
        }

        var byAccount = AccountRank.CompareTo(other.AccountRank);
        return byAccount != 0 ? byAccount : ArticleExactParts.CompareTo(other.ArticleExactParts);
    }

    public static bool operator <(Specificity a, Specificity b) => a.CompareTo(b) < 0;

    public static bool operator >(Specificity a, Specificity b) => a.CompareTo(b) > 0;

    public static bool operator <=(Specificity a, Specificity b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Specificity a, Specificity b) => a.CompareTo(b) >= 0;
}
