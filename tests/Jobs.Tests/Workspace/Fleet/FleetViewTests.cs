using System.Security.Claims;
using Bascule.Extract.Values;
using Bascule.Jobs.Hosting;
using Bascule.Jobs.Workspace;
using Bascule.Jobs.Workspace.Fleet;
using Bascule.Load.Runs;
using Bascule.Reconcile.Reports;
using Bascule.Transform.Mapping;

namespace Bascule.Jobs.Tests.Workspace.Fleet;

/// <summary>
/// The fleet page: one row per entity and fiscal year, its published run first (not the latest), its held runs, its last
/// job, also one that failed before a run existed; one language per page, tables labelled.
/// </summary>
public sealed class FleetViewTests
{
    private static readonly ClaimsPrincipal Accountant = new(new ClaimsIdentity([new Claim(ClaimTypes.Role, WorkspaceRoles.Accountant)]));

    [Fact]
    public async Task Each_entity_year_is_a_row_with_its_published_run_although_a_held_run_is_newer()
    {
        var published2022 = Run(2022, RunStatus.Published, "OK", minutes: 0);
        var superseded2023 = Run(2023, RunStatus.Superseded, "OK", minutes: 1);
        var published2023 = Run(2023, RunStatus.Published, "WARNING", minutes: 2);
        var held2023 = Run(2023, RunStatus.Held, "FAILED", minutes: 3);
        var cpas = Run(2023, RunStatus.Held, "FAILED", minutes: 4) with { EntityType = "CPAS", EntityName = "CPAS d'Etterbeek" };

        var page = await RenderAsync(FleetRows.Build([published2022, superseded2023, published2023, held2023, cpas], [], [], []));

        Assert.Equal(3, page.Split("<tr data-entity=").Length - 1);
        var commune2022 = Row(page, "COMMUNE-21005", 2022);
        Assert.Contains($"data-published=\"{published2022.Id}\"", commune2022, StringComparison.Ordinal);
        // 2023: the published run stands for the year although a held run is newer; the held run is listed beside it.
        var commune2023 = Row(page, "COMMUNE-21005", 2023);
        Assert.Contains($"data-published=\"{published2023.Id}\"", commune2023, StringComparison.Ordinal);
        Assert.Contains("<span class=\"WARNING\">WARNING</span>", commune2023, StringComparison.Ordinal);
        Assert.Contains($"href=\"/runs/{held2023.Id}\">retenue, non publiée</a>", commune2023, StringComparison.Ordinal);
        Assert.DoesNotContain(superseded2023.Id.Value, commune2023, StringComparison.Ordinal);
        // The CPAS has no 2022: no row; its 2023 has no published run, and its held run is the one whose reports are linked.
        Assert.DoesNotContain("data-entity=\"CPAS-21005\" data-year=\"2022\"", page, StringComparison.Ordinal);
        var cpas2023 = Row(page, "CPAS-21005", 2023);
        Assert.Contains("aucune publiée", cpas2023, StringComparison.Ordinal);
        Assert.Contains($"data-shown=\"{cpas.Id}\"", cpas2023, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_published_over_a_failed_reconciliation_reads_published_after_review_not_held()
    {
        // The run keeps the message it was held with; once published, that message no longer describes it.
        var overridden = Run(2023, RunStatus.Published, "FAILED", minutes: 0) with
        {
            FailureMessage = "Held, not published: reconciliation FAILED (controlTotals:ECRITURES.csv:debit).",
            Override = new PublishOverride(
                "alice",
                new DateTime(2026, 12, 3, 11, 0, 0, DateTimeKind.Utc),
                "1 EUR rounding in the legacy totals"),
        };

        var row = Row(await RenderAsync(FleetRows.Build([overridden], [], [], [])), "COMMUNE-21005", 2023);

        Assert.Contains($"data-published=\"{overridden.Id}\"", row, StringComparison.Ordinal);
        Assert.Contains("publiée après revue, malgré la réconciliation FAILED, par alice", row, StringComparison.Ordinal);
        Assert.DoesNotContain("Held, not published", row, StringComparison.Ordinal);
        Assert.DoesNotContain("retenue", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_that_failed_before_it_created_a_run_has_its_row_and_its_message()
    {
        var fleet = new FleetEntity(
            "cpas-ixelles",
            "CPAS d'Ixelles",
            EntityType.Cpas,
            "21009",
            "exports/cpas-ixelles-{year}",
            "mappings/bxl-2024/1.0.0");
        var failed = new MigrationJobState(
            "42",
            "cpas-ixelles",
            2023,
            JobState.Failed,
            new DateTime(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc),
            "cpas-ixelles 2023: the export folder was not found.");
        var unknown = new MigrationJobState("43", "commune-nowhere", 2024, JobState.Failed, null, "commune-nowhere 2024: no such folder.");

        var page = await RenderAsync(FleetRows.Build([], [failed, unknown], [], [fleet]));

        var ixelles = Row(page, "CPAS-21009", 2023);
        Assert.Contains("CPAS d&#x27;Ixelles", ixelles, StringComparison.Ordinal);
        Assert.Contains("href=\"/hangfire/jobs/details/42\">échouée</a>", ixelles, StringComparison.Ordinal);
        Assert.Contains("the export folder was not found", ixelles, StringComparison.Ordinal);
        Assert.Contains("aucune publiée", ixelles, StringComparison.Ordinal);
        // A key neither the fleet file nor any run names still shows, under its key.
        Assert.Contains("no such folder", Row(page, "commune-nowhere", 2024), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_is_in_one_language_declared_with_a_labelled_table()
    {
        var rows = FleetRows.Build([Run(2023, RunStatus.Published, "OK", minutes: 0)], [], [], []);

        var dutch = await RenderAsync(rows, ReaderLanguage.Dutch);
        var french = await RenderAsync(rows, ReaderLanguage.French);

        Assert.Contains("<html lang=\"nl\">", dutch, StringComparison.Ordinal);
        Assert.Contains("<caption>Per entiteit en boekjaar", dutch, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Boekjaar</th>", dutch, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Commune d&#x27;Etterbeek", dutch, StringComparison.Ordinal);
        Assert.DoesNotContain("Exercice", dutch, StringComparison.Ordinal);
        Assert.Contains("href=\"?lang=fr\"", dutch, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\">", french, StringComparison.Ordinal);
        Assert.DoesNotContain("Boekjaar", french, StringComparison.Ordinal);
        Assert.Contains("href=\"?lang=nl\"", french, StringComparison.Ordinal);
    }

    private static Task<string> RenderAsync(IReadOnlyList<FleetRow> rows, ReaderLanguage language = ReaderLanguage.French) =>
        Pages.RenderAsync<FleetView>(new Dictionary<string, object?>
        {
            [nameof(FleetView.Language)] = language,
            [nameof(FleetView.Rows)] = rows,
            [nameof(FleetView.Files)] = new RunFiles(Path.GetTempPath()),
            [nameof(FleetView.Reader)] = Accountant,
        });

    private static string Row(string page, string entity, int year)
    {
        var start = page.IndexOf($"<tr data-entity=\"{entity}\" data-year=\"{year}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row for {entity} {year} in:\n{page}");
        return page[start..page.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    private static RunInfo Run(int year, RunStatus status, string reconciliation, int minutes)
    {
        Assert.True(RunId.TryParse(Guid.CreateVersion7().ToString(), out var id));
        return new RunInfo(
            id, "Commune d'Etterbeek", "COMMUNE", "21005", year, status, new MappingIdentity(
                "bxl-2024",
                "1.0.0",
                new string('a', 64)), new string('f', 64),
            new DateTime(
                2026,
                12,
                3,
                10,
                minutes,
                0,
                DateTimeKind.Utc), null, "test", "test", null, null, ReconciliationStatus: reconciliation);
    }
}
