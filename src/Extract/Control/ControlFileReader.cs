using System.Globalization;
using Bascule.Extract.Encodings;
using Bascule.Extract.Values;

namespace Bascule.Extract.Control;

/// <summary>Reads and validates <c>EXPORT.txt</c>; any fault is an <see cref="ExportFileException"/> naming the line.</summary>
internal static class ControlFileReader
{
    private static readonly string[] RequiredKeys = ["LOGICIEL", "ENTITE", "TYPE_ENTITE", "CODE_INS", "EXERCICE", "DATE_EXPORT"];

    public static ControlFile Read(string path, AmountNotation notation, System.Text.Encoding? pinned)
    {
        const string name = ControlFile.FileName;
        if (!File.Exists(path))
        {
            throw new ExportFileException(name, null, null,
                $"the control file is missing from {Path.GetDirectoryName(path)}. Every export folder holds an EXPORT.txt written by the "
                    + $"legacy software: export again, completely.");
        }

        var encoding = EncodingDetector.Detect(path, pinned).Encoding;
        var values = new Dictionary<string, (string Value, int Line)>(StringComparer.OrdinalIgnoreCase);
        var files = new List<ControlFileEntry>();
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path, encoding))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw Fault(lineNumber, $"\"{line}\" is not a KEY=VALUE line.");
            }

            var key = line[..equals].Trim().ToUpperInvariant();
            if (key == "FICHIER")
            {
                files.Add(ParseFileLine(line, lineNumber, notation, files));
            }
            else if (!values.TryAdd(key, (line[(equals + 1)..].Trim(), lineNumber)))
            {
                throw Fault(lineNumber, $"{key} is given twice (first on line {values[key].Line}).");
            }
        }

        foreach (var key in RequiredKeys)
        {
            if (!values.ContainsKey(key))
            {
                throw new ExportFileException(
                    name,
                    null,
                    key,
                    $"the control file has no {key}= line. Export again, completely; the legacy software always writes it.");
            }
        }

        var (typeText, typeLine) = values["TYPE_ENTITE"];
        if (!EntityTypes.TryParse(typeText, out var entityType))
        {
            throw Fault(typeLine, $"TYPE_ENTITE \"{typeText}\" must be COMMUNE or CPAS.");
        }

        var (insCode, insLine) = values["CODE_INS"];
        if (insCode.Length != 5 || !insCode.All(char.IsAsciiDigit))
        {
            throw Fault(insLine, $"CODE_INS \"{insCode}\" must be the 5-digit NIS/INS code of the commune.");
        }

        var (yearText, yearLine) = values["EXERCICE"];
        if (!FiscalYear.TryParse(yearText, out var year))
        {
            throw Fault(yearLine, $"EXERCICE \"{yearText}\" is not a fiscal year yyyy (1990-2100).");
        }

        var (dateText, dateLine) = values["DATE_EXPORT"];
        if (!DateTime.TryParseExact(dateText, "dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var exportDate))
        {
            throw Fault(dateLine, $"DATE_EXPORT \"{dateText}\" is not a date dd/MM/yyyy HH:mm.");
        }

        return new ControlFile(values["LOGICIEL"].Value, values["ENTITE"].Value, entityType, insCode, year, exportDate, files);
    }

    private static ControlFileEntry ParseFileLine(string line, int lineNumber, AmountNotation notation, List<ControlFileEntry> earlier)
    {
        string? fileName = null;
        long? lines = null;
        Amount? debit = null;
        Amount? credit = null;
        foreach (var part in line.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? part : part[..equals].Trim().ToUpperInvariant();
            var value = equals < 0 ? "" : part[(equals + 1)..].Trim();
            switch (key)
            {
                case "FICHIER":
                    fileName = value;
                    break;
                case "LIGNES" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count):
                    lines = count;
                    break;
                case "TOTAL_DEBIT" when Amount.TryParse(value, notation, out var amount):
                    debit = amount;
                    break;
                case "TOTAL_CREDIT" when Amount.TryParse(value, notation, out var amount):
                    credit = amount;
                    break;
                default:
                    throw Fault(lineNumber, $"\"{part}\" is not understood: a FICHIER line reads "
                        + $"FICHIER=<name>;LIGNES=<count>[;TOTAL_DEBIT=<amount>;TOTAL_CREDIT=<amount>] with amounts in the notation "
                            + $"{notation}.");
            }
        }

        if (string.IsNullOrEmpty(fileName) || lines is null)
        {
            throw Fault(lineNumber, "a FICHIER line needs FICHIER=<name> and LIGNES=<count>.");
        }

        if (earlier.Any(entry => entry.Name.Equals(fileName, StringComparison.OrdinalIgnoreCase)))
        {
            throw Fault(lineNumber, $"{fileName} is listed twice.");
        }

        return new ControlFileEntry(fileName, lines.Value, debit, credit);
    }

    private static ExportFileException Fault(int line, string message) =>
        new(
            ControlFile.FileName,
            line,
            null,
            message + " Export again, or correct EXPORT.txt by hand only if the legacy software wrote it wrongly.");
}
