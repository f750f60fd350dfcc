using System.Globalization;
using Bascule.Extract.Records;
using Bascule.Extract.Values;
using Bascule.Load.Providers;
using Bascule.Load.Rows;
using Bascule.Load.Runs;
using Bascule.Transform.Mapping;

namespace Bascule.Load.Tests.Staging;

/// <summary>
/// A small synthetic export, already mapped: balanced two-line documents, every fifth source line split in two parts,
/// every thirteenth unmapped, a few rejected lines (one record rejected twice), and the as-read files.
/// </summary>
public sealed class TestExport
{
    public const string Ledger = "ECRITURES.csv";

    private static readonly NumberFormatInfo DecimalComma = new() { NumberDecimalSeparator = "," };

    public TestExport(string insCode = "21009", string entityName = "Commune d'Ixelles", int lines = 200)
    {
        Header = new RunHeader(
            entityName,
            EntityType.Commune,
            insCode,
            new FiscalYear(2023),
            new MappingIdentity("bxl-2024", "1.0.0", new string('a', 64)),
            "tester",
            "0.1.0");
        for (var i = 1; i <= lines; i++)
        {
            var document = ((i + 1) / 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var amount = Amount.FromCents(((i + 1) / 2 * 1234L) + 1);
            var debitSide = i % 2 == 1;
            var source = new LedgerLine(
                new Lineage(Ledger, i, i + 1),
                new FiscalYear(2023),
                i % 3 == 0 ? "FIN" : "ACH",
                document,
                debitSide ? "1" : "2",
                new DateOnly(2023, 1, 1).AddDays(i % 365),
                AccountCode.Parse(debitSide ? "6120000" : "4400000"),
                debitSide ? BudgetArticle.Parse("104/123-11") : null,
                debitSide ? Service.Ordinary : Service.None,
                debitSide ? null : "F" + document,
                i % 7 == 0 ? "Libellé \"spécial\"; avec\nsaut" : "Fourniture " + document,
                debitSide ? amount : Amount.Zero,
                debitSide ? Amount.Zero : amount);
            source = source with { RawText = RawLine(source) };
            if (i % 13 == 0)
            {
                Unmapped.Add(source);
            }
            else if (i % 5 == 0)
            {
                var first = Amount.FromCents(source.Debit.Cents * 60 / 100);
                var firstCredit = Amount.FromCents(source.Credit.Cents * 60 / 100);
                Staged.Add(new TargetLine(source, "R120.a", 1, "61200", "12.11", "104", first, firstCredit));
                Staged.Add(new TargetLine(source, "R120.b", 2, "61300", "12.11", "104", source.Debit - first, source.Credit - firstCredit));
            }
            else
            {
                Staged.Add(new TargetLine(
                    source,
                    debitSide ? "R100" : "R440",
                    1,
                    debitSide ? "61200" : "44000",
                    debitSide ? "12.11" : null,
                    debitSide ? "104" : null,
                    source.Debit,
                    source.Credit));
            }
        }

        Rejected.Add(new Rejected(
            new Lineage(Ledger, lines + 1, lines + 2),
            "DEBIT",
            RejectReason.BadAmount,
            "'12,3,4' is not an amount.",
            "2023;ACH;9;1;01/01/2023;6120000;;O;;x;12,3,4;"));
        Rejected.Add(new Rejected(
            new Lineage(Ledger, lines + 2, lines + 3),
            "DATE_COMPTABLE",
            RejectReason.BadDate,
            "'31/02/2023' is not a date.",
            "2023;ACH;9;2;31/02/2023;4400000;;;;x;;1,00"));
        Rejected.Add(new Rejected(
            new Lineage(Ledger, lines + 2, lines + 3),
            null,
            RejectReason.UnbalancedDocument,
            "Document ACH 9 does not balance.",
            "2023;ACH;9;2;31/02/2023;4400000;;;;x;;1,00"));
        Rejected.Add(new Rejected(
            new Lineage("TIERS.csv", 3, 4),
            "IBAN",
            RejectReason.BadValue,
            "Bad IBAN checksum.",
            "F3;Dupont;;BE00 0000;1050;Ixelles;F"));
        // The trial balance agrees with the accepted ledger lines, as a sound export's does.
        var record = 0;
        foreach (var account in Staged.Select(s => s.Source).Distinct().Concat(Unmapped).GroupBy(l => l.Account.Value)
            .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var debit = account.Aggregate(Amount.Zero, (sum, l) => sum + l.Debit);
            var credit = account.Aggregate(Amount.Zero, (sum, l) => sum + l.Credit);
            var net = debit - credit;
            record++;
            Balance.Add(new LegacyBalanceRow(
                new Lineage("BALANCE.csv", record, record + 1),
                new FiscalYear(2023),
                account.Key,
                "Compte " + account.Key,
                Amount.Zero,
                Amount.Zero,
                debit,
                credit,
                net.IsNegative ? Amount.Zero : net,
                net.IsNegative ? -net : Amount.Zero));
        }

        Articles.Add(new BudgetArticleRow(
            new Lineage("ARTICLES.csv", 1, 2),
            new FiscalYear(2023),
            "104/123-11",
            "Téléphone",
            "O",
            "D",
            Amount.FromCents(1_000_000),
            Amount.FromCents(1_100_000),
            Amount.FromCents(900_000),
            Amount.FromCents(850_050)));
        Commitments.Add(new CommitmentRow(
            new Lineage("ENGAGEMENTS.csv", 1, 2),
            new FiscalYear(2023),
            "104/123-11",
            "E2023/001",
            new DateOnly(2023, 2, 3),
            "F1",
            "Proximus",
            Amount.FromCents(500_000),
            Amount.FromCents(450_000)));
        Commitments.Add(new CommitmentRow(
            new Lineage("ENGAGEMENTS.csv", 2, 3),
            new FiscalYear(2023),
            "104/123-11",
            "E2023/002",
            null,
            null,
            "Sans date",
            Amount.FromCents(1),
            Amount.Zero));
        ThirdParties.Add(new ThirdPartyRow(
            new Lineage("TIERS.csv", 1, 2),
            "F1",
            "Proximus SA",
            "0202.239.951",
            "BE68539007547034",
            "1030",
            "Schaerbeek",
            "F"));
        ThirdParties.Add(new ThirdPartyRow(new Lineage("TIERS.csv", 2, 3), "C9", "Jean Dupont", null, null, null, null, null));
    }

    public RunHeader Header { get; }


    public List<TargetLine> Staged { get; } = [];

    public List<LedgerLine> Unmapped { get; } = [];

    public List<Rejected> Rejected { get; } = [];

    public List<LegacyBalanceRow> Balance { get; } = [];

    public List<BudgetArticleRow> Articles { get; } = [];

    public List<CommitmentRow> Commitments { get; } = [];

    public List<ThirdPartyRow> ThirdParties { get; } = [];

    /// <summary>Begins a run and writes every row, without publishing.</summary>
    public async Task<StagingRun> LoadAsync(IStagingProvider provider, StagingOptions? options = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var run = await StagingRun.BeginAsync(provider, Header, options, ct);
        foreach (var line in Staged)
        {
            await run.AddStagedAsync(line, ct);
        }

        foreach (var line in Unmapped)
        {
            await run.AddUnmappedAsync(line, ct);
        }

        foreach (var rejected in Rejected)
        {
            await run.AddRejectedAsync(rejected, ct);
        }

        foreach (var row in Balance)
        {
            await run.AddBalanceAsync(row, ct);
        }

        foreach (var row in Articles)
        {
            await run.AddArticleAsync(row, ct);
        }

        foreach (var row in Commitments)
        {
            await run.AddCommitmentAsync(row, ct);
        }

        foreach (var row in ThirdParties)
        {
            await run.AddThirdPartyAsync(row, ct);
        }

        await run.RecordFilesAsync([new RunFile(
            Ledger,
            new string('b', 64),
            Staged.Select(s => s.Source).Distinct().Count() + Unmapped.Count + 2,
            null,
            null,
            null)], ct);
        await run.FlushAsync(ct);
        return run;
    }

    // The line as an export writes it, a label with a separator, quote or line break quoted: its raw text.
    private static string RawLine(LedgerLine l) => string.Join(
        ';',
        l.Year.Value.ToString(CultureInfo.InvariantCulture),
        l.Journal,
        l.DocumentNumber,
        l.LineNumber,
        l.BookingDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        l.Account.Value,
        l.Article?.ToString() ?? "",
        l.Service.ToCode(),
        l.ThirdParty ?? "",
        l.Label.AsSpan().IndexOfAny(";\"\n") >= 0 ? "\"" + l.Label.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : l.Label,
        l.Debit.Value.ToString("0.00", DecimalComma),
        l.Credit.Value.ToString("0.00", DecimalComma));
}
