namespace Bascule.TestSupport;

/// <summary>Copies of repository folders (a mappings tree, whose versions read their chart beside them) for tests that alter
/// them.</summary>
public static class Folders
{
    public static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(from))
        {
            Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}
