namespace Bascule.Transform.Validation;

/// <summary>An approved version whose content no longer matches the approved hash has been altered since.</summary>
internal static class ApprovalCheck
{
    public static IEnumerable<MappingFinding> Run(MappingVersion version)
    {
        var approval = version.Manifest.Approval;
        if (approval is null)
        {
            yield return new MappingFinding(FindingSeverity.Info, "NOT_APPROVED", null, version.ManifestPath, 1,
                $"version {version.Identity.Version} has no approval block yet; once reviewed, run bascule mapping approve.");
        }
        else if (approval.Sha256 != version.Identity.Sha256)
        {
            yield return new MappingFinding(FindingSeverity.Error, "ALTERED", null, version.ManifestPath, approval.Line,
                $"the content no longer matches the hash approved by {approval.By} on {approval.On:yyyy-MM-dd} ({approval.Sha256}, now "
                    + $"{version.Identity.Sha256}); "
                + "an approved folder is never edited: restore it, or make the change in a new version and have it approved.");
        }
    }
}
