using System.Globalization;
using System.Text;
using Bascule.Extract.Csv;
using Bascule.Extract.Encodings;
using Bascule.Extract.Values;
using nietras.SeparatedValues;

// Turns an export written by `bascule sample` into the "many accounts" case: each legacy general account of the ledger
// is spread over variants that keep its first three digits (6200000 becomes 6200000 … 6209999), so that the ledger holds
// about --accounts accounts; the consecutive documents of the largest journal are merged into one document of at least
// --document-lines lines (balanced, since each merged document was); BALANCE.csv and EXPORT.txt are written again from
// the new ledger. A mapping version is written beside it: every rule of the base mapping that names one exact account is
// copied once per variant of that account (same article pattern, same targets), the other rules are kept as they are,
// so that the new ledger maps as the sample did and the version is valid (no ambiguity: the copies of one account keep
// their order among themselves, and an exact account still beats every prefix or range that matches the variant).
// usage: ManyAccounts SAMPLE_EXPORT OUT_EXPORT BASE_MAPPING_VERSION OUT_MAPPINGS [accounts] [document-lines]
if (args.Length is < 4 or > 6)
{
    Console.Error.WriteLine("usage: ManyAccounts SAMPLE_EXPORT OUT_EXPORT BASE_MAPPING_VERSION OUT_MAPPINGS [accounts] [document-lines]");
    return 2;
}

var sample = args[0];
var export = args[1];
var baseMapping = args[2];
var mappings = args[3];
var accounts = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 20_000;
var documentLines = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 200_000;
const int MaxVariants = 10_000;
var encoding = ExportEncoding.Windows1252;

var rules = RulesFile.Read(Path.Combine(baseMapping, "rules.csv"));

// Pass 1: lines per account and per document.
var linesPerAccount = new Dictionary<string, long>(StringComparer.Ordinal);
var linesPerDocument = new Dictionary<(string Journal, int Piece), int>();
foreach (var row in Ledger.Read(Path.Combine(sample, "ECRITURES.csv"), encoding))
{
    linesPerAccount[row.Account] = linesPerAccount.GetValueOrDefault(row.Account) + 1;
    var document = (row.Journal, row.Piece);
    linesPerDocument[document] = linesPerDocument.GetValueOrDefault(document) + 1;
}

// Variants per account: in proportion to its lines, divided by its exact rules (each variant copies them all).
var weights = linesPerAccount.ToDictionary(a => a.Key, a => (double)a.Value / Math.Max(1, rules.ExactRulesOf(a.Key)));
var scale = accounts / weights.Values.Sum();
var variants = weights.ToDictionary(a => a.Key, a => (int)Math.Clamp(Math.Round(a.Value * scale), 1, MaxVariants), StringComparer.Ordinal);

// The merged document: the largest journal's documents in order, until it holds documentLines lines.
var journal = linesPerDocument.Where(d => d.Key.Journal != "OUV").GroupBy(d => d.Key.Journal)
    .OrderByDescending(g => g.Sum(d => d.Value)).First();
var merged = new HashSet<int>();
var mergedLines = 0;
foreach (var document in journal.OrderBy(d => d.Key.Piece))
{
    if (mergedLines >= documentLines)
    {
        break;
    }

    merged.Add(document.Key.Piece);
    mergedLines += document.Value;
}

var mergedPiece = merged.Min();

// Pass 2: the new ledger, and each account's sums for BALANCE.csv.
Directory.CreateDirectory(export);
var sums = new SortedDictionary<string, AccountSums>(StringComparer.Ordinal);
var labels = BalanceLabels.Read(Path.Combine(sample, "BALANCE.csv"), encoding);
long ledgerRecords = 0;
decimal ledgerDebit = 0, ledgerCredit = 0;
var mergedLine = 0;
using (var csv = new CsvFileWriter(Path.Combine(export, "ECRITURES.csv"), CsvDialect.LegacyExport, Ledger.Header))
{
    foreach (var row in Ledger.Read(Path.Combine(sample, "ECRITURES.csv"), encoding))
    {
        var account = Variant(row.Account, Mix(ledgerRecords) % (ulong)variants[row.Account]);
        var inMerged = row.Journal == journal.Key && merged.Contains(row.Piece);
        var piece = inMerged ? mergedPiece : row.Piece;
        var line = inMerged ? ++mergedLine : row.Line;
        csv.Text(row.Year).Text(row.Journal).Text(piece.ToString(CultureInfo.InvariantCulture))
            .Text(line.ToString(CultureInfo.InvariantCulture)).Text(row.Date).Text(account).Text(row.Article).Text(row.Service)
            .Text(row.ThirdParty).Text(row.Label).Text(row.DebitText).Text(row.CreditText).EndRecord();
        ledgerRecords++;
        ledgerDebit += row.Debit;
        ledgerCredit += row.Credit;
        if (!sums.TryGetValue(account, out var accountSums))
        {
            accountSums = new AccountSums(row.Year, labels.GetValueOrDefault(row.Account, row.Account) + $" ({account})");
            sums[account] = accountSums;
        }

        accountSums.Add(row.Journal == "OUV", row.Debit, row.Credit);
    }
}

long balanceRecords;
decimal balanceDebit = 0, balanceCredit = 0;
using (var csv = new CsvFileWriter(Path.Combine(export, "BALANCE.csv"), CsvDialect.LegacyExport, [
    "EXERCICE", "COMPTE_GENERAL", "LIBELLE", "OUVERTURE_DEBIT", "OUVERTURE_CREDIT",
    "MOUVEMENTS_DEBIT", "MOUVEMENTS_CREDIT", "CLOTURE_DEBIT", "CLOTURE_CREDIT"]))
{
    foreach (var (account, s) in sums)
    {
        var closing = s.OpeningDebit + s.MovementDebit - s.OpeningCredit - s.MovementCredit;
        csv.Text(s.Year).Text(account).Text(s.Label).Euros(s.OpeningDebit).Euros(s.OpeningCredit).Euros(s.MovementDebit)
            .Euros(s.MovementCredit).Euros(Math.Max(closing, 0)).Euros(Math.Max(-closing, 0)).EndRecord();
        balanceDebit += s.OpeningDebit + s.MovementDebit;
        balanceCredit += s.OpeningCredit + s.MovementCredit;
    }

    balanceRecords = csv.Records;
}

foreach (var name in new[] { "ARTICLES.csv", "TIERS.csv", "ENGAGEMENTS.csv" })
{
    File.Copy(Path.Combine(sample, name), Path.Combine(export, name), overwrite: true);
}

// EXPORT.txt: the sample's, with the two rewritten files' lines.
var control = File.ReadAllLines(Path.Combine(sample, "EXPORT.txt"), encoding).Select(line =>
    line.StartsWith("FICHIER=ECRITURES.csv;", StringComparison.Ordinal)
        ? FileLine("ECRITURES.csv", ledgerRecords, ledgerDebit, ledgerCredit)
        : line.StartsWith("FICHIER=BALANCE.csv;", StringComparison.Ordinal)
            ? FileLine("BALANCE.csv", balanceRecords, balanceDebit, balanceCredit)
            : line);
File.WriteAllText(Path.Combine(export, "EXPORT.txt"), string.Join("\r\n", control) + "\r\n", encoding);

// The mapping version: the base version's manifest (without approval) and chart, the rules with per-variant copies.
var version = Path.Combine(mappings, "many-accounts", "1.0.0");
Directory.CreateDirectory(version);
Directory.CreateDirectory(Path.Combine(mappings, "charts"));
var manifest = File.ReadAllLines(Path.Combine(baseMapping, "mapping.yaml"));
var chartLine = manifest.Single(l => l.StartsWith("chart:", StringComparison.Ordinal));
var chartName = Path.GetFileName(chartLine["chart:".Length..].Trim());
File.Copy(Path.GetFullPath(Path.Combine(baseMapping, chartLine["chart:".Length..].Trim())),
    Path.Combine(mappings, "charts", chartName), overwrite: true);
File.WriteAllLines(Path.Combine(version, "mapping.yaml"), manifest.TakeWhile(l => !l.StartsWith("approval:", StringComparison.Ordinal))
    .Select(l => l.StartsWith("id:", StringComparison.Ordinal) ? "id: many-accounts"
        : l.StartsWith("version:", StringComparison.Ordinal) ? "version: 1.0.0"
        : l.StartsWith("description:", StringComparison.Ordinal) ? "description: Bench mapping for the many-accounts case (generated)"
        : l));
var ruleCount = rules.Write(Path.Combine(version, "rules.csv"), account => variants.GetValueOrDefault(account));

Console.WriteLine($"ECRITURES.csv: {ledgerRecords} lines over {sums.Count} accounts; document {journal.Key} {mergedPiece} of {
    mergedLine} lines");
Console.WriteLine($"BALANCE.csv: {balanceRecords} accounts");
Console.WriteLine($"{version}: {ruleCount} rules");
return 0;

static string FileLine(string name, long records, decimal debit, decimal credit) =>
    FormattableString.Invariant($"FICHIER={name};LIGNES={records};TOTAL_DEBIT={
        debit.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',')};TOTAL_CREDIT={
            credit.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',')}");

// Variant n of an account keeps its first three digits: what its prefix and range rules look at stays the same.
static string Variant(string account, ulong n) => account[..3] + n.ToString("D4", CultureInfo.InvariantCulture);

// A fixed mix of the record number (splitmix64), so that the same sample gives the same export.
static ulong Mix(long value)
{
    unchecked
    {
        var z = (ulong)value + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

internal sealed record LedgerRow(
    string Year, string Journal, int Piece, int Line, string Date, string Account, string Article, string Service,
    string ThirdParty, string Label, string DebitText, string CreditText, decimal Debit, decimal Credit);

internal static class Ledger
{
    public static readonly string[] Header =
    [
        "EXERCICE", "JOURNAL", "NUM_PIECE", "NUM_LIGNE", "DATE_COMPTABLE", "COMPTE_GENERAL",
        "ARTICLE_BUDGETAIRE", "SERVICE", "TIERS", "LIBELLE", "DEBIT", "CREDIT",
    ];

    public static IEnumerable<LedgerRow> Read(string path, Encoding encoding)
    {
        using var text = new StreamReader(path, encoding);
        using var reader = new SepReaderOptions(new Sep(';')) { HasHeader = true, Unescape = true }.From(text);
        foreach (var row in reader)
        {
            var debit = row["DEBIT"].ToString();
            var credit = row["CREDIT"].ToString();
            yield return new LedgerRow(row["EXERCICE"].ToString(), row["JOURNAL"].ToString(),
                int.Parse(row["NUM_PIECE"].Span, CultureInfo.InvariantCulture),
                int.Parse(row["NUM_LIGNE"].Span, CultureInfo.InvariantCulture),
                row["DATE_COMPTABLE"].ToString(), row["COMPTE_GENERAL"].ToString(), row["ARTICLE_BUDGETAIRE"].ToString(),
                row["SERVICE"].ToString(), row["TIERS"].ToString(), row["LIBELLE"].ToString(), debit, credit,
                Amount.Parse(debit, AmountNotation.Legacy).Value, Amount.Parse(credit, AmountNotation.Legacy).Value);
        }
    }
}

internal static class BalanceLabels
{
    public static Dictionary<string, string> Read(string path, Encoding encoding)
    {
        using var text = new StreamReader(path, encoding);
        using var reader = new SepReaderOptions(new Sep(';')) { HasHeader = true, Unescape = true }.From(text);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in reader)
        {
            labels[row["COMPTE_GENERAL"].ToString()] = row["LIBELLE"].ToString();
        }

        return labels;
    }
}

internal sealed class AccountSums(string year, string label)
{
    public string Year { get; } = year;

    public string Label { get; } = label;

    public decimal OpeningDebit { get; private set; }

    public decimal OpeningCredit { get; private set; }

    public decimal MovementDebit { get; private set; }

    public decimal MovementCredit { get; private set; }

    public void Add(bool opening, decimal debit, decimal credit)
    {
        if (opening)
        {
            OpeningDebit += debit;
            OpeningCredit += credit;
        }
        else
        {
            MovementDebit += debit;
            MovementCredit += credit;
        }
    }
}

// The base version's rules.csv, kept as lines: comments and the header as they are, each rule split into its fields.
internal sealed class RulesFile(string header, IReadOnlyList<string> lines)
{
    private const int Id = 0;
    private const int SourceAccount = 3;

    public static RulesFile Read(string path)
    {
        var all = File.ReadAllLines(path, Encoding.UTF8);
        return new RulesFile(all[0], all[1..]);
    }

    public int ExactRulesOf(string account) => Rules().Count(r => r[SourceAccount] == account);

    // Writes the rules: an exact-account rule once per variant of its account (none when the ledger has no line on it,
    // which keeps the rule as it is), every other line unchanged. Returns the number of rules written.
    public int Write(string path, Func<string, int> variantsOf)
    {
        var written = 0;
        using var output = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        output.Write(header + "\n");
        foreach (var line in lines)
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                output.Write(line + "\n");
                continue;
            }

            var fields = line.Split(';');
            var count = IsExact(fields[SourceAccount]) ? variantsOf(fields[SourceAccount]) : 0;
            if (count == 0)
            {
                output.Write(line + "\n");
                written++;
                continue;
            }

            // A split part's id is its rule's id and a suffix after the dot (C611.a): the variant goes before the dot.
            var dot = fields[Id].IndexOf('.', StringComparison.Ordinal);
            var (id, part) = dot < 0 ? (fields[Id], "") : (fields[Id][..dot], fields[Id][dot..]);
            var account = fields[SourceAccount];
            for (var n = 0; n < count; n++)
            {
                fields[Id] = FormattableString.Invariant($"{id}-{n:D4}{part}");
                fields[SourceAccount] = account[..3] + n.ToString("D4", CultureInfo.InvariantCulture);
                output.Write(string.Join(';', fields) + "\n");
                written++;
            }
        }

        return written;
    }

    private static bool IsExact(string account) => account.Length is 6 or 7 && account.All(char.IsAsciiDigit);

    private IEnumerable<string[]> Rules() => lines.Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split(';'));
}
