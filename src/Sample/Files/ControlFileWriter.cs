using System.Globalization;
using Bascule.Extract.Control;
using Bascule.Extract.Encodings;
using Bascule.Extract.Values;

namespace Bascule.Sample.Files;

/// <summary>
/// EXPORT.txt, written last, once every data file is complete. LIGNES counts data records (a quoted line break is
/// not a new record). TOTAL_DEBIT / TOTAL_CREDIT are given where debit and credit mean something: ECRITURES.csv
/// (its DEBIT and CREDIT columns) and BALANCE.csv (OUVERTURE + MOUVEMENTS per side); not for ARTICLES.csv,
/// ENGAGEMENTS.csv nor TIERS.csv.
/// </summary>
public static class ControlFileWriter
{
    public const string Software = "Civadis Phoenix 9.4.1";

    public static void Write(string folder, SampleOptions options, DateTime exportedAt, IEnumerable<WrittenFile> files)
    {
        using var writer = new StreamWriter(Path.Combine(folder, ControlFile.FileName), append: false, ExportEncoding.Windows1252) {
            NewLine = "\r\n" };
        writer.WriteLine($"LOGICIEL={Software}");
        writer.WriteLine($"ENTITE={options.EntityName}");
        writer.WriteLine($"TYPE_ENTITE={options.EntityType.ToCode()}");
        writer.WriteLine($"CODE_INS={options.InsCode}");
        writer.WriteLine($"EXERCICE={options.Year}");
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DATE_EXPORT={exportedAt:dd/MM/yyyy HH:mm}"));
        foreach (var file in files)
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"FICHIER={file.Name};LIGNES={file.Records}");
            if (file is { Debit: { } debit, Credit: { } credit })
            {
                line += $";TOTAL_DEBIT={Amount.FromCents(debit).ToLegacy()};TOTAL_CREDIT={Amount.FromCents(credit).ToLegacy()}";
            }

            writer.WriteLine(line);
        }
    }
}
