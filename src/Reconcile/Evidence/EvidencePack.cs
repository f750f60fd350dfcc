using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Bascule.Extract;
using Bascule.Load;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Load.Runs.SignOffs;
using Bascule.Reconcile.Mappings;
using Bascule.Reconcile.Reports;
using Bascule.Transform;
using Bascule.Transform.Manifests;

namespace Bascule.Reconcile.Evidence;

/// <summary>Where an evidence pack finds what it gathers, and who makes it.</summary>
/// <param name="ReportsRoot">The folder holding one folder of reports per run (<c>out/runs</c>).</param>
/// <param name="MappingsRoot">The mappings tree (<c>mappings</c>) holding the versions the runs used.</param>
/// <param name="Reports">How reports regenerated for the pack treat personal data.</param>
/// <param name="GeneratedBy">The user making the pack.</param>
public sealed record EvidenceOptions(string ReportsRoot, string MappingsRoot, ReportOptions Reports, string GeneratedBy);

/// <summary>The pack written, and what it holds.</summary>
public sealed record EvidencePackFile(string Path, EvidenceDocument Document, int Files);

/// <summary>
/// The evidence pack of one entity and fiscal year: one ZIP an auditor verifies offline. It holds the reports of the
/// published run and of every dress rehearsal (as written when they ran, else regenerated from the staging database), the
/// mapping version files with their hash and approval, the sign-offs, the runs' records with their fingerprints
/// recomputed, a note on how to check it, and <c>MANIFEST.sha256</c> at its root listing every other file with its
/// SHA-256, in the format <c>sha256sum -c MANIFEST.sha256</c> checks.
/// </summary>
public static class EvidencePack
{
    public const string ManifestFile = "MANIFEST.sha256";
    public const string DocumentFile = "evidence.json";
    public const string ReadMeFile = "LISEZMOI-LEESMIJ.txt";

    public static async Task<EvidencePackFile> WriteAsync(
        IStagingProvider provider, RunId run, EvidenceOptions options, string outDir, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(options);
        var all = await RunList.ReadAsync(provider, cancellationToken);
        var anchor = all.FirstOrDefault(r => r.Id == run)
            ?? throw new StagingException($"There is no run {run} in {provider.Target}: check the run id with `bascule runs`.");
        var runs = all
            .Where(r => r.InsCode == anchor.InsCode && r.EntityType == anchor.EntityType && r.FiscalYear == anchor.FiscalYear)
            .OrderBy(r => r.StartedUtc)
            .ToList();

        var generated = DateTime.UtcNow;
        var name = string.Create(
            CultureInfo
                .InvariantCulture, $"evidence-{anchor.EntityType}-{anchor.InsCode}-{anchor.FiscalYear}-{generated:yyyyMMdd'T'HHmmss'Z'}");
        Directory.CreateDirectory(outDir);
        var work = Path.Combine(outDir, $".writing-{name}");
        Directory.CreateDirectory(work);
        try
        {
            var mappings = GatherMappings(runs, options.MappingsRoot, work);
            var evidenceRuns = new List<EvidenceRun>();
            foreach (var r in runs)
            {
                evidenceRuns.Add(await GatherRunAsync(provider, r, options, work, cancellationToken));
            }

            var hashes = HashFiles(work);
            var signOffs = (await SignOffStore.ListAsync(provider, anchor.InsCode, anchor.EntityType, anchor.FiscalYear, cancellationToken))
                .Select(s => Describe(s, hashes))
                .ToList();
            var document = new EvidenceDocument(
                anchor.EntityName,
                anchor.EntityType,
                anchor.InsCode,
                anchor.FiscalYear,
                generated,
                options.GeneratedBy,
                runs.FirstOrDefault(r => r.Status == RunStatus.Published)?.Id.Value,
                evidenceRuns,
                mappings,
                signOffs);
            await File.WriteAllBytesAsync(
                Path.Combine(work, DocumentFile), JsonSerializer.SerializeToUtf8Bytes(
                    document,
                    EvidenceJsonContext.Default.EvidenceDocument), cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(work, ReadMeFile), ReadMe(document), Utf8, cancellationToken);

            // The files gathered were hashed above; only the two written since are added.
            hashes[DocumentFile] = FileHashes.Sha256(Path.Combine(work, DocumentFile));
            hashes[ReadMeFile] = FileHashes.Sha256(Path.Combine(work, ReadMeFile));
            var manifest = new StringBuilder();
            foreach (var (path, sha) in hashes.OrderBy(h => h.Key, StringComparer.Ordinal))
            {
                manifest.Append(sha).Append("  ").Append(path).Append('\n');
            }

            await File.WriteAllTextAsync(Path.Combine(work, ManifestFile), manifest.ToString(), Utf8, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();

            var zip = Path.Combine(outDir, name + ".zip");
            var pending = Path.Combine(outDir, $".writing-{name}.zip");
            ZipFile.CreateFromDirectory(work, pending, CompressionLevel.Optimal, includeBaseDirectory: false);
            File.Move(pending, zip);
            return new EvidencePackFile(zip, document, hashes.Count + 1);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
            File.Delete(Path.Combine(outDir, $".writing-{name}.zip"));
        }
    }

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static async Task<EvidenceRun> GatherRunAsync(
        IStagingProvider provider, RunInfo run, EvidenceOptions options, string work, CancellationToken cancellationToken)
    {
        var completed = run.Status is RunStatus.Published or RunStatus.Held or RunStatus.Superseded;
        var folder = $"runs/{run.Id}";
        var target = Path.Combine(work, "runs", run.Id.Value);
        string? reports = null;
        var regenerated = false;
        var written = Path.Combine(options.ReportsRoot, run.Id.Value);
        // Reports written with personal data shown go only into a pack that may show it; another pack gets them regenerated, masked.
        if (completed && File.Exists(Path.Combine(written, ReportWriter.HtmlFile))
            && (options.Reports.ShowPersonalData || !ReportWriter.ShowsPersonalData(written)))
        {
            // The reports as written when the run ran (or last regenerated): the files people read and signed.
            Directory.CreateDirectory(target);
            foreach (var file in Directory.EnumerateFiles(written).Where(f => !Path.GetFileName(f).StartsWith('.')))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }

            reports = folder;
        }
        else if (completed && run.Pruned is null)
        {
            var result = await Reconciler.ComputeAsync(provider, run.Id, (string?)null, cancellationToken);
            await ReportWriter.WriteAllAsync(result, target, options.Reports, cancellationToken);
            reports = folder;
            regenerated = true;
        }

        EvidenceFingerprint? fingerprint = null;
        if (run.Fingerprint is { } recorded)
        {
            var now = run.Pruned is null ? (await RunStore.VerifyFingerprintAsync(provider, run.Id, cancellationToken)).Recomputed : null;
            fingerprint = new EvidenceFingerprint(
                recorded,
                now,
                now is null ? null : string.Equals(now, recorded, StringComparison.Ordinal));
        }

        return new EvidenceRun(
            run.Id.Value,
            run.Status.ToCode(),
            run.StartedUtc,
            run.FinishedUtc,
            run.StartedBy,
            run.ToolVersion,
            run.Job,
            new EvidenceMappingReference(run.Mapping.Id, run.Mapping.Version, run.Mapping.Sha256, run.Approval?.By, run.Approval?.On),
            run.ReconciliationStatus,
            fingerprint,
            run.Override is { } o ? new EvidencePublication(o.By, o.Utc, o.Reason) : null,
            run.Pruned?.Utc,
            run.FailureMessage,
            reports,
            regenerated);
    }

    // Each mapping version the runs used, found in the mappings tree by its identity (id, version and SHA-256): the
    // manifest, the rules and the target chart, at their places in the tree.
    private static List<EvidenceMapping> GatherMappings(IReadOnlyList<RunInfo> runs, string mappingsRoot, string work)
    {
        var mappings = new List<EvidenceMapping>();
        foreach (var used in runs.Select(r => r.Mapping).Distinct())
        {
            var version = RunMappingFolder.Find(mappingsRoot, used.Id, used.Version, used.Sha256).Version
                ?? throw new EvidenceIncompleteException(
                    $"The mapping {used.Id} {used.Version} (SHA-256 {used.Sha256}) that a run of this entity and year used is not " +
                    $"under {Path.GetFullPath(mappingsRoot)}: an evidence pack without it would not prove which mapping produced the "
                        + $"figures. " +
                    "Give the mappings folder that holds it with --mappings. Nothing was written.");
            var root = Path.GetFullPath(mappingsRoot);
            var files = new List<string>();
            foreach (var file in new[] { version.ManifestPath, version.RulesPath, version.ChartPath }.Distinct())
            {
                var relative = "mappings/" + Path.GetRelativePath(root, file).Replace('\\', '/');
                var destination = Path.Combine(work, relative);
                if (!File.Exists(destination))
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                    File.Copy(file, destination);
                }

                files.Add(relative);
            }

            var approval = version.Approval;
            mappings.Add(new EvidenceMapping(used.Id, used.Version, used.Sha256, approval?.By, approval?.On, files));
        }

        return mappings;
    }

    private static Dictionary<string, string> HashFiles(string work)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(work, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(work, file).Replace('\\', '/');
            if (relative == ManifestFile)
            {
                continue;
            }

            hashes[relative] = FileHashes.Sha256(file);
        }

        return hashes;
    }

    private static EvidenceSignOff Describe(SignOff s, IReadOnlyDictionary<string, string> hashes) => new(
        s.Id,
        s.Run.Value,
        s.SignedUtc,
        s.Signer.Name,
        s.Signer.Role.ToCode(),
        s.Signer.AuthenticatedBy,
        s.Fingerprint,
        s.Report.Name,
        s.Report.Sha256,
        s.Reconciliation,
        s.Decision.ToCode(),
        s.Comment,
        hashes.Where(h => h.Value == s.Report.Sha256 && h.Key.StartsWith($"runs/{s.Run}/", StringComparison.Ordinal)).Select(h => h.Key)
            .Order(StringComparer.Ordinal)
            .FirstOrDefault());

    private static string ReadMe(EvidenceDocument d)
    {
        var published = d.PublishedRun ?? "aucune / geen";
        var unmatched = d.SignOffs.Count(s => s.ReportInPack is null);
        var signOffsFr = string.Create(CultureInfo.InvariantCulture, $"{d.SignOffs.Count}")
            + (unmatched > 0
                ? string.Create(CultureInfo.InvariantCulture, $" (dont {unmatched} dont le rapport signé n'est plus dans ce dossier)")
                : "");
        var signOffsNl = string.Create(CultureInfo.InvariantCulture, $"{d.SignOffs.Count}")
            + (unmatched > 0
                ? string.Create(
                    CultureInfo.InvariantCulture, $" (waarvan {unmatched} waarvan het getekende rapport niet meer in dit dossier zit)")
                : "");
        return string.Create(CultureInfo.InvariantCulture, $"""
            Dossier de preuves / Bewijsdossier — {d.Entity} ({d.EntityType} {d.InsCode}), exercice / boekjaar {d.FiscalYear}
            Constitué le / Samengesteld op {d.GeneratedUtc:yyyy-MM-dd HH:mm} UTC par / door {d.GeneratedBy}

            FR
            Exécutions : {d.Runs.Count} (publiée : {published}). Versions de mapping : {d.Mappings.Count}. Signatures : {signOffsFr}.
            1. Vérifier l'intégrité du dossier : dans ce dossier, `sha256sum -c {ManifestFile}` (chaque ligne doit dire OK).
            2. {DocumentFile} décrit chaque exécution (empreinte enregistrée et recalculée à la constitution du dossier),
               chaque version de mapping (SHA-256, approbation) et chaque signature (SHA-256 du rapport lu).
            3. Pour prouver que la base de staging contient toujours les mêmes lignes : `bascule verify --run RUN_ID`
               doit redonner l'empreinte de {DocumentFile}.

            NL
            Uitvoeringen: {d.Runs.Count} (gepubliceerd: {published}). Mappingversies: {d.Mappings.Count}. Handtekeningen: {signOffsNl}.
            1. De integriteit van het dossier controleren: in deze map, `sha256sum -c {ManifestFile}` (elke lijn moet OK zeggen).
            2. {DocumentFile} beschrijft elke uitvoering (vingerafdruk zoals opgeslagen en herberekend bij het samenstellen),
               elke mappingversie (SHA-256, goedkeuring) en elke handtekening (SHA-256 van het gelezen rapport).
            3. Om te bewijzen dat de stagingdatabank nog dezelfde lijnen bevat: `bascule verify --run RUN_ID`
               moet de vingerafdruk van {DocumentFile} teruggeven.

            """);
    }
}

/// <summary>An evidence pack that would leave out something it must hold: nothing is written.</summary>
public sealed class EvidenceIncompleteException(string message) : Exception(message);
