using Bascule.Extract.Values;

namespace Bascule.Transform.Diff;

/// <summary>
/// Euros that a new version sends to another target than the old one did, summed over an export's lines:
/// from target to target (<c>account / economic / function</c>, or <c>(unmapped)</c>), and the rules involved.
/// </summary>
public sealed record Movement(string From, string To, long Lines, Amount Debit, Amount Credit, IReadOnlyList<string> Rules);
