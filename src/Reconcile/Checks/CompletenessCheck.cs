using Bascule.Reconcile.Model;

namespace Bascule.Reconcile.Checks;

/// <summary>
/// Check 1: every record read ends in exactly one of staged, unmapped or rejected, and as many were read as the
/// control file announced. With the export folder, each file is also the very file the run read (same SHA-256).
/// </summary>
internal static class CompletenessCheck
{
    public static IReadOnlyList<SourceFileResult> Run(CheckContext context)
    {
        var snapshot = context.Snapshot;
        var count = snapshot.RowsPerFile.GroupBy(r => (r.Kind, r.File)).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        var recorded = snapshot.Files.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var names = recorded.Keys.Concat(snapshot.RowsPerFile.Select(r => r.File)).Distinct().Order(StringComparer.Ordinal);
        var results = new List<SourceFileResult>();
        foreach (var name in names)
        {
            var staged = count.GetValueOrDefault(("staged", name));
            var unmapped = count.GetValueOrDefault(("unmapped", name));
            var rejected = count.GetValueOrDefault(("rejected", name));
            var amounts = Amounts(context, name);
            if (!recorded.TryGetValue(name, out var file))
            {
                // Rows without their file record: the run's account of what it read is gone.
                context.Add(CheckResult.Compare(
                    CheckId.Completeness,
                    $"completeness:{name}:recorded",
                    staged + unmapped + rejected,
                    0,
                    Verdict.Failed,
                    Units.Lines,
                    new(TopicKind.FileNotRecorded) { File = name }));
                results.Add(new SourceFileResult(name, "", 0, staged, unmapped, rejected, amounts, null, null, null));
                continue;
            }

            var result = new SourceFileResult(
                name,
                file.Sha256,
                file.LinesRead,
                staged,
                unmapped,
                rejected,
                amounts,
                file.ControlLines,
                file.ControlDebit,
                file.ControlCredit);
            results.Add(result);
            context.Add(CheckResult.Compare(
                CheckId.Completeness,
                $"completeness:{name}:read",
                file.LinesRead,
                result.Accounted,
                Verdict.Failed,
                Units.Lines,
                new(TopicKind.FileLinesAccounted) { File = name }));
            if (file.ControlLines is { } control)
            {
                context.Add(CheckResult.Compare(
                    CheckId.Completeness,
                    $"completeness:{name}:control",
                    control,
                    file.LinesRead,
                    Verdict.Failed,
                    Units.Lines,
                    new(TopicKind.FileControlLines) { File = name }));
            }

            if (context.SourceHashes is { } hashes)
            {
                var same = hashes.TryGetValue(name, out var hash) && string.Equals(hash, file.Sha256, StringComparison.OrdinalIgnoreCase);
                context.Add(CheckResult.Compare(
                    CheckId.Completeness,
                    $"completeness:{name}:sha256",
                    1,
                    same ? 1 : 0,
                    Verdict.Failed,
                    Units.Files,
                    new(TopicKind.FileHash) { File = name }));
            }
        }

        return results;
    }

    // Accepted amounts of a file, from the database: the ledger's source amounts (staged once per record, plus unmapped), the trial
    // balance's opening + movements.
    private static DebitCredit? Amounts(CheckContext context, string name)
    {
        var snapshot = context.Snapshot;
        if (snapshot.BalanceFileTotals.TryGetValue(name, out var balance))
        {
            return balance;
        }

        if (!context.LedgerFiles.Contains(name))
        {
            return null;
        }

        var staged = snapshot.StagedSource.Where(s => s.File == name).Select(s => s.Amounts);
        var unmapped = snapshot.Unmapped.Where(u => u.File == name).Select(u => u.Amounts);
        return DebitCredit.Sum(staged.Concat(unmapped));
    }
}
