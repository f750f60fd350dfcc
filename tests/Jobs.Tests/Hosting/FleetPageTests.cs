using Bascule.Jobs.Hosting;
using Bascule.Load.Runs;

namespace Bascule.Jobs.Tests.Hosting;

/// <summary>The fleet page's years: one row per entity, one cell per fiscal year, the published run first.</summary>
public sealed class FleetPageTests
{
    [Fact]
    public void Each_entity_shows_its_years_as_one_row_with_the_published_run_of_each()
    {
        var published2022 = Run(2022, RunStatus.Published, "OK", minutes: 0);
        var superseded2023 = Run(2023, RunStatus.Superseded, "OK", minutes: 1);
        var published2023 = Run(2023, RunStatus.Published, "WARNING", minutes: 2);
        var held2023 = Run(2023, RunStatus.Held, "FAILED", minutes: 3);
        var cpas = Run(2023, RunStatus.Held, "FAILED", minutes: 4) with { EntityType = "CPAS", EntityName = "CPAS d'Etterbeek" };

        var page = FleetPage.Render([published2022, superseded2023, published2023, held2023, cpas], Path.GetTempPath());

        var years = page[page.IndexOf("<table id=\"years\">", StringComparison.Ordinal)..page.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Equal(2, years.Split("<tr data-entity=").Length - 1);
        var commune = years[years.IndexOf("data-entity=\"COMMUNE-21005\"", StringComparison.Ordinal)..];
        commune = commune[..commune.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains($"data-year=\"2022\" data-run=\"{published2022.Id}\"", commune, StringComparison.Ordinal);
        // 2023: the published run stands for the year although a held run is newer; the held run is counted.
        Assert.Contains($"data-year=\"2023\" data-run=\"{published2023.Id}\"", commune, StringComparison.Ordinal);
        Assert.Contains("published WARNING", commune, StringComparison.Ordinal);
        Assert.Contains("1 held", commune, StringComparison.Ordinal);
        var cpasRow = years[years.IndexOf("data-entity=\"CPAS-21005\"", StringComparison.Ordinal)..];
        // The CPAS has no 2022: an empty cell; its 2023 has no published run, so its latest run is shown as such.
        Assert.Contains("<td></td>", cpasRow[..cpasRow.IndexOf("</tr>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("held (non publi", cpasRow, StringComparison.Ordinal);
    }

    private static RunInfo Run(int year, RunStatus status, string reconciliation, int minutes)
    {
        Assert.True(RunId.TryParse(Guid.CreateVersion7().ToString(), out var id));
        return new RunInfo(
            id, "Commune d'Etterbeek", "COMMUNE", "21005", year, status, "bxl-2024", "1.0.0", new string('a', 64), null,
            new DateTime(2026, 12, 3, 10, minutes, 0, DateTimeKind.Utc), null, "test", "test", null, null, ReconciliationStatus: reconciliation);
    }
}
