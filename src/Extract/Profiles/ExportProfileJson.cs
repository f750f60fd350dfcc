using System.Text.Json;
using Bascule.Extract.Encodings;
using Bascule.Extract.Values;

namespace Bascule.Extract.Profiles;

/// <summary>The JSON form of an export profile; every setting is optional and falls back to the spec's default.</summary>
internal static class ExportProfileJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static ExportProfile Load(string path)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new ExportFileException(
                name,
                null,
                null,
                $"the export profile {path} does not exist. Give the path of a profile file (see profiles/ in the repository).");
        }

        ProfileDto dto;
        try
        {
            dto = JsonSerializer.Deserialize<ProfileDto>(File.ReadAllText(path), Options)
                ?? throw new ExportFileException(name, 1, null, "the export profile is empty. Start from profiles/default.json.");
        }
        catch (JsonException e)
        {
            throw new ExportFileException(
                name,
                (e.LineNumber ?? 0) + 1,
                null,
                $"the export profile is not valid JSON for a profile: {e.Message} Fix it; profiles/default.json shows every setting.");
        }

        return ToProfile(dto, name);
    }

    private static ExportProfile ToProfile(ProfileDto dto, string file)
    {
        var defaults = ExportProfile.Default;
        var delimiter = dto.Delimiter is null ? defaults.Delimiter
            : dto.Delimiter.Length == 1 ? dto.Delimiter[0]
            : throw Fault(file, $"delimiter \"{dto.Delimiter}\" must be one character, e.g. \";\".");
        var encoding = dto.Encoding is null or "detect" ? null
            : ExportEncoding.FromName(dto.Encoding)
                ?? throw Fault(file, $"encoding \"{dto.Encoding}\" is unknown: use \"windows-1252\", \"utf-8\" or \"detect\".");
        var amounts = dto.Amounts is null ? defaults.Amounts : new AmountNotation(
            Single(dto.Amounts.DecimalSeparator ?? ",", ',', file, "amounts.decimalSeparator"),
            dto.Amounts.GroupSeparator is null
                ? null
                : dto.Amounts.GroupSeparator.Length == 0 ? null : Single(dto.Amounts.GroupSeparator, '.', file, "amounts.groupSeparator"),
            dto.Amounts.TrailingMinus ?? true);
        var files = new Dictionary<ExportFile, FileLayout>();
        foreach (var (key, layout) in dto.Files ?? [])
        {
            var kind = Enum.GetValues<ExportFile>()
                .FirstOrDefault(f => FileSchema.Key(f).Equals(key, StringComparison.OrdinalIgnoreCase), (ExportFile)(-1));
            if (kind == (ExportFile)(-1))
            {
                throw Fault(file, $"files.{key} is not a file of an export: use ECRITURES, BALANCE, ARTICLES, TIERS or ENGAGEMENTS.");
            }

            files[kind] = ToLayout(kind, layout, file);
        }

        return new ExportProfile(
            dto.Name ?? Path.GetFileNameWithoutExtension(file),
            delimiter,
            encoding,
            amounts,
            dto.DateFormat ?? defaults.DateFormat,
            files);
    }

    private static FileLayout ToLayout(ExportFile kind, FileDto dto, string file)
    {
        var defaults = FileLayout.Default(kind);
        var debitCredit = dto.DebitCredit is null ? DebitCreditLayout.TwoColumns : dto.DebitCredit.Layout switch
        {
            null or "twoColumns" => DebitCreditLayout.TwoColumns,
            "amountAndSide" => new DebitCreditLayout(
                DebitCreditKind.AmountAndSide,
                dto.DebitCredit.DebitCode ?? "D",
                dto.DebitCredit.CreditCode ?? "C"),
            var other => throw Fault(file, $"debitCredit.layout \"{other}\" is unknown: use \"twoColumns\" or \"amountAndSide\"."),
        };
        if (kind != ExportFile.Ledger && debitCredit.Kind != DebitCreditKind.TwoColumns)
        {
            throw Fault(file, $"debitCredit applies to ECRITURES only, not to {FileSchema.Key(kind)}.");
        }

        var fields = FileSchema.Fields(kind, debitCredit);
        var headers = (dto.Headers ?? []).ToDictionary(
            pair => pair.Key.Trim().ToUpperInvariant(),
            pair => (IReadOnlyList<string>)pair.Value,
            StringComparer.OrdinalIgnoreCase);
        foreach (var field in headers.Keys.Concat(dto.ColumnOrder?.Where(c => c.Length > 0) ?? []))
        {
            if (!fields.Contains(field, StringComparer.OrdinalIgnoreCase))
            {
                throw Fault(
                    file,
                    $"{FileSchema.Key(kind)}: \"{field}\" is not a field of this file; the fields are {string.Join(", ", fields)}.");
            }
        }

        return new FileLayout(
            dto.FileName ?? defaults.FileName,
            dto.HasHeader ?? (dto.ColumnOrder is null),
            headers,
            dto.ColumnOrder?.Select(c => c.Trim().ToUpperInvariant()).ToList(),
            dto.IgnoredColumns ?? [],
            debitCredit);
    }

    private static char Single(string text, char fallback, string file, string setting) =>
        text.Length == 0 ? fallback : text.Length == 1 ? text[0] : throw Fault(file, $"{setting} \"{text}\" must be one character.");

    private static ExportFileException Fault(string file, string message) =>
        new(file, null, null, message + " Fix the export profile.");

    private sealed record ProfileDto(
        string? Name,
        string? Description,
        string? Delimiter,
        string? Encoding,
        AmountsDto? Amounts,
        string? DateFormat,
        Dictionary<string, FileDto>? Files);

    private sealed record AmountsDto(string? DecimalSeparator, string? GroupSeparator, bool? TrailingMinus);

    private sealed record FileDto(
        string? FileName,
        bool? HasHeader,
        Dictionary<string, List<string>>? Headers,
        List<string>? ColumnOrder,
        List<string>? IgnoredColumns,
        DebitCreditDto? DebitCredit);

    private sealed record DebitCreditDto(string? Layout, string? DebitCode, string? CreditCode);
}
