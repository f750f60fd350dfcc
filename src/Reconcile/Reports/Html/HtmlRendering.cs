using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bascule.Reconcile.Reports.Html;

/// <summary>Renders a report's root component to HTML with Blazor's <see cref="HtmlRenderer"/>, outside any web host.</summary>
internal static class HtmlRendering
{
    // The renderer escapes text with the HtmlEncoder it finds among the services: this one escapes what opens markup or
    // closes an attribute and leaves accented letters as they are (the file is UTF-8), where the default one writes
    // every letter beyond ASCII as a numeric entity.
    private static readonly ServiceProvider Services = new ServiceCollection()
        .AddSingleton(HtmlEncoder.Create(UnicodeRanges.All))
        .BuildServiceProvider();

    public static async Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(Services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var root = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return root.ToHtmlString();
        });
    }
}
