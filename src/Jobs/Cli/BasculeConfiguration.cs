using Microsoft.Extensions.Configuration;

namespace Bascule.Jobs.Cli;

/// <summary>
/// Configuration the .NET way, later sources winning: <c>appsettings.json</c> beside the program,
/// then <c>appsettings.json</c> in the working folder, then environment variables <c>BASCULE_…</c>
/// (<c>BASCULE_STAGING__PROVIDER=postgres</c>), then the command's own options.
/// </summary>
public static class BasculeConfiguration
{
    public const string EnvironmentPrefix = "BASCULE_";

    public static IConfigurationRoot Build() =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Environment.CurrentDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables(EnvironmentPrefix)
            .Build();

    /// <summary>The command-line value when given, else the configured one, else the default.</summary>
    public static string Resolve(string? option, string key, string fallback) =>
        !string.IsNullOrWhiteSpace(option) ? option : Build()[key] is { Length: > 0 } configured ? configured : fallback;

    /// <summary>Setting <c>Reports:ShowPersonalData</c>: third parties' names and IBANs are masked in reports unless it is true.</summary>
    public static bool ShowPersonalData() => bool.TryParse(Build()["Reports:ShowPersonalData"], out var show) && show;
}
