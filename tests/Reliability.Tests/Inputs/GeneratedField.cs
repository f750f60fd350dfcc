using System.Text;
using Bascule.Extract.Encodings;

namespace Bascule.Reliability.Tests.Inputs;

/// <summary>
/// A field too big to commit (10 MB), written at test time into a copy of a case: the field of the record that starts
/// on physical line <paramref name="Line"/> is replaced. A label is quoted and holds <c>;</c>, doubled quotes and
/// accents; an amount is digits only (too many to be an amount).
/// </summary>
public sealed record GeneratedField(string File, int Line, string Field, int Megabytes)
{
    public void WriteInto(string folder)
    {
        var path = Path.Combine(folder, File);
        var lines = System.IO.File.ReadAllText(path, ExportEncoding.Windows1252).Split("\r\n");
        var header = lines[0].Split(';');
        var column = Array.IndexOf(header, Field);
        var fields = lines[Line - 1].Split(';');
        if (column < 0 || fields.Length != header.Length)
        {
            throw new InvalidOperationException($"{File} line {Line} has no plain field {Field} to replace.");
        }

        var size = Megabytes * 1024 * 1024;
        var value = new StringBuilder(size + 16);
        if (Field == "LIBELLE")
        {
            value.Append('"');
            while (value.Length < size)
            {
                value.Append("Libellé \"\"très\"\" long; ");
            }

            value.Append('"');
        }
        else
        {
            value.Append('1', size);
        }

        fields[column] = value.ToString();
        lines[Line - 1] = string.Join(';', fields);
        System.IO.File.WriteAllText(path, string.Join("\r\n", lines), ExportEncoding.Windows1252);
    }
}
