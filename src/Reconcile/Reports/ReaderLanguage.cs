namespace Bascule.Reconcile.Reports;

/// <summary>
/// The language a reader sees: a report file shows French and Dutch side by side (Brussels is bilingual, and a file is
/// read by whoever opens it); a page of <c>bascule serve</c> shows the one language its reader chose.
/// </summary>
public enum ReaderLanguage
{
    Both,
    French,
    Dutch,
}

/// <summary>A text for readers, in French and in Dutch.</summary>
public readonly record struct Bilingual(string French, string Dutch)
{
    /// <summary>The text in <paramref name="language"/>; for <see cref="ReaderLanguage.Both"/>, French then Dutch.</summary>
    public string In(ReaderLanguage language) => language switch
    {
        ReaderLanguage.French => French,
        ReaderLanguage.Dutch => Dutch,
        _ => French == Dutch ? French : $"{French} / {Dutch}",
    };

    /// <summary>The BCP 47 tag of <paramref name="language"/>'s text, for a <c>lang</c> attribute.</summary>
    public static string Tag(ReaderLanguage language) => language == ReaderLanguage.Dutch ? "nl" : "fr";
}
