using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IkmCatalog.Media;
using Microsoft.AspNetCore.Diagnostics;

namespace IkmCatalog.Web.Media;

/// <summary>
/// Answers <c>/media/{id}/{name}</c>: checks the signature before anything else, serves a cached variant straight from
/// disk, or has the processor make it; documents are sent as downloads.
/// </summary>
public sealed class MediaRequestHandler(MediaSigner signer, VariantCache cache, MediaVariantProcessor processor, IMediaStore store, LiveMediaVersions versions)
{
    private const string Immutable = "public, max-age=31536000, immutable";

    public async Task ServeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        // An image needs no HTML error page; and a 400 must cost nothing beyond reading the URL.
        if (http.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }
        var response = http.Response;
        var routeValues = http.Request.RouteValues;
        if (!int.TryParse(routeValues["id"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || routeValues["name"] is not string name
            || !ImageCommand.TryParse(http.Request.Query, out var command, out var signature))
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var signed = command.Normalize();
        if (!signer.Verify(ImageCommand.Signable(id, name, signed), signature))
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        // Negotiate only when the URL leaves the format open; the answer then depends on Accept.
        var format = command.Format ?? (AcceptsWebP(http.Request) ? ImageFormat.WebP : null);
        var key = CacheKey(id, signed, format);
        if (command.Format is null)
        {
            response.Headers.Vary = "Accept";
        }

        // The hot path: a signed URL names its version, so a cached variant is served without asking the database
        // once this node has seen that version there. Deleting or replacing an item (on any node) makes this node
        // forget the version and purge the folder, so what is found here is still current.
        if (versions.IsCurrent(id, command.Version) && cache.Find(id, key, format) is { } hit)
        {
            MediaTelemetry.CacheHit();
            try
            {
                await SendAsync(http, hit.File, hit.Format, key);
                return;
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException && !response.HasStarted)
            {
                // Removed (cache trimmed or item purged) between the look-up and the send: go the long way.
            }
        }

        MediaTelemetry.CacheMiss();
        var outcome = await processor.GetAsync(new VariantRequest(id, name, command, format, key), http.RequestAborted);
        switch (outcome)
        {
            case VariantOutcome.Variant variant:
                await SendAsync(http, new FileInfo(variant.Path), variant.Format, key);
                break;
            case VariantOutcome.Document document:
                await SendDocumentAsync(http, document.Item);
                break;
            default:
                response.Headers.Remove("Vary");
                response.StatusCode = StatusCodes.Status404NotFound;
                break;
        }
    }

    private static Task SendAsync(HttpContext http, FileInfo file, ImageFormat format, string key)
    {
        var response = http.Response;
        var etag = $"\"{key}\"";
        response.Headers.CacheControl = Immutable;
        response.Headers.ETag = etag;
        if (http.Request.Headers.IfNoneMatch.Count > 0
            && http.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Tag == "*" || string.Equals(t.Tag.Value, etag, StringComparison.Ordinal)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        response.ContentType = VariantCache.ContentType(format);
        response.ContentLength = file.Length;
        return response.SendFileAsync(file.FullName, 0, file.Length, http.RequestAborted);
    }

    private async Task SendDocumentAsync(HttpContext http, MediaItem item)
    {
        var stream = await store.OpenReadAsync(item.StorageKey, http.RequestAborted);
        var response = http.Response;
        response.Headers.Remove("Vary");
        if (stream is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        response.Headers.CacheControl = Immutable;
        response.Headers.XContentTypeOptions = "nosniff";
        // Never rendered by the browser as a page of this site, whatever the file holds.
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        await Results.File(stream, item.ContentType, fileDownloadName: item.FileName).ExecuteAsync(http);
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

    /// <summary>The signed command plus the negotiated format, hashed: a file name no visitor can steer.</summary>
    private static string CacheKey(int id, string signedCommand, ImageFormat? format)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{id}?{signedCommand}|{(format is { } f ? ImageCommand.FormatName(f) : "auto")}")), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}
