using System.IO.Compression;
using System.Text;

namespace Bascule.Reliability.Tests.Security;

/// <summary>
/// Looks for secrets in text a user or an auditor can see. Console output is wrapped at the terminal width, so text is
/// also compared with all white space removed; zip containers (the Excel report) are searched entry by entry, and any
/// other file as UTF-8 and as Latin-1 bytes, so a secret in a database file or a binary is found as well.
/// </summary>
public sealed class Leaks(params string[] secrets)
{
    private readonly string[] _secrets = secrets.Where(s => s.Length > 0).ToArray();
    private readonly List<string> _found = [];

    /// <summary>Places searched (outputs, files, entries, tables), to prove the scan saw something.</summary>
    public List<string> Searched { get; } = [];

    public IReadOnlyList<string> Found => _found;

    public void InText(string where, string text)
    {
        Searched.Add(where);
        var squeezed = Squeeze(text);
        foreach (var secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal) || squeezed.Contains(Squeeze(secret), StringComparison.Ordinal))
            {
                _found.Add($"{where} contains '{Describe(secret)}'");
            }
        }
    }

    public void InRun(CliRun run)
    {
        var name = string.Join(' ', run.Arguments.Take(1));
        InText($"stdout of bascule {name}", run.StandardOutput);
        InText($"stderr of bascule {name}", run.StandardError);
    }

    /// <summary>Every file under the folder, recursively.</summary>
    public void InFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            InFile(file);
        }
    }

    public void InFile(string file)
    {
        var bytes = File.ReadAllBytes(file);
        if (bytes is [(byte)'P', (byte)'K', 3, 4, ..])
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            foreach (var entry in zip.Entries.Where(e => e.Length > 0))
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                InText($"{file}!{entry.FullName}", reader.ReadToEnd());
            }

            return;
        }

        InText(file, Encoding.UTF8.GetString(bytes) + "\n" + Encoding.Latin1.GetString(bytes));
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    // A finding names the secret by its start only: the test output is a log too.
    private static string Describe(string secret) => secret.Length <= 8 ? "***" : secret[..6] + "…";
}
