namespace Bascule.Pipeline;

/// <summary>Why a migration could not complete, which decides whether trying again can help.</summary>
public enum MigrationFailureKind
{
    /// <summary>
    /// The database, the disk or the network failed, or the run was stopped from outside: the same request may pass
    /// later, so a job is retried.
    /// </summary>
    Infrastructure,

    /// <summary>
    /// The export or the mapping cannot be used (a damaged or incomplete file, an unusable mapping version): the same
    /// request gives the same answer every time until someone fixes the data, so a job is not retried.
    /// </summary>
    Data,
}
