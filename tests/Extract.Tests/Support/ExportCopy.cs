using System.Text;
using Bascule.Extract.Encodings;
using Bascule.TestSupport;

namespace Bascule.Extract.Tests.Support;

/// <summary>A throwaway copy of one of the hand-made exports under Files/, for tests that damage one file.</summary>
internal sealed class ExportCopy : IDisposable
{
    public const string LedgerHeader
        = "EXERCICE;JOURNAL;NUM_PIECE;NUM_LIGNE;DATE_COMPTABLE;COMPTE_GENERAL;ARTICLE_BUDGETAIRE;SERVICE;TIERS;LIBELLE;DEBIT;CREDIT";

    private readonly TempDirectory _directory = new();

    public ExportCopy(string source = "valid-export")
    {
        foreach (var file in Directory.GetFiles(Source(source)))
        {
            File.Copy(file, _directory.Combine(System.IO.Path.GetFileName(file)));
        }
    }

    public string Path => _directory.Path;

    public static string Source(params string[] parts) => RepositoryRoot.Combine(["tests", "Extract.Tests", "Files", .. parts]);

    public string Combine(string name) => _directory.Combine(name);

    public void WriteBytes(string name, byte[] bytes) => File.WriteAllBytes(Combine(name), bytes);

    public void Write(string name, string text, Encoding? encoding = null)
        => WriteBytes(name, (encoding ?? ExportEncoding.Windows1252).GetBytes(text));

    /// <summary>Replaces the ledger with the given text and sets its FICHIER line to the given count, without totals.</summary>
    public void WriteLedger(string text, long lines, Encoding? encoding = null)
    {
        Write("ECRITURES.csv", text, encoding);
        SetControlLine("ECRITURES.csv", $"FICHIER=ECRITURES.csv;LIGNES={lines}");
    }

    public void SetControlLine(string file, string line)
    {
        var control = File.ReadAllLines(Combine("EXPORT.txt"), ExportEncoding.Windows1252)
            .Select(existing => existing.StartsWith("FICHIER=" + file + ";", StringComparison.Ordinal) ? line : existing);
        File.WriteAllText(Combine("EXPORT.txt"), string.Join("\r\n", control) + "\r\n", ExportEncoding.Windows1252);
    }

    public void Dispose() => _directory.Dispose();
}
