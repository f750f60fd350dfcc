namespace Bascule.Transform.Suggestions;

/// <summary>One label the export gives about a combination: where it comes from, its text, and its words.</summary>
public sealed record LegacyLabel(string Source, string Text, IReadOnlySet<string> Words);
