using Bascule.Extract;
using Bascule.Jobs.Cli;
using Bascule.TestSupport;
using Spectre.Console;

namespace Bascule.Jobs.Tests.Privacy;

/// <summary>`bascule extract` lists rejected lines with their messages, which quote the value at fault: never a person's name.</summary>
public sealed class ExtractConsoleTests
{
    [Fact]
    public async Task The_rejects_listing_masks_a_beneficiary_the_message_quotes()
    {
        using var temp = new TempDirectory();
        var export = temp.Combine("export");
        var line = await PlantedBeneficiary.WriteAsync(export);
        // What the listing would print unmasked: the reader's own message quotes the name typed in the TIERS column.
        var rejected = await LegacyExport.Open(export).ReadLedgerAsync(TestContext.Current.CancellationToken)
            .Where(p => p.IsRejected).Select(p => p.Rejected!).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Contains(rejected, r => PlantedBeneficiary.ShowsName(r.Message));

        using var writer = new StringWriter();
        var console = AnsiConsole.Create(
            new AnsiConsoleSettings { Ansi = AnsiSupport.No, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(writer) });
        console.Profile.Width = 240;
        var exit = await Commands.RunAsync<ExtractCommand>(
            console,
            c => c.RunAsync(new ExtractCommand.Settings { Export = export }, TestContext.Current.CancellationToken));
        var output = writer.ToString();

        Assert.Equal(0, exit);
        Assert.Contains(
            $"BadAmount ECRITURES.csv line {line} (record 2001): DEBIT: \"12,3x\" is not an amount",
            output,
            StringComparison.Ordinal);
        Assert.Contains(
            $"BadValue ECRITURES.csv line {line + 1} (record 2002): TIERS: \"***\" is not a third-party code.",
            output,
            StringComparison.Ordinal);
        Assert.False(PlantedBeneficiary.ShowsName(output), output);
        Assert.False(PlantedBeneficiary.ShowsIban(output), output);
    }
}
