using Bascule.Transform.Text;

namespace Bascule.Transform.Charts;

/// <summary>
/// The target chart (<c>charts/&lt;id&gt;.csv</c>): every valid account, economic code and function of the new
/// structure. The authorities publish and change these lists, so they live in data, never in code.
/// </summary>
public sealed class TargetChart
{
    private static readonly string[] Columns = ["KIND", "CODE", "LABEL_FR", "LABEL_NL", "ACTIVE"];

    private readonly Dictionary<(ChartKind, string), ChartEntry> _entries;

    private TargetChart(string file, Dictionary<(ChartKind, string), ChartEntry> entries)
    {
        File = file;
        _entries = entries;
    }

    public string File { get; }

    public ChartEntry? Find(ChartKind kind, string code) => _entries.GetValueOrDefault((kind, code));

    /// <summary>Every code of one kind, in file order: the candidates a suggestion can choose from.</summary>
    public IEnumerable<ChartEntry> Entries(ChartKind kind) => _entries.Values.Where(e => e.Kind == kind).OrderBy(e => e.Line);

    public static TargetChart Parse(string text, string file)
    {
        var table = CsvTable.Parse(text, file, Columns);
        var entries = new Dictionary<(ChartKind, string), ChartEntry>();
        foreach (var row in table.Rows)
        {
            var kindField = table.Get(row, "KIND");
            var kind = kindField.Value.ToUpperInvariant() switch
            {
                "ACCOUNT" => ChartKind.Account,
                "ECONOMIC" => ChartKind.Economic,
                "FUNCTION" => ChartKind.Function,
                _ => throw new MappingLoadException(file, row.Line, kindField.Column,
                    $"KIND '{kindField.Value}' is unknown; write ACCOUNT, ECONOMIC or FUNCTION."),
            };
            var code = table.Get(row, "CODE");
            if (!IsValidCode(kind, code.Value))
            {
                throw new MappingLoadException(file, row.Line, code.Column, kind switch
                {
                    ChartKind.Account => $"account '{code.Value}' is not 1 to 9 digits.",
                    ChartKind.Economic => $"economic code '{code.Value}' is not NN.NN (e.g. 12.11).",
                    _ => $"function '{code.Value}' is not 1 to 5 digits.",
                });
            }

            var activeField = table.Get(row, "ACTIVE");
            var active = activeField.Value.ToUpperInvariant() switch
            {
                "1" or "Y" or "YES" or "TRUE" or "O" or "OUI" or "J" or "JA" => true,
                "0" or "N" or "NO" or "FALSE" or "NON" or "NEE" => false,
                _ => throw new MappingLoadException(file, row.Line, activeField.Column,
                    $"ACTIVE '{activeField.Value}' is not a yes/no value; write 1 or 0."),
            };
            var entry = new ChartEntry(
                kind,
                code.Value,
                table.Get(row, "LABEL_FR").Value,
                table.Get(row, "LABEL_NL").Value,
                active,
                row.Line);
            if (!entries.TryAdd((kind, code.Value), entry))
            {
                throw new MappingLoadException(file, row.Line, code.Column,
                    $"{kind} '{code.Value}' is already defined on line {entries[(kind, code.Value)].Line}; keep one line per code.");
            }
        }

        return new TargetChart(file, entries);
    }

    private static bool IsValidCode(ChartKind kind, string code) => kind switch
    {
        ChartKind.Economic => code.Length == 5 && code[2] == '.' && char.IsAsciiDigit(code[0]) && char.IsAsciiDigit(code[1])
            && char.IsAsciiDigit(code[3]) && char.IsAsciiDigit(code[4]),
        ChartKind.Account => code.Length is >= 1 and <= 9 && code.All(char.IsAsciiDigit),
        _ => code.Length is >= 1 and <= 5 && code.All(char.IsAsciiDigit),
    };
}
