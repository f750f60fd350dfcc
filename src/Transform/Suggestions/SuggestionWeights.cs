namespace Bascule.Transform.Suggestions;

/// <summary>
/// The most points each kind of evidence can give a candidate. A label that the legacy labels match word for word is
/// the strongest sign and the rules already written for the same legacy economic code come next; siblings count in
/// proportion to the prefix they share (a rule on the very same account counts fully); numbering is a weak prior that
/// mostly breaks ties. These values were chosen by measuring (removing each rule the samples use and checking the
/// suggestion against it, see the tests), on those same samples: expect less on an export of another shape.
/// </summary>
public sealed record SuggestionWeights(
    decimal Label = 3m,
    decimal Sibling = 1m,
    decimal EconomicCode = 3m,
    decimal AccountNumbering = 1.5m,
    decimal EconomicNumbering = 2.5m,
    decimal Coherence = 3m)
{
    public static readonly SuggestionWeights Default = new();
}
