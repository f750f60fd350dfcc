using Bascule.Extract.Values;

namespace Bascule.Load.Runs;

/// <summary>A source file of a run: its hash, the records read, and what the control file announced for it.</summary>
public sealed record RunFile(
    string Name,
    string Sha256,
    long LinesRead,
    long? ControlLines,
    Amount? ControlDebit,
    Amount? ControlCredit);
