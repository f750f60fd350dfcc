using System.Globalization;
using Bascule.Transform.Mapping;

namespace Bascule.Reconcile.Reports.Json;

/// <summary>
/// The mapping version a run used: id, version, the SHA-256 of its content, and its approval when the run started (null:
/// not approved, which every output of the run says).
/// </summary>
public sealed record MappingDocument(string Id, string Version, string Sha256, ApprovalDocument? Approval)
{
    public static MappingDocument From(MappingIdentity mapping, MappingApproval? approval)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        return new(
            mapping.Id,
            mapping.Version,
            mapping.Sha256,
            approval is null ? null : new ApprovalDocument(approval.By, approval.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }
}

/// <summary>Who approved the mapping version and on which day (<c>yyyy-MM-dd</c>).</summary>
public sealed record ApprovalDocument(string By, string On);
