namespace Bascule.Extract.Records;

/// <summary>What a reader yields for each data record: the typed record, or the reason it was rejected.</summary>
public readonly record struct Parsed<T>(T? Value, Rejected? Rejected)
    where T : class
{
    public bool IsRejected => Rejected is not null;

    public static Parsed<T> Ok(T value) => new(value, null);

    public static Parsed<T> Reject(Rejected rejected) => new(null, rejected);
}
