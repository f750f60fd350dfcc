namespace Bascule.Transform.Validation;

/// <summary>
/// A split's parts all carry a suffix, match exactly the same lines, and their shares sum to exactly 100;
/// a rule that is not split has share 100.
/// </summary>
internal static class SplitCheck
{
    public static IEnumerable<MappingFinding> Run(MappingVersion version)
    {
        foreach (var group in version.Groups)
        {
            var first = group.First;
            if (group.IsSplit)
            {
                foreach (var part in group.Parts.Where(p => p.Id == group.BaseId))
                {
                    yield return new MappingFinding(FindingSeverity.Error, "SPLIT_PART_ID", part.Id, version.RulesPath, part.Line,
                        $"rule {part.Id} shares its id with the split parts {group.BaseId}.*; give it a suffix ({group.BaseId}.a) or "
                            + $"another id.");
                }

                foreach (var part in group.Parts.Skip(1).Where(p => p.SourceText != first.SourceText))
                {
                    yield return new MappingFinding(FindingSeverity.Error, "SPLIT_SOURCE_MISMATCH", part.Id, version.RulesPath, part.Line,
                        $"split part {part.Id} matches {part.SourceText} but {first.Id} (line {first.Line}) matches {first.SourceText}; "
                            + $"the parts of a split take the same entity type, years, account and article.");
                }
            }

            var total = group.Parts.Sum(p => p.Share);
            if (total != 100m)
            {
                yield return new MappingFinding(FindingSeverity.Error, "SPLIT_NOT_100", first.Id, version.RulesPath, first.Line,
                    group.IsSplit
                        ? $"the parts of split {group.BaseId} ({string.Join(", ", group.Parts.Select(p => $"{p.Id} {p.Share}"))}) sum to "
                            + $"{total}, not 100; correct the shares."
                        : $"rule {first.Id} has share {first.Share} but is not split; a rule alone takes 100 (leave SHARE empty).");
            }
        }
    }
}
