using System.Security.Cryptography;

namespace Bascule.Extract;

/// <summary>
/// SHA-256 of a file's bytes, as <c>sha256sum</c> prints it: the source files as delivered (recorded on the run), the
/// reports a sign-off names, the files of a cut-over package or an evidence pack.
/// </summary>
public static class FileHashes
{
    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(
            path,
            FileMode.Open,
            FileAccess.Read,
            FileShare.Read,
            1 << 16,
            FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    public static string Sha256(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
