namespace Bascule.Load.Rows;

/// <summary>The value kinds a staging column holds; each provider maps them to its own exact types.</summary>
public enum ColumnKind
{
    Text,

    /// <summary>A 32-bit whole number: fiscal year, batch, part.</summary>
    Number,

    /// <summary>A 64-bit whole number: record and line numbers.</summary>
    BigNumber,

    Amount,

    Day,
}
