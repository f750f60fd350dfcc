using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;

namespace Bascule.Jobs.Cli.Json;

/// <summary>Writes a command's JSON document, alone, to the console's standard output: raw text, never wrapped or marked up.</summary>
public static class JsonOutput
{
    // Names with accents and apostrophes (Commune d'Etterbeek, Crédit) stay readable: the document goes to a terminal,
    // a file or jq, never into a web page.
    private static readonly JsonSerializerOptions Options = new(CliJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write<T>(IAnsiConsole console, T document)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Profile.Out.Writer.WriteLine(Serialize(document));
    }

    public static string Serialize<T>(T document) => JsonSerializer.Serialize(document, Options.GetTypeInfo<T>());
}
