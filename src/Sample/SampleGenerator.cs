using Bascule.Sample.Catalog;
using Bascule.Sample.Files;
using Bascule.Sample.Ledger;
using Bascule.Sample.ThirdParties;

namespace Bascule.Sample;

/// <summary>
/// Writes a complete legacy export folder (EXPORT.txt and its five data files) as the legacy software would,
/// deterministically for a seed. The ledger streams to disk; only per-account and per-article totals stay in
/// memory, so a five-million-line export needs no more memory than a small one.
/// </summary>
public static class SampleGenerator
{
    public static int MinimumLines(SampleOptions options) => LedgerGenerator.MinimumLines(LegacyCatalog.Accounts(options.EntityType));

    /// <summary>Writes a first year: its opening is drawn around the catalogue's typical balances.</summary>
    public static IReadOnlyList<WrittenFile> Generate(SampleOptions options) => Generate(options, previous: null).Files;

    /// <summary>
    /// Writes one year; when <paramref name="previous"/> is given, the year follows it (see <see cref="YearClosing"/>)
    /// and must be the next fiscal year. Returns the files written and this year's closing, for the year after.
    /// </summary>
    public static GeneratedYear Generate(SampleOptions options, YearClosing? previous)
    {
        if (previous is not null && previous.Year.Value + 1 != options.Year.Value)
        {
            throw new ArgumentException(
                $"Year {options.Year} cannot follow {previous.Year}: a history's years are consecutive.",
                nameof(previous));
        }

        var accounts = LegacyCatalog.Accounts(options.EntityType);
        var articles = LegacyCatalog.Articles(options.EntityType);
        Directory.CreateDirectory(options.Out);

        var pool = new ThirdPartyPool(options.Seed, options.EntityType, options.Lines);
        var thirdParties = ThirdPartiesFile.Write(options.Out, pool);

        var totals = new LedgerTotals(articles);
        var ledgerRandom = SampleRandom.For(options.Seed, "ledger", options.Year.Value);
        var context = new DocumentContext(ledgerRandom, options.Year, articles, pool, totals);
        using (var ledger = new LedgerFileWriter(options.Out, options.Year, SampleRandom.For(options.Seed, "notation", 0), totals))
        {
            new LedgerGenerator(context, accounts, previous).Write(ledger, options.Lines);
        }

        var random = SampleRandom.For(options.Seed, "budget", options.Year.Value);
        var budgets = articles.Select(a => ArticleBudget.From(totals.Articles[a.Code], random)).ToList();
        WrittenFile[] files =
        [
            new(LedgerFileWriter.FileName, totals.Lines, totals.Debit, totals.Credit),
            BalanceFile.Write(options.Out, options.Year, accounts, totals, random),
            ArticlesFile.Write(options.Out, options.Year, budgets, random),
            thirdParties,
            CommitmentsFile.Write(options.Out, options.Year, budgets, random),
        ];

        // The export is dated early in the following year, at a time fixed by the seed, so that output is reproducible.
        var exportedAt = new DateTime(options.Year.Value + 1, 2, 1, 8, 0, 0, DateTimeKind.Unspecified)
            .AddDays(random.Next(20)).AddHours(random.Next(9)).AddMinutes(random.Next(60));
        ControlFileWriter.Write(options.Out, options, exportedAt, files);
        return new GeneratedYear(options, files, YearClosing.From(context));
    }
}

/// <summary>One year written: where and what, and its closing, which the following year opens with.</summary>
public sealed record GeneratedYear(SampleOptions Options, IReadOnlyList<WrittenFile> Files, YearClosing Closing);
