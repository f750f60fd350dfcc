using System.Globalization;
using Bascule.Extract.Values;
using Bascule.Transform.Text;

namespace Bascule.Transform.Rules;

/// <summary>Reads <c>rules.csv</c>: every field parsed and checked here, so the rest works on typed rules.</summary>
public static class RulesFile
{
    public static readonly IReadOnlyList<string> Columns =
        ["RULE", "ENTITY_TYPE", "YEARS", "SOURCE_ACCOUNT", "SOURCE_ARTICLE", "TARGET_ACCOUNT",
            "TARGET_ECONOMIC", "TARGET_FUNCTION", "SHARE", "JUSTIFICATION"];

    public static IReadOnlyList<Rule> Parse(string text, string file)
    {
        var table = CsvTable.Parse(text, file, Columns);
        return table.Rows.Select(row => ParseRow(table, row)).ToList();
    }

    /// <summary>Groups rules by base id, in order of first appearance.</summary>
    public static IReadOnlyList<RuleGroup> Group(IEnumerable<Rule> rules) =>
        rules.GroupBy(r => r.BaseId, StringComparer.Ordinal)
            .Select(g => new RuleGroup(g.Key, g.ToList()))
            .ToList();

    private static Rule ParseRow(CsvTable table, CsvRow row)
    {
        var file = table.File;
        var id = table.Get(row, "RULE");
        if (id.Value.Length == 0 || id.Value.Any(c => char.IsWhiteSpace(c) || c == ';'))
        {
            throw new MappingLoadException(
                file,
                row.Line,
                id.Column,
                "RULE is empty or holds spaces; give every rule a short unique id such as R120.");
        }

        var dot = id.Value.IndexOf('.', StringComparison.Ordinal);
        var baseId = dot < 0 ? id.Value : id.Value[..dot];
        if (dot == 0 || dot == id.Value.Length - 1)
        {
            throw new MappingLoadException(file, row.Line, id.Column, $"RULE '{id.Value}' is not an id or a split part id such as R120.a.");
        }

        var entity = table.Get(row, "ENTITY_TYPE");
        EntityType? entityType = null;
        if (entity.Value.Length > 0)
        {
            if (!EntityTypes.TryParse(entity.Value, out var parsed))
            {
                throw new MappingLoadException(
                    file,
                    row.Line,
                    entity.Column,
                    $"ENTITY_TYPE '{entity.Value}' is unknown; write COMMUNE, CPAS or leave it empty for both.");
            }

            entityType = parsed;
        }

        var yearsField = table.Get(row, "YEARS");
        YearRange? years = null;
        if (yearsField.Value.Length > 0)
        {
            if (!YearRange.TryParse(yearsField.Value, out var parsed))
            {
                throw new MappingLoadException(
                    file,
                    row.Line,
                    yearsField.Column,
                    $"YEARS '{yearsField.Value}' is not a year or a range such as 2019-2023; leave it empty for the manifest's years.");
            }

            years = parsed;
        }

        var accountField = table.Get(row, "SOURCE_ACCOUNT");
        if (!AccountPattern.TryParse(accountField.Value, out var account, out var accountError))
        {
            throw new MappingLoadException(file, row.Line, accountField.Column, $"SOURCE_ACCOUNT: {accountError}.");
        }

        var articleField = table.Get(row, "SOURCE_ARTICLE");
        ArticlePattern? article = null;
        if (articleField.Value.Length > 0 && !ArticlePattern.TryParse(articleField.Value, out article))
        {
            throw new MappingLoadException(file, row.Line, articleField.Column,
                $"SOURCE_ARTICLE '{articleField.Value}' is not FUNCTION/ECONOMIC-SUB with each part exact or * (e.g. 104/123-*); leave it "
                    + $"empty for any.");
        }

        var targetAccount = table.Get(row, "TARGET_ACCOUNT");
        if (targetAccount.Value.Length == 0)
        {
            throw new MappingLoadException(
                file,
                row.Line,
                targetAccount.Column,
                "TARGET_ACCOUNT is empty; every rule names the new general account.");
        }

        var economic = table.Get(row, "TARGET_ECONOMIC");
        var function = table.Get(row, "TARGET_FUNCTION");
        if (function.Value.Length == 0)
        {
            throw new MappingLoadException(
                file,
                row.Line,
                function.Column,
                "TARGET_FUNCTION is empty; write a function code, or = to keep the source line's function.");
        }

        var shareField = table.Get(row, "SHARE");
        var share = 100m;
        if (shareField.Value.Length > 0
            && (!decimal.TryParse(
                shareField.Value.Replace(',', '.'),
                NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture,
                out share) || share <= 0m || share > 100m))
        {
            throw new MappingLoadException(
                file,
                row.Line,
                shareField.Column,
                $"SHARE '{shareField.Value}' is not a percentage above 0 and at most 100 (e.g. 60 or 33.5).");
        }

        // An empty JUSTIFICATION loads (a draft from bascule mapping suggest leaves it empty on purpose) and is refused
        // by validation (NO_JUSTIFICATION), which lists every rule still to justify instead of stopping at the first.
        var justification = table.Get(row, "JUSTIFICATION");
        return new Rule(id.Value, baseId, row.Line, entityType, years, account!, article, targetAccount.Value,
            economic.Value.Length == 0 ? null : economic.Value,
            function.Value == Rule.KeepFunction ? null : function.Value,
            share, justification.Value);
    }
}
