using Bascule.Load.Runs;
using Bascule.Reconcile.Mappings;
using Bascule.Reconcile.Staging;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bascule.Jobs.Workspace.Mapping;

/// <summary>
/// <c>GET /runs/{run}/mapping</c>: the mapping version the run used (<see cref="MappingView"/>), for any reader of the
/// workspace. The version's folder is looked for under <c>serve</c>'s mappings folder by the run's recorded SHA-256, as
/// the evidence pack finds it; the euros per rule come from the run's staged lines.
/// </summary>
internal static class MappingPage
{
    public static async Task<IResult> ShowAsync(
        WorkspaceSources sources,
        HttpContext context,
        string run,
        CancellationToken cancellationToken)
    {
        var language = ReaderLanguages.Of(context);
        if (await sources.FindRunAsync(run, cancellationToken) is not { } info)
        {
            return Results.Text(
                WorkspaceTexts.NoSuchRun.In(language),
                "text/plain; charset=utf-8",
                statusCode: StatusCodes.Status404NotFound);
        }

        var folder = RunMappingFolder.Find(sources.MappingsRoot, info.Mapping.Id, info.Mapping.Version, info.Mapping.Sha256);
        var totals = await RuleTotals.ReadAsync(sources.Staging, info.Id, cancellationToken);
        return new RazorComponentResult<MappingView>(new Dictionary<string, object?>
        {
            [nameof(MappingView.Language)] = language,
            [nameof(MappingView.Run)] = info,
            [nameof(MappingView.Folder)] = folder,
            [nameof(MappingView.Uses)] = RuleUses.Of(folder.Version?.Rules, totals),
        });
    }
}
