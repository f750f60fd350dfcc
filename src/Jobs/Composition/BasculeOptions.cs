namespace Bascule.Jobs.Composition;

/// <summary>Setting <c>Staging:*</c>: the staging database of every command that reads or writes runs.</summary>
public sealed class StagingDatabaseOptions
{
    public const string Section = "Staging";

    /// <summary>sqlite (the embedded default), postgres or sqlserver.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>The connection string; for SQLite also a file path; empty means <c>staging.db</c> under <see
    /// cref="OutputOptions.Out"/>.</summary>
    public string Connection { get; set; } = "";
}

/// <summary>Setting <c>Out</c>: the folder of the staging file, the run reports and the cut-over packages.</summary>
public sealed class OutputOptions
{
    public const string DefaultFolder = "out";

    /// <summary>The configured folder, or null when the setting is absent.</summary>
    public string? Out { get; set; }

    /// <summary>The folder in effect: the setting, else <c>out</c> in the working folder.</summary>
    public string Root => string.IsNullOrWhiteSpace(Out) ? DefaultFolder : Out;
}

/// <summary>Setting <c>Reports:*</c>.</summary>
public sealed class ReportsOptions
{
    public const string Section = "Reports";

    /// <summary>Third parties' names and IBANs are masked in reports unless this is true.</summary>
    public bool ShowPersonalData { get; set; }
}

/// <summary>Setting <c>Jobs:*</c>: the Hangfire job storage and the fleet file.</summary>
public sealed class JobStorageOptions
{
    public const string Section = "Jobs";

    /// <summary>inmemory (inside one <c>bascule serve</c> only), postgres or sqlserver (shared).</summary>
    public string Storage { get; set; } = Hosting.JobStorages.InMemory;

    public string Connection { get; set; } = "";

    public string Fleet { get; set; } = "fleet.json";

    /// <summary>How soon a job of a <c>serve</c> process that died is taken over (see <see cref="Hosting.InvisibilityTimeout"/>); empty: 30
    /// min.</summary>
    public string InvisibilityTimeout { get; set; } = "";
}

/// <summary>Settings <c>Serve:*</c> and <c>Dashboard:*</c> of <c>bascule serve</c>.</summary>
public sealed class ServeHostOptions
{
    public const string Section = "Serve";

    public string Urls { get; set; } = Cli.ServeCommand.DefaultUrls;

    /// <summary><c>Serve:MinimumFreeMegabytes</c>: below this free space on the output folder's disk, <c>/health</c> says
    /// Unhealthy.</summary>
    public long MinimumFreeMegabytes { get; set; } = Hosting.Health.HealthEndpoint.DefaultMinimumFreeMegabytes;

    /// <summary>Host names requests may name besides loopback and the hosts of <see cref="Urls"/>, ';'-separated.</summary>
    public string AllowedHosts { get; set; } = "";

    /// <summary><c>Serve:Certificate:Path</c> and <c>:Password</c>: the .pfx of the https addresses.</summary>
    public CertificateFile Certificate { get; set; } = new();

    public sealed class CertificateFile
    {
        public string? Path { get; set; }

        public string? Password { get; set; }
    }
}

/// <summary>Setting <c>Dashboard:*</c>: who may use the pages of an exposed <c>bascule serve</c>.</summary>
public sealed class DashboardAccessOptions
{
    public const string Section = "Dashboard";

    /// <summary>User name → password (basic authentication).</summary>
    public Dictionary<string, string> Users { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Name → SHA-1 or SHA-256 thumbprint of an allowed client certificate.</summary>
    public Dictionary<string, string> Certificates { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Setting <c>Governance:*</c>, for the whole fleet (an entity of the fleet file may override each part): whether runs
/// need an approved mapping version, and the reconciliation's tolerances.
/// </summary>
public sealed class GovernanceOptions
{
    public const string Section = "Governance";

    /// <summary>An unapproved mapping version is refused before loading.</summary>
    public bool RequireApprovedMapping { get; set; }

    public ToleranceOptions Tolerances { get; set; } = new();

    public sealed class ToleranceOptions
    {
        /// <summary>At most this many unmapped ledger lines; beyond, check 9 is FAILED and the run held.</summary>
        public long? UnmappedLines { get; set; }

        /// <summary>At most this many euros unmapped, on the debit side and on the credit side.</summary>
        public decimal? UnmappedEuros { get; set; }

        /// <summary>At most this many rejected lines.</summary>
        public long? RejectedLines { get; set; }
    }
}

/// <summary>Setting <c>Cutover:*</c>.</summary>
public sealed class CutoverDefaultsOptions
{
    public const string Section = "Cutover";

    public string ResultAccount { get; set; } = Reconcile.Cutover.CutoverOptions.DefaultResultAccount;
}

/// <summary>
/// Setting <c>Access:*</c>: the roles of named users. A name is a dashboard user, the name given to a client
/// certificate (<c>Dashboard:*</c>), or, for the commands, the operating-system account that runs them. Operators run
/// and watch migrations; accountants and auditors sign reports off; <see cref="PersonalData"/> is a separate right to
/// see third parties' names and IBANs unmasked.
/// </summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    public List<string> Operators { get; set; } = [];

    public List<string> Accountants { get; set; } = [];

    public List<string> Auditors { get; set; } = [];

    public List<string> PersonalData { get; set; } = [];

    /// <summary>
    /// The role <paramref name="name"/> signs with: the one asked for if the configuration gives it, else its only
    /// signing role; null when it has none, or has both and did not choose.
    /// </summary>
    public Load.Runs.SignOffs.SignOffRole? SigningRole(string name, Load.Runs.SignOffs.SignOffRole? asked)
    {
        var accountant = Accountants.Contains(name, StringComparer.Ordinal);
        var auditor = Auditors.Contains(name, StringComparer.Ordinal);
        return asked switch
        {
            Load.Runs.SignOffs.SignOffRole.Accountant when accountant => asked,
            Load.Runs.SignOffs.SignOffRole.Auditor when auditor => asked,
            null when accountant && !auditor => Load.Runs.SignOffs.SignOffRole.Accountant,
            null when auditor && !accountant => Load.Runs.SignOffs.SignOffRole.Auditor,
            _ => null,
        };
    }
}
