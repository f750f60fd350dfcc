using Bascule.Transform.Coverage;
using Bascule.Transform.Validation;

namespace Bascule.Transform.Tests.Mappings;

/// <summary>The shipped mapping bxl-2024 1.0.0 against the shipped chart and the committed samples.</summary>
public sealed class Bxl2024Tests
{
    [Fact]
    public void Shipped_version_has_no_error_and_no_warning()
    {
        var findings = MappingVersion.Load(SampleExports.BxlVersion).Validate();
        Assert.DoesNotContain(findings, f => f.Severity != FindingSeverity.Info);
    }

    [Fact]
    public void Every_rule_is_justified_and_the_version_has_splits_ranges_prefixes_and_entity_rules()
    {
        var version = MappingVersion.Load(SampleExports.BxlVersion);
        Assert.All(version.Rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Justification)));
        Assert.Contains(version.Groups, g => g.IsSplit);
        Assert.Contains(version.Rules, r => r.Account.Kind == Rules.AccountPatternKind.Range);
        Assert.Contains(version.Rules, r => r.Account.Kind == Rules.AccountPatternKind.Prefix);
        Assert.Contains(version.Rules, r => r.EntityType == Extract.Values.EntityType.Cpas);
        Assert.Contains(version.Rules, r => r.EntityType == Extract.Values.EntityType.Commune);
    }

    [Theory]
    [InlineData(SampleExports.Commune)]
    [InlineData(SampleExports.Cpas)]
    public async Task Shipped_version_covers_every_line_of_the_sample(string sample)
    {
        var export = SampleExports.Open(sample);
        var version = MappingVersion.Load(SampleExports.BxlVersion);
        var coverage = await ExportCoverage.ComputeAsync(
            version,
            SampleExports.Lines(export),
            export.Control.EntityType,
            export.Control.FiscalYear,
            TestContext.Current.CancellationToken);
        Assert.Empty(coverage.Uncovered);
        Assert.True(coverage.IsComplete, string.Join('\n', coverage.Findings.Where(f => f.IsError)));
        Assert.DoesNotContain(coverage.Findings, f => f.Check == "NO_ECONOMIC");
        Assert.Equal(coverage.Lines, coverage.MappedLines);
        Assert.Equal(Extract.Values.Amount.Zero, coverage.UnmappedDebit + coverage.UnmappedCredit);
        Assert.True(coverage.Lines > 0);
    }

    [Theory]
    [InlineData(SampleExports.Commune)]
    [InlineData(SampleExports.Cpas)]
    public async Task Mapped_sample_keeps_every_cent_and_stays_balanced(string sample)
    {
        var export = SampleExports.Open(sample);
        var mapper = MappingVersion.Load(SampleExports.BxlVersion).CreateMapper(export.Control.EntityType, export.Control.FiscalYear);
        decimal sourceDebit = 0, sourceCredit = 0, targetDebit = 0, targetCredit = 0;
        await foreach (var line in SampleExports.Lines(export))
        {
            var mapped = mapper.Map(line);
            Assert.False(mapped.IsUnmapped);
            sourceDebit += line.Debit.Value;
            sourceCredit += line.Credit.Value;
            targetDebit += mapped.Targets.Sum(t => t.Debit.Value);
            targetCredit += mapped.Targets.Sum(t => t.Credit.Value);
        }

        Assert.Equal((sourceDebit, sourceCredit), (targetDebit, targetCredit));
        Assert.Equal(targetDebit, targetCredit);
    }
}
