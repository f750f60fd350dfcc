using System.Text.RegularExpressions;
using Bascule.Reconcile.Reports;
using Bascule.Reconcile.Tests.Support;
using Bascule.TestSupport;

namespace Bascule.Reconcile.Tests.Reports;

public sealed class HtmlReportTests
{
    [Fact]
    public async Task The_report_is_one_self_contained_file_with_no_script_and_no_external_resource()
    {
        using var temp = new TempDirectory();
        var result = await Reconciled.CommuneAsync(temp);

        var html = await RenderAsync(temp, result);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(new Regex(@"(src|href)\s*=", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("size: A4", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_comes_first_then_the_tables_then_the_sign_off_in_french_and_dutch()
    {
        using var temp = new TempDirectory();
        var result = await Reconciled.CommuneAsync(temp);

        var html = await RenderAsync(temp, result);

        var order = new[] {
            "id=\"run-status\"",
            "id=\"check-summary\"",
            "id=\"source-files\"",
            "id=\"journals\"",
            "id=\"legacy-accounts\"",
            "id=\"target-accounts\"",
            "id=\"trial-balance\"",
            "id=\"budget-articles\"",
            "id=\"unmapped\"",
            "id=\"rejected\"",
            "id=\"unbalanced-documents\"",
            "class=\"signoff-block\"" }
            .Select(marker => html.IndexOf(marker, StringComparison.Ordinal))
            .ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.Contains("Préparé par", html, StringComparison.Ordinal);
        Assert.Contains("Nagekeken door", html, StringComparison.Ordinal);
        Assert.Contains("Rapport de réconciliation", html, StringComparison.Ordinal);
        Assert.Contains("Aansluitingsrapport", html, StringComparison.Ordinal);
        Assert.Contains("<details><summary>6120000", html, StringComparison.Ordinal);
        Assert.Contains($">{SampleFigures.Grouped(SampleFigures.Of(SampleRun.Commune).Debit())}<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Source_text_is_escaped_and_personal_data_masked()
    {
        using var temp = new TempDirectory();
        var result = await Reconciled.CommuneAsync(temp, Reconciled.AddHostileRejectsAsync);

        var html = await RenderAsync(temp, result);

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Dupont", html, StringComparison.Ordinal);
        Assert.DoesNotContain("BE71096123456769", html, StringComparison.Ordinal);
        Assert.Contains("WrongColumnCount", html, StringComparison.Ordinal);
    }

    private static async Task<string> RenderAsync(TempDirectory temp, Model.ReconciliationResult result)
    {
        var files = await ReportWriter.WriteAllAsync(result, temp.Combine("out"), cancellationToken: TestContext.Current.CancellationToken);
        return await File.ReadAllTextAsync(files.Html, TestContext.Current.CancellationToken);
    }
}
