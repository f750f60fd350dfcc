namespace Bascule.Extract.Records;

/// <summary>Stable reason codes for rejected lines; reports and tests rely on these names.</summary>
public enum RejectReason
{
    WrongColumnCount,
    BadAmount,
    BadDate,
    BadAccount,
    BadArticle,
    BadService,
    BadFiscalYear,
    OtherFiscalYear,
    DuplicateLine,
    UnbalancedDocument,
    BadValue,
}
