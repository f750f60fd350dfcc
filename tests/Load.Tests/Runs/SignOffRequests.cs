using System.Security.Cryptography;
using System.Text;
using Bascule.Load.Runs;
using Bascule.Load.Runs.SignOffs;

namespace Bascule.Load.Tests.Runs;

/// <summary>Sign-offs as a reviewer gives them, over a report whose bytes are named by the run.</summary>
internal static class SignOffRequests
{
    public static ReadReport ReportOf(RunId run) =>
        new("reconciliation.html", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"<html>report of run {run}</html>"))));

    public static SignOffRequest PublishHeld(RunId run, string reason, string by, SignOffRole role = SignOffRole.Accountant) =>
        new(new Signer(by, role, "os"), ReportOf(run), null, SignOffDecision.PublishHeld, reason);
}
