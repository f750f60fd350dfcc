using System.Text;
using Bascule.Jobs.Cli;

// Legacy exports are Windows-1252: make the code page available once for the whole process.
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

return await BasculeApp.Create().RunAsync(args);
