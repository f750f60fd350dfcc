using System.Text.Json;
using Bascule.TestSupport;

namespace Bascule.Reliability.Tests.Inputs;

/// <summary>
/// One folder of the bad-input corpus (<c>Corpus/&lt;case&gt;/</c>): a complete export folder and its
/// <c>expected.json</c>, the outcome the case must get (see <c>Corpus/README.md</c>).
/// </summary>
public sealed record CorpusCase(
    string Case,
    string Fault,
    string Outcome,
    ExpectedError? Error,
    Dictionary<string, ExpectedFile>? Files,
    List<ExpectedReject>? Rejects,
    List<ExpectedLabel>? Labels,
    List<string>? FailedChecks,
    List<string>? UnbalancedDocuments,
    List<string>? Injected,
    GeneratedField? Generate)
{
    public const string ExpectedFileName = "expected.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    public static string Root { get; } = RepositoryRoot.Combine("tests", "Reliability.Tests", "Corpus");

    public bool IsFileError => Outcome == "fileError";

    public string Folder => Path.Combine(Root, Case);

    public static IEnumerable<string> Names() =>
        Directory.GetDirectories(Root).Where(d => File.Exists(Path.Combine(d, ExpectedFileName))).Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!;

    public static CorpusCase Load(string name)
    {
        var loaded = JsonSerializer.Deserialize<CorpusCase>(File.ReadAllText(Path.Combine(Root, name, ExpectedFileName)), Json)
            ?? throw new InvalidDataException($"{name}/{ExpectedFileName} is empty.");
        if (loaded.Case != name || loaded.Outcome is not ("fileError" or "completed") || (loaded.IsFileError
            ? loaded.Error is null
            : loaded.Files is null))
        {
            throw new InvalidDataException(
                $"{name}/{ExpectedFileName} must name its folder and give either an error (fileError) or the files' counts (completed).");
        }

        return loaded;
    }

    /// <summary>Copies the case's export files (not expected.json) into <paramref name="folder"/>, generating the big field if the case has
    /// one.</summary>
    public void CopyTo(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Folder).Where(f => Path.GetFileName(f) is not (ExpectedFileName or ".gitattributes")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        Generate?.WriteInto(folder);
    }
}

/// <summary>A file-level fault: the exception the run must fail with (inside <c>MigrationFailedException</c>), the file it names and a
/// phrase of its message.</summary>
public sealed record ExpectedError(string Type, string File, string Message, long? Line, string? Column);

/// <summary>Where a file's records must end: read = staged + unmapped + rejected (staged: loaded into its staging table).</summary>
public sealed record ExpectedFile(long Read, long Staged, long Unmapped, long Rejected);

public sealed record ExpectedReject(string File, long Line, string? Column, string Reason);

/// <summary>A label as it must be staged, read back from the staging database by file and physical line.</summary>
public sealed record ExpectedLabel(string File, long Line, string Label);
