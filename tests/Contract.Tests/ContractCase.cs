using System.Text;

namespace Bascule.Contract.Tests;

/// <summary>What a case's working folder holds before <c>bascule</c> runs in it (flags combine).</summary>
[Flags]
public enum Setup
{
    /// <summary>An empty folder, no settings: the default configuration (embedded SQLite in out/).</summary>
    None = 0,

    /// <summary>The target's staging database holds a published and a superseded run of the commune sample ({published},
    /// {superseded}).</summary>
    Runs = 1,

    /// <summary>A regular file <c>blocker</c>: no folder can be created under it.</summary>
    Blocker = 2,

    /// <summary><c>export/</c>: a copy of the commune sample without EXPORT.txt.</summary>
    ExportWithoutControlFile = 4,

    /// <summary><c>export/</c>: a copy of the commune sample without TIERS.csv, which EXPORT.txt lists.</summary>
    ExportWithoutTiers = 8,

    /// <summary><c>export/</c>: a copy of the commune sample whose ECRITURES.csv stops in the middle of a line.</summary>
    ExportTruncated = 16,

    /// <summary><c>mapping/</c>: a folder without mapping.yaml.</summary>
    MappingWithoutManifest = 32,

    /// <summary><c>invalid/bxl-2024/1.0.0</c>: the shipped mapping with a rule whose target is not in the chart (and the chart in
    /// <c>invalid/charts</c>).</summary>
    InvalidMapping = 64,

    /// <summary><c>export/</c>: a copy of the commune sample whose EXPORT.txt announces one euro more ledger debit: it loads, and its
    /// reconciliation FAILS.</summary>
    ExportOneEuroMore = 128,
}

/// <summary>Where a case runs: in the default configuration, against PostgreSQL, or both.</summary>
public enum Targets
{
    Both,
    Default,
    Postgres,
}

/// <summary>The two configurations the contract runs every case in.</summary>
public enum Target
{
    /// <summary>No settings: embedded SQLite, out/ in the working folder.</summary>
    Default,

    /// <summary>BASCULE_STAGING__PROVIDER=postgres and BASCULE_STAGING__CONNECTION (with a password) in the environment.</summary>
    Postgres,
}

/// <summary>
/// One failure of one command, as a user meets it: the command line (placeholders in braces, see
/// <see cref="Workbench.Resolve"/>), what the working folder holds, the documented exit code and a distinctive fragment of
/// the message that names what is wrong and what to do (parts separated by " … " must appear in that order).
/// </summary>
public sealed record ContractCase(string CommandLine, int ExitCode, string Fragment, Setup Setup = Setup.None, Targets On = Targets.Both)
{
    /// <summary>The test's name: the command line, with the setup when there is one.</summary>
    public string Name => Setup == Setup.None ? CommandLine : $"{CommandLine} [{Setup}]";

    public bool RunsOn(Target target)
        => On == Targets.Both || (On == Targets.Default ? target == Target.Default : target == Target.Postgres);

    /// <summary>The command line split into arguments as a shell would: on spaces, double quotes keeping a value whole.</summary>
    public IReadOnlyList<string> Arguments()
    {
        var arguments = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var started = false;
        foreach (var c in CommandLine)
        {
            if (c == '"')
            {
                quoted = !quoted;
                started = true;
            }
            else if (c == ' ' && !quoted)
            {
                if (started)
                {
                    arguments.Add(current.ToString());
                    current.Clear();
                    started = false;
                }
            }
            else
            {
                current.Append(c);
                started = true;
            }
        }

        if (quoted)
        {
            throw new FormatException($"Unclosed quote in the case's command line: {CommandLine}");
        }

        if (started)
        {
            arguments.Add(current.ToString());
        }

        return arguments;
    }
}
