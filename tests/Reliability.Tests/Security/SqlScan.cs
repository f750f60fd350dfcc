using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Bascule.Reliability.Tests.Security;

/// <summary>One place where SQL text is built from something that is not a known-safe identifier.</summary>
public sealed record SqlFinding(string File, int Line, string Hole, string Sql)
{
    public override string ToString() => $"{File}:{Line}: SQL built from '{Hole}' in: {Sql}";
}

/// <summary>A hole in SQL text that has been reviewed: the file, the hole's text, and why it cannot carry a value.</summary>
public sealed record AllowedHole(string File, string Hole, string Why);

/// <summary>
/// Finds SQL built from values in C# sources, on the syntax tree (Roslyn), not by grep. SQL text is a string literal,
/// interpolated string or concatenation whose literal parts look like SQL, or anything handed to a command
/// (<c>CommandText</c>, Dapper's <c>Execute*</c>/<c>Query*</c>, <c>CommandDefinition</c>, <c>*Command</c> constructors,
/// COPY imports). Each hole of such text must be known safe: a literal, a <c>nameof</c>, a <c>const</c> of the same file
/// (by bare name) or of a named type of the scanned sources (<c>Type.Name</c>), a parameter placeholder made of those,
/// or an entry of the allow-list. Everything else is a finding.
/// </summary>
public sealed partial class SqlScan(IReadOnlyCollection<string> constants, IReadOnlyList<AllowedHole> allowed)
{
    private static readonly HashSet<string> SinkMethods = new(StringComparer.Ordinal)
    {
        "Execute", "ExecuteAsync", "ExecuteScalar", "ExecuteScalarAsync", "ExecuteReader", "ExecuteReaderAsync",
        "Query", "QueryAsync", "QueryFirst", "QueryFirstAsync", "QueryFirstOrDefault", "QueryFirstOrDefaultAsync",
        "QuerySingle", "QuerySingleAsync", "QuerySingleOrDefault", "QuerySingleOrDefaultAsync", "QueryMultiple", "QueryMultipleAsync",
        "BeginBinaryImport", "BeginBinaryImportAsync", "BeginTextImport", "BeginTextImportAsync", "BeginBinaryExport",
        "BeginBinaryExportAsync",
        "BeginRawBinaryCopy", "BeginRawBinaryCopyAsync", "FromSqlRaw", "ExecuteSqlRaw", "ExecuteSqlRawAsync",
    };

    private readonly HashSet<string> _constants = new(constants, StringComparer.Ordinal);
    private readonly HashSet<AllowedHole> _used = [];
    private HashSet<string> _local = [];

    /// <summary>SQL-looking literal text seen, sinks included: proof the scan looked at something.</summary>
    public int SqlTextsSeen { get; private set; }

    /// <summary>Allow-list entries that matched a hole; an entry that never matches is stale.</summary>
    public IReadOnlyCollection<AllowedHole> UsedAllowances => _used;

    /// <summary>Every <c>const</c> field of the given sources, as <c>Type.Name</c>, for holes such as <c>Queries.Run</c>.</summary>
    public static IReadOnlyCollection<string> ConstantsOf(IEnumerable<SyntaxTree> trees) =>
        trees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<FieldDeclarationSyntax>())
            .Where(f => f.Modifiers.Any(SyntaxKind.ConstKeyword) && f.Parent is BaseTypeDeclarationSyntax)
            .SelectMany(f => f.Declaration.Variables
                .Select(v => $"{((BaseTypeDeclarationSyntax)f.Parent!).Identifier.ValueText}.{v.Identifier.ValueText}"))
            .ToHashSet(StringComparer.Ordinal);

    // The const fields and locals of one file, for bare-name holes: a name is only known constant where it is declared.
    private static HashSet<string> LocalConstantsOf(SyntaxTree tree) =>
        tree.GetRoot().DescendantNodes()
            .SelectMany(n => n switch
            {
                FieldDeclarationSyntax f when f.Modifiers.Any(SyntaxKind.ConstKeyword) => f.Declaration.Variables
                    .Select(v => v.Identifier.ValueText),
                LocalDeclarationStatementSyntax l when l.IsConst => l.Declaration.Variables.Select(v => v.Identifier.ValueText),
                _ => [],
            })
            .ToHashSet(StringComparer.Ordinal);

    public static SyntaxTree Parse(string text, string path)
        => CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Preview), path);

    public IReadOnlyList<SqlFinding> Scan(SyntaxTree tree, string relativePath)
    {
        _local = LocalConstantsOf(tree);
        var findings = new List<SqlFinding>();
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            switch (node)
            {
                case InterpolatedStringExpressionSyntax interpolated when LooksLikeSql(LiteralText(interpolated)):
                    SqlTextsSeen++;
                    foreach (var hole in interpolated.Contents.OfType<InterpolationSyntax>())
                    {
                        Check(hole.Expression, interpolated, relativePath, findings);
                    }

                    break;
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression)
                    && binary.Parent is not BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression }:
                    var operands = Flatten(binary).ToList();
                    if (operands.Any(o => LooksLikeSql(LiteralText(o))))
                    {
                        SqlTextsSeen++;
                        foreach (var operand in operands.Where(
                            o => o is not LiteralExpressionSyntax and not InterpolatedStringExpressionSyntax))
                        {
                            Check(operand, binary, relativePath, findings);
                        }
                    }

                    break;
                case InvocationExpressionSyntax call when IsFormatting(call)
                    && call.ArgumentList.Arguments.Any(a => LooksLikeSql(LiteralText(a.Expression))):
                    SqlTextsSeen++;
                    foreach (var argument in call.ArgumentList.Arguments.Where(a => a.Expression is not LiteralExpressionSyntax))
                    {
                        Check(argument.Expression, call, relativePath, findings);
                    }

                    break;
                case InvocationExpressionSyntax call when Name(call.Expression) is { } name && SinkMethods.Contains(name)
                    && SqlArgument(call.ArgumentList) is { } sql:
                    CheckSink(sql, call, relativePath, findings);
                    break;
                case BaseObjectCreationExpressionSyntax creation when IsCommandType(creation) && creation.ArgumentList is { } arguments
                    && SqlArgument(arguments) is { } sql:
                    CheckSink(sql, creation, relativePath, findings);
                    break;
                case AssignmentExpressionSyntax assignment when Name(assignment.Left) == "CommandText":
                    CheckSink(assignment.Right, assignment, relativePath, findings);
                    break;
            }
        }

        return findings;
    }

    /// <summary>Whether literal text reads as SQL: an upper-case statement keyword, or a lower-case statement shape.</summary>
    public static bool LooksLikeSql(string? text) =>
        text is { Length: > 0 } && (UpperKeyword().IsMatch(text) || LowerShape().IsMatch(text));

    [GeneratedRegex(@"\b(SELECT|INSERT\s+INTO|UPDATE\s+\S+\s+SET|DELETE\s+FROM|WHERE|VALUES\s*\(|PRAGMA|COPY\s+\S+|"
        + @"CREATE\s+(TABLE|INDEX|VIEW|SCHEMA|DATABASE|ROLE|UNIQUE)|DROP\s+(TABLE|INDEX|VIEW|SCHEMA|DATABASE|ROLE)|"
        + @"ALTER\s+(TABLE|ROLE|DATABASE)|"
        + @"TRUNCATE|MERGE\s+INTO|GRANT|REVOKE|EXEC(UTE)?\s+\w|ORDER\s+BY|GROUP\s+BY|JOIN)\b", RegexOptions.CultureInvariant)]
    private static partial Regex UpperKeyword();

    [GeneratedRegex(@"\b(select\s+[\w*].*\s+from\s+\w|insert\s+into\s+\w|delete\s+from\s+\w|"
        + @"update\s+\w+\s+set\s+\w|where\s+\w+\s*(=|<|>|\bin\b|\blike\b))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex LowerShape();

    private void CheckSink(ExpressionSyntax sql, SyntaxNode site, string file, List<SqlFinding> findings)
    {
        SqlTextsSeen++;
        switch (sql)
        {
            // Literal text is fixed; interpolations and concatenations are checked hole by hole where they are built,
            // whether or not their literal parts look like SQL.
            case LiteralExpressionSyntax:
                return;
            case InterpolatedStringExpressionSyntax interpolated when !LooksLikeSql(LiteralText(interpolated)):
                foreach (var hole in interpolated.Contents.OfType<InterpolationSyntax>())
                {
                    Check(hole.Expression, site, file, findings);
                }

                return;
            case InterpolatedStringExpressionSyntax:
                return;
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                if (!Flatten(binary).Any(o => LooksLikeSql(LiteralText(o))))
                {
                    foreach (var operand in Flatten(binary).Where(
                        o => o is not LiteralExpressionSyntax and not InterpolatedStringExpressionSyntax))
                    {
                        Check(operand, site, file, findings);
                    }
                }

                return;
            // A named text (a constant, a table's derived statement, a script batch) is checked where it is defined.
            case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                return;
            case ConditionalExpressionSyntax conditional:
                CheckSink(conditional.WhenTrue, site, file, findings);
                CheckSink(conditional.WhenFalse, site, file, findings);
                return;
            case ParenthesizedExpressionSyntax parenthesized:
                CheckSink(parenthesized.Expression, site, file, findings);
                return;
            // A command definition or command built inline is checked as a sink of its own; a delegate
            // (Polly's ExecuteAsync) is code, not SQL text.
            case BaseObjectCreationExpressionSyntax creation when IsCommandType(creation):
            case AnonymousFunctionExpressionSyntax:
                return;
            // string.Format and the like with SQL-looking literal text are checked where they are built.
            case InvocationExpressionSyntax call when IsFormatting(call)
                && call.ArgumentList.Arguments.Any(a => LooksLikeSql(LiteralText(a.Expression))):
                return;
            default:
                Check(sql, site, file, findings);
                return;
        }
    }

    private void Check(ExpressionSyntax hole, SyntaxNode site, string file, List<SqlFinding> findings)
    {
        if (IsSafe(hole))
        {
            return;
        }

        var text = Normalize(hole.ToString());
        var allowance = allowed.FirstOrDefault(a => a.File == file && Normalize(a.Hole) == text);
        if (allowance is not null)
        {
            _used.Add(allowance);
            return;
        }

        var line = site.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
        var sql = Normalize(site.ToString());
        findings.Add(new SqlFinding(file, line, text, sql.Length > 160 ? sql[..160] + "…" : sql));
    }

    private bool IsSafe(ExpressionSyntax hole) => hole switch
    {
        LiteralExpressionSyntax => true,
        ParenthesizedExpressionSyntax p => IsSafe(p.Expression),
        InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } => true,
        IdentifierNameSyntax id => _local.Contains(id.Identifier.ValueText),
        MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax type } member => _constants.Contains(
            $"{type.Identifier.ValueText}.{member.Name.Identifier.ValueText}"),
        // A parameter placeholder: a literal prefix such as "@" before a safe name.
        BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) => IsSafe(binary.Left) && IsSafe(binary.Right),
        _ => false,
    };

    private static IEnumerable<ExpressionSyntax> Flatten(ExpressionSyntax expression)
    {
        if (expression is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression))
        {
            return Flatten(binary.Left).Concat(Flatten(binary.Right));
        }

        return expression is ParenthesizedExpressionSyntax p ? Flatten(p.Expression) : [expression];
    }

    private static string? LiteralText(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
        InterpolatedStringExpressionSyntax interpolated => string.Concat(
            interpolated.Contents.OfType<InterpolatedStringTextSyntax>().Select(t => t.TextToken.ValueText)),
        _ => null,
    };

    private static bool IsFormatting(InvocationExpressionSyntax call) =>
        Name(call.Expression) is "Format" or "Concat" or "Append" or "AppendFormat" or "AppendLine" or "Insert";

    private static bool IsCommandType(BaseObjectCreationExpressionSyntax creation) =>
        creation is ObjectCreationExpressionSyntax { Type: var type } && LastName(type) is { } name
        && (name == "CommandDefinition" || name.EndsWith("Command", StringComparison.Ordinal));

    // The SQL of Dapper calls and command constructors: the argument named sql/commandText/cmdText, else the first.
    private static ExpressionSyntax? SqlArgument(BaseArgumentListSyntax arguments)
    {
        var named = arguments.Arguments.FirstOrDefault(
            a => a.NameColon?.Name.Identifier.ValueText is "sql" or "commandText" or "cmdText" or "copyFromCommand" or "copyToCommand");
        return (named ?? arguments.Arguments.FirstOrDefault())?.Expression;
    }

    private static string? Name(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        IdentifierNameSyntax id => id.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        _ => null,
    };

    private static string? LastName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    private static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
