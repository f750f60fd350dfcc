using Bascule.Jobs.Hosting;
using Hangfire;
using Microsoft.AspNetCore.Builder;

namespace Bascule.Jobs.Tests.Hosting;

/// <summary>A <c>bascule serve</c> host built from its options and started for one test; stopped and disposed with it.</summary>
internal sealed class ServedHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ServeOptions _options;

    private ServedHost(WebApplication app, ServeOptions options)
    {
        _app = app;
        _options = options;
    }

    /// <summary>The address the host listens on (<see cref="ServeOptions.Urls"/>).</summary>
    public string Url => _options.Urls;

    public JobStorage Storage => _options.Storage;

    public static async Task<ServedHost> StartAsync(ServeOptions options, CancellationToken cancellationToken)
    {
        var app = ServeHost.Build(options);
        await app.StartAsync(cancellationToken);
        return new ServedHost(app, options);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
