namespace Bascule.Reconcile.Cutover;

/// <summary>
/// How the opening position is built. <paramref name="AsOf"/> is the first day in the new ERP (default: 1 January of
/// the year after the run's fiscal year). <paramref name="ResultAccount"/> is the closing rule: the new class-1 account
/// that receives the net of result accounts 6 and 7, as a real year-end closing would book it.
/// </summary>
public sealed record CutoverOptions(DateOnly? AsOf = null, string ResultAccount = CutoverOptions.DefaultResultAccount)
{
    /// <summary>
    /// "Patrimoine / Vermogen" in the illustrative chart <c>bxl-2024</c>, which has no "result carried forward" account:
    /// entities whose official chart has one set it with <c>--result-account</c> or <c>Cutover:ResultAccount</c>.
    /// </summary>
    public const string DefaultResultAccount = "100000";
}
