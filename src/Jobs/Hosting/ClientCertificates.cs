using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication.Certificate;

namespace Bascule.Jobs.Hosting;

/// <summary>
/// The client certificates allowed on an exposed <c>bascule serve</c>, by name: setting
/// <c>Dashboard:Certificates:&lt;name&gt; = &lt;thumbprint&gt;</c>, the SHA-1 thumbprint Windows shows or the SHA-256
/// fingerprint <c>openssl x509 -fingerprint -sha256</c> prints (colons, spaces and case do not matter). The list is the
/// whole authorization: a certificate is let in when its thumbprint is listed, and revoked by removing it.
/// </summary>
public sealed class ClientCertificates
{
    public static readonly ClientCertificates None = new(new Dictionary<string, string>());

    private readonly Dictionary<string, string> _names;

    public ClientCertificates(IReadOnlyDictionary<string, string> thumbprints)
    {
        _names = thumbprints
            .Where(p => !string.IsNullOrWhiteSpace(p.Value))
            .ToDictionary(p => Normalize(p.Value), p => p.Key, StringComparer.Ordinal);
    }

    public bool IsConfigured => _names.Count > 0;

    /// <summary>The configured name of <paramref name="certificate"/>, or null when it is not allowed.</summary>
    public string? NameOf(X509Certificate2 certificate) =>
        _names.TryGetValue(certificate.Thumbprint.ToUpperInvariant(), out var name) ? name
        : _names.TryGetValue(certificate.GetCertHashString(HashAlgorithmName.SHA256).ToUpperInvariant(), out name) ? name
        : null;

    /// <summary>
    /// Certificate authentication over the list: self-signed certificates or ones of the organisation's CA (trusted by
    /// this machine), still within their validity period and made for client authentication, whose thumbprint is listed.
    /// </summary>
    public void Configure(CertificateAuthenticationOptions options)
    {
        options.AllowedCertificateTypes = CertificateTypes.All;
        // Offline sites cannot reach a CA's revocation list; the configured list is the revocation.
        options.RevocationMode = X509RevocationMode.NoCheck;
        options.Events = new CertificateAuthenticationEvents
        {
            OnCertificateValidated = context =>
            {
                if (NameOf(context.ClientCertificate) is { } name)
                {
                    context.Principal = new ClaimsPrincipal(Workspace.WorkspaceRoles.SignedIn(name, "certificate"));
                    context.Success();
                }
                else
                {
                    context.Fail("The client certificate is not listed under Dashboard:Certificates.");
                }

                return Task.CompletedTask;
            },
        };
    }

    private static string Normalize(string thumbprint) =>
        new string(thumbprint.Where(char.IsAsciiHexDigit).ToArray()).ToUpperInvariant();
}
