namespace Bascule.Load.Runs;

/// <summary>Identifies one migration run. Version 7 GUIDs sort by creation time, so run ids list in the order runs started.</summary>
public readonly record struct RunId
{
    private RunId(string value) => Value = value;

    public string Value { get; }

    public static RunId New() => new(Guid.CreateVersion7().ToString("D"));

    public static bool TryParse(string? text, out RunId id)
    {
        id = default;
        if (!Guid.TryParseExact(text?.Trim(), "D", out var guid))
        {
            return false;
        }

        id = new RunId(guid.ToString("D"));
        return true;
    }

    /// <summary>A run id read back from the database, where only run ids are written: anything else is a fault.</summary>
    public static RunId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a run id.");

    public override string ToString() => Value;
}
