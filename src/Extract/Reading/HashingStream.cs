using System.Security.Cryptography;

namespace Bascule.Extract.Reading;

/// <summary>
/// A file read forwards only, whose SHA-256 is taken from the very bytes the reader consumed: a count or a load that
/// reads through it states which file it read, without a pass of its own, and a file that changes between two such
/// reads gives two different hashes.
/// </summary>
internal sealed class HashingStream(Stream inner) : Stream
{
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        _sha256.AppendData(buffer[..read]);
        return read;
    }

    /// <summary>
    /// Reads what the reader left (nothing once it met the end of the file) and returns the SHA-256 of the whole file, as
    /// <c>sha256sum</c> prints it.
    /// </summary>
    public string Finish()
    {
        Span<byte> rest = stackalloc byte[4096];
        var read = 1;
        while (read > 0)
        {
            read = Read(rest);
        }

        return Convert.ToHexStringLower(_sha256.GetHashAndReset());
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            _sha256.Dispose();
        }

        base.Dispose(disposing);
    }
}
