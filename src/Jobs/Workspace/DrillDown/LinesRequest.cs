using Bascule.Reconcile.DrillDown;
using Microsoft.AspNetCore.Http;

namespace Bascule.Jobs.Workspace.DrillDown;

/// <summary>
/// Which list a drill-down URL asks for: exactly one of <c>legacy=</c>, <c>target=</c>, <c>journal=</c> (with
/// <c>document=</c>: that document), <c>article=</c>, <c>rule=</c>, <c>check=</c>, <c>unmapped</c>, <c>rejected</c>; then
/// <c>after=</c> the key of the last line seen and <c>size=</c> the lines per page.
/// </summary>
internal sealed record LinesRequest(LineList? List, bool Understood, LineKey? After, int Size)
{
    private static readonly string[] Selectors = ["legacy", "target", "journal", "article", "rule", "check", "unmapped", "rejected"];

    /// <summary>The list asked for; <see cref="Understood"/> false when none or several are named; a check without a list gives a null
    /// list.</summary>
    public static LinesRequest Of(IQueryCollection query)
    {
        var named = Selectors.Where(query.ContainsKey).ToList();
        if (named.Count != 1 || (query.ContainsKey("document") && named[0] != "journal"))
        {
            return new LinesRequest(null, false, null, RunLines.DefaultPageSize);
        }

        string Value(string name) => query[name].ToString().Trim();
        var selector = named[0];
        var value = Value(selector);
        var takesValue = selector is not ("unmapped" or "rejected");
        if (takesValue && value.Length == 0)
        {
            return new LinesRequest(null, false, null, RunLines.DefaultPageSize);
        }

        var list = selector switch
        {
            "legacy" => LineList.LegacyAccount(value),
            "target" => LineList.TargetAccount(value),
            "journal" when Value("document") is { Length: > 0 } document => LineList.DocumentOf(value, document),
            "journal" => LineList.Journal(value),
            "article" => LineList.Article(value),
            "rule" => LineList.Rule(value),
            "check" => CheckLines.Of(value),
            "unmapped" => LineList.Unmapped,
            _ => LineList.Rejected,
        };
        LineKey? after = list is not null && LineKey.TryParse(query["after"], list.ByDocument, out var key) ? key : null;
        var size = int.TryParse(query["size"], out var n) ? Math.Clamp(n, 1, RunLines.MaxPageSize) : RunLines.DefaultPageSize;
        return new LinesRequest(list, true, after, size);
    }
}
