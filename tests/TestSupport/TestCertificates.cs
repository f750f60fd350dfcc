using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Bascule.TestSupport;

/// <summary>Self-signed certificates with their private keys, for tests of TLS and client-certificate authentication.</summary>
public static class TestCertificates
{
    public const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
    public const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    /// <summary>A certificate for <paramref name="usage"/> (server or client authentication); a server one also names 127.0.0.1.</summary>
    public static X509Certificate2 Create(string subject, string usage, bool withIpAddress = false)
    {
        // Elliptic-curve keys: made in milliseconds, where RSA keys take seconds on a busy machine.
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], critical: false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: false));
        if (withIpAddress)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
        }

        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // Through PKCS#12, so the private key is usable by TLS on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>The SHA-256 fingerprint as <c>openssl x509 -fingerprint -sha256</c> prints it (colons, upper case).</summary>
    public static string OpensslFingerprint(X509Certificate2 certificate) =>
        string.Join(':', Convert.FromHexString(certificate.GetCertHashString(HashAlgorithmName.SHA256))
            .Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
}
