using System.Text;

namespace Bascule.Jobs.Hosting.Security;

/// <summary>
/// A value a client sent (a user name, a path), made safe for one log line: control characters escaped, so that a
/// forged value cannot start a line of its own, and cut to a length a reader can take in.
/// </summary>
public static class LogText
{
    public static string Clean(string? value, int maxLength = 80)
    {
        var text = new StringBuilder();
        foreach (var c in (value ?? "").Take(maxLength))
        {
            text.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return (value?.Length ?? 0) > maxLength ? text.Append('…').ToString() : text.ToString();
    }
}
