namespace Bascule.Transform.Suggestions;

/// <summary>The kinds of evidence a candidate target can have; each gives points (see <see cref="SuggestionWeights"/>).</summary>
public enum ReasonKind
{
    /// <summary>Rules covering the accounts that share the longest prefix with the legacy account map to this account.</summary>
    Sibling,

    /// <summary>Rules for the same legacy economic code (<c>*/124-*</c>) map to this economic code.</summary>
    EconomicCode,

    /// <summary>The chart's French or Dutch label shares words with the legacy labels.</summary>
    Label,

    /// <summary>The chart code starts with the same digits as the legacy account or economic code.</summary>
    Numbering,

    /// <summary>The candidate account's and economic code's labels agree (a pair, not one target).</summary>
    Coherence,
}
