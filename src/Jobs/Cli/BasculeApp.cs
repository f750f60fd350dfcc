using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>The <c>bascule</c> command line: every command, with its help text.</summary>
public static class BasculeApp
{
    public static CommandApp Create()
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("bascule");
            config.SetApplicationVersion(typeof(BasculeApp).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            config.ValidateExamples();
            config.AddCommand<DemoCommand>("demo")
                .WithDescription("Runs the pipeline on the bundled commune and CPAS samples with the embedded SQLite default.")
                .WithExample("demo");
        });
        return app;
    }
}
