using Bascule.Extract.Profiles;

namespace Bascule.Extract;

/// <summary>
/// One data file as <see cref="LegacyExport.VerifyRecordCounts"/> found it: its records counted and its bytes hashed in
/// the same pass, so that the count a run records is the count of the very file whose SHA-256 it records.
/// </summary>
public sealed record CountedFile(ExportFile File, string Name, long Records, string Sha256);
