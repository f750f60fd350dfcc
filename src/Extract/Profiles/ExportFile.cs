namespace Bascule.Extract.Profiles;

/// <summary>The data files of an export (the control file <c>EXPORT.txt</c> aside).</summary>
public enum ExportFile
{
    Ledger,
    Balance,
    Articles,
    ThirdParties,
    Commitments,
}
