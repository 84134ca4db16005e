using IkmCatalog.Data;
using IkmCatalog.Media;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Web.Media;

/// <summary>Serves resized JPEGs of media originals at a fixed set of widths.</summary>
public static class MediaEndpoints
{
    public static IHostApplicationBuilder AddIkmMedia(this IHostApplicationBuilder builder)
    {
        NetVips.NetVips.BlockUntrusted = true;
        return builder;
    }

    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder app)
    {
        app.MapGet("/media/{id:int}/{name}", async (int id, int? w, IkmDbContext db, IMediaStore store, HttpContext http, CancellationToken cancellationToken) =>
        {
            var item = await db.Media.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
            if (item is null || !MediaUrls.Widths.Contains(w ?? 0))
            {
                return Results.NotFound();
            }
            using var original = store.OpenRead(item.StorageKey);
            if (original is null)
            {
                return Results.NotFound();
            }
            using var buffer = new MemoryStream();
            await original.CopyToAsync(buffer, cancellationToken);
            using var thumbnail = NetVips.Image.ThumbnailBuffer(buffer.ToArray(), w!.Value, size: NetVips.Enums.Size.Down);
            var bytes = thumbnail.JpegsaveBuffer(q: 80, keep: NetVips.Enums.ForeignKeep.None);
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.File(bytes, "image/jpeg");
        }).ExcludeFromDescription();
        return app;
    }
}
