using Bascule.Reconcile.Reports;

namespace Bascule.Jobs.Workspace.Runs;

/// <summary>
/// What a sign-off or publish form came to, shown on the run's page: <paramref name="Text"/> in both languages, and for a
/// refusal the technical <paramref name="Detail"/> (English, for IT staff) and the <paramref name="Comment"/> typed.
/// </summary>
public sealed record ActionOutcome(bool Refused, bool Publish, Bilingual Text, string? Detail = null, string? Comment = null)
{
    public static ActionOutcome Refusal(bool publish, Bilingual why, string? comment, string? detail = null) =>
        new(
            true,
            publish,
            new Bilingual($"{WorkspaceTexts.Refused.French} : {why.French}", $"{WorkspaceTexts.Refused.Dutch}: {why.Dutch}"),
            detail,
            comment);
}
