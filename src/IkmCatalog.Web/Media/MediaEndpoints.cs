using System.Security.Cryptography;
using System.Text;
using IkmCatalog.Data;
using IkmCatalog.Media;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace IkmCatalog.Web.Media;

/// <summary>
/// <c>/media/{id}/{name}?w=&amp;h=&amp;mode=&amp;fmt=&amp;q=&amp;v=&amp;sig=</c>: signed image variants, cached on disk, and
/// certificate scans as downloads.
/// </summary>
public static class MediaEndpoints
{
    private const string Immutable = "public, max-age=31536000, immutable";

    public static IHostApplicationBuilder AddIkmMedia(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Libvips.Harden();
        builder.Services.AddOptions<MediaOptions>()
            .BindConfiguration(MediaOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<MediaOptions>>().Value.ToLimits());
        builder.Services.AddSingleton(sp => MediaSigner.Create(sp.GetRequiredService<IOptions<MediaOptions>>().Value, sp.GetRequiredService<DataPaths>()));
        builder.Services.AddSingleton<VariantCache>();
        builder.Services.AddSingleton<IMediaVariantCache>(sp => sp.GetRequiredService<VariantCache>());
        builder.Services.AddSingleton<MediaVariantProcessor>();
        builder.Services.AddScoped<MediaLibrary>();
        return builder;
    }

    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder app)
    {
        app.MapGet("/media/{id:int}/{name}", ServeAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ServeAsync(int id, string name, HttpContext http, MediaSigner signer, VariantCache cache,
        MediaVariantProcessor processor, IMediaStore store)
    {
        // An image needs no HTML error page; and a 400 must cost nothing beyond reading the URL.
        if (http.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }
        if (!ImageCommand.TryParse(http.Request.Query, out var command, out var signature))
        {
            return Results.BadRequest();
        }
        var signed = command.Normalize();
        if (!signer.Verify(ImageCommand.Signable(id, name, signed), signature))
        {
            return Results.BadRequest();
        }

        // Negotiate only when the URL leaves the format open; the answer then depends on Accept.
        var format = command.Format ?? (AcceptsWebP(http.Request) ? ImageFormat.WebP : null);
        var key = CacheKey(id, signed, format);
        var headers = http.Response.Headers;
        if (command.Format is null)
        {
            headers.Vary = "Accept";
        }

        // The hot path: a signed URL names its version, so a cached variant is served without asking the database.
        // Deleting or replacing an item purges its folder, so what is found here is still current.
        if (cache.Find(id, key, format) is { } hit)
        {
            return Variant(http, hit.Path, hit.Format, key);
        }

        var outcome = await processor.GetAsync(new VariantRequest(id, name, command, format, key), http.RequestAborted);
        switch (outcome)
        {
            case VariantOutcome.Variant variant:
                return Variant(http, variant.Path, variant.Format, key);
            case VariantOutcome.Document document:
                var stream = await store.OpenReadAsync(document.Item.StorageKey, http.RequestAborted);
                if (stream is null)
                {
                    return Results.NotFound();
                }
                headers.Remove("Vary");
                headers.CacheControl = Immutable;
                headers.XContentTypeOptions = "nosniff";
                // Never rendered by the browser as a page of this site, whatever the file holds.
                headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
                return Results.File(stream, document.Item.ContentType, fileDownloadName: document.Item.FileName);
            default:
                headers.Remove("Vary");
                return Results.NotFound();
        }
    }

    private static IResult Variant(HttpContext http, string path, ImageFormat format, string key)
    {
        http.Response.Headers.CacheControl = Immutable;
        return Results.File(path, VariantCache.ContentType(format), entityTag: new EntityTagHeaderValue($"\"{key}\""));
    }

    private static bool AcceptsWebP(HttpRequest request)
    {
        foreach (var value in request.Headers.Accept)
        {
            if (value is not null && value.Contains("image/webp", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The signed command plus the negotiated format, hashed: a file name that cannot be steered by a visitor.</summary>
    private static string CacheKey(int id, string signedCommand, ImageFormat? format)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{id}?{signedCommand}|{(format is { } f ? ImageCommand.FormatName(f) : "auto")}"), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}
