using IkmCatalog.Data;
using IkmCatalog.Media;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Media;

/// <summary>
/// <c>/media/{id}/{name}?w=&amp;h=&amp;mode=&amp;fmt=&amp;q=&amp;v=&amp;sig=</c>: signed image variants, cached on disk, and
/// certificate scans as downloads.
/// </summary>
public static class MediaEndpoints
{
    public static IHostApplicationBuilder AddIkmMedia(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Libvips.Harden();
        var severalNodes = MediaSigner.SeveralNodes(builder.Configuration);
        builder.Services.AddOptions<MediaOptions>()
            .BindConfiguration(MediaOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => !string.IsNullOrEmpty(o.SigningKey) || severalNodes is null, MediaSigner.KeyRequiredMessage(severalNodes))
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<MediaOptions>>().Value.ToLimits());
        builder.Services.AddSingleton(sp => MediaSigner.Create(sp.GetRequiredService<IOptions<MediaOptions>>().Value, sp.GetRequiredService<DataPaths>()));
        builder.Services.AddSingleton<VariantCache>();
        builder.Services.AddSingleton<IMediaVariantCache>(sp => sp.GetRequiredService<VariantCache>());
        builder.Services.AddSingleton<MediaVariantProcessor>();
        // Deleted or replaced images stop being served on every node, not only the one where the editor worked.
        builder.Services.AddSingleton<LiveMediaVersions>();
        builder.Services.AddSingleton<Infrastructure.NodeJournal.INodeJournalHandler, MediaJournalHandler>();
        builder.Services.AddScoped<MediaLibrary>();
        return builder;
    }

    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // A plain request delegate over singletons resolved once: the cached-variant path creates no DI scope and
        // binds no parameters, so it costs about what serving a static file costs.
        var handler = ActivatorUtilities.CreateInstance<MediaRequestHandler>(app.ServiceProvider);
        app.MapGet("/media/{id:int}/{name}", (RequestDelegate)handler.ServeAsync).ExcludeFromDescription();
        return app;
    }
}
