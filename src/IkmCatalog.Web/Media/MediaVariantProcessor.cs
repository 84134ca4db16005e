using System.Collections.Concurrent;
using IkmCatalog.Data;
using IkmCatalog.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetVips;

namespace IkmCatalog.Web.Media;

/// <summary>A verified request for one variant; <see cref="Format"/> null means "JPEG, or PNG when the image has transparency".</summary>
public sealed record VariantRequest(int MediaId, string Name, ImageCommand Command, ImageFormat? Format, string Key);

public abstract record VariantOutcome
{
    public sealed record NotFound : VariantOutcome;

    public sealed record Variant(string Path, ImageFormat Format) : VariantOutcome;

    /// <summary>A document (certificate scan): served as a download, never processed.</summary>
    public sealed record Document(MediaItem Item) : VariantOutcome;
}

/// <summary>
/// Produces variants with libvips. Identical concurrent requests share one production (single flight); at most
/// MaxConcurrentPipelines run at once and the rest wait in line, giving up only when their visitor leaves.
/// Images are always shrunk on load by <c>Image.Thumbnail</c> (a 4000 px JPEG decodes at ¼ or ⅛ scale), never
/// decoded in full and then resized.
/// </summary>
public sealed class MediaVariantProcessor : IDisposable
{
    // libvips' "no limit" for the free side of a thumbnail box (VIPS_MAX_COORD).
    private const int Unbounded = 10_000_000;
    private const int DefaultQuality = 80;

    // WebP effort 2 encodes about 3× faster than the default 4 for a few percent more bytes; variants are made on
    // a visitor's request, so latency wins.
    private const int WebPEffort = 2;

    private readonly VariantCache _cache;
    private readonly LiveMediaVersions _versions;
    private readonly IServiceScopeFactory _scopes;
    private readonly IMediaStore _store;
    private readonly MediaOptions _options;
    private readonly ILogger<MediaVariantProcessor> _logger;
    private readonly SemaphoreSlim _gate;
    private readonly ConcurrentDictionary<string, Lazy<Task<VariantOutcome>>> _flights = new(StringComparer.Ordinal);
    private long _produced;
    private int _running;
    private int _peak;

    public MediaVariantProcessor(VariantCache cache, LiveMediaVersions versions, IServiceScopeFactory scopes, IMediaStore store, IOptions<MediaOptions> options, ILogger<MediaVariantProcessor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _cache = cache;
        _versions = versions;
        _scopes = scopes;
        _store = store;
        _options = options.Value;
        _logger = logger;
        _gate = new SemaphoreSlim(_options.MaxConcurrentPipelines, _options.MaxConcurrentPipelines);
        Libvips.Harden();
    }

    /// <summary>Variants made by libvips since start (each a full pipeline run).</summary>
    public long VariantsProduced => Interlocked.Read(ref _produced);

    /// <summary>Most pipelines seen running at the same time since start.</summary>
    public int PeakConcurrentPipelines => Volatile.Read(ref _peak);

    public async Task<VariantOutcome> GetAsync(VariantRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        while (true)
        {
            Lazy<Task<VariantOutcome>> flight = null!;
            flight = new Lazy<Task<VariantOutcome>>(() =>
            {
                var task = ProduceAsync(request, cancellationToken);
                // Once done, the next request finds the file in the cache; the flight itself is forgotten.
                task.ContinueWith(_ => _flights.TryRemove(KeyValuePair.Create(request.Key, flight)), CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                return task;
            });
            var shared = _flights.GetOrAdd(request.Key, flight);
            try
            {
                return await shared.Value.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The visitor who started this production left while it waited in line; this one starts it again.
            }
        }
    }

    private async Task<VariantOutcome> ProduceAsync(VariantRequest request, CancellationToken cancellationToken)
    {
        await Task.Yield(); // never run a production inside the dictionary's GetOrAdd
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
        var stamp = _versions.Stamp();
        var item = await db.Media.AsNoTracking().FirstOrDefaultAsync(m => m.Id == request.MediaId, cancellationToken);
        if (item is null)
        {
            _versions.Forget(request.MediaId);
            return new VariantOutcome.NotFound();
        }
        if (item.Kind == MediaKind.Image)
        {
            _versions.Confirm(item.Id, item.Version, stamp);
        }
        if (item.Version != request.Command.Version || !string.Equals(item.FileName, request.Name, StringComparison.Ordinal))
        {
            return new VariantOutcome.NotFound();
        }
        if (item.Kind == MediaKind.Document)
        {
            return request.Command.HasResizeCommands ? new VariantOutcome.NotFound() : new VariantOutcome.Document(item);
        }
        if (_cache.Find(request.MediaId, request.Key, request.Format) is { } done)
        {
            return new VariantOutcome.Variant(done.File.FullName, done.Format); // finished by an earlier flight or another node
        }

        await _gate.WaitAsync(cancellationToken);
        string? finalPath;
        ImageFormat format;
        try
        {
            var running = Interlocked.Increment(ref _running);
            InterlockedMax(ref _peak, running);
            (finalPath, format) = await RenderAsync(item, request);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
            _gate.Release();
        }
        if (finalPath is null)
        {
            return new VariantOutcome.NotFound();
        }

        // Deleted, replaced or re-focused while this variant was made: the purge may have run before the file
        // landed, so the file goes now. (The library changes the database first and purges after, so either this
        // check sees the change or the purge sees the file.)
        var current = await db.Media.AsNoTracking().Where(m => m.Id == request.MediaId)
            .Select(m => new { m.Hash, m.FocalX, m.FocalY }).FirstOrDefaultAsync(CancellationToken.None);
        if (current is null || new MediaItem { Hash = current.Hash, FocalX = current.FocalX, FocalY = current.FocalY }.Version != request.Command.Version)
        {
            File.Delete(finalPath);
            return new VariantOutcome.NotFound();
        }
        return new VariantOutcome.Variant(finalPath, format);
    }

    private async Task<(string? Path, ImageFormat Format)> RenderAsync(MediaItem item, VariantRequest request)
    {
        var source = _store.TryGetLocalPath(item.StorageKey);
        string? copy = null;
        if (source is null)
        {
            // A remote store: libvips reads a local copy, so shrink-on-load still applies.
            await using var remote = await _store.OpenReadAsync(item.StorageKey);
            if (remote is null)
            {
                return (null, default);
            }
            copy = _cache.NewTempPath(request.MediaId, request.Key + "-original");
            await using (var file = File.Create(copy))
            {
                await remote.CopyToAsync(file);
            }
            source = copy;
        }
        else if (!File.Exists(source))
        {
            _logger.LogWarning("The original of media {Id} ({Key}) is missing from the store.", item.Id, item.StorageKey);
            return (null, default);
        }

        var temp = _cache.NewTempPath(request.MediaId, request.Key);
        using var measured = MediaTelemetry.Render(item.Id);
        try
        {
            var format = Render(source, item, request, temp);
            measured.Format = format;
            var finalPath = _cache.PathFor(request.MediaId, request.Key, format);
            _cache.Commit(temp, finalPath);
            Interlocked.Increment(ref _produced);
            return (finalPath, format);
        }
        finally
        {
            File.Delete(temp);
            if (copy is not null)
            {
                File.Delete(copy);
            }
        }
    }

    private ImageFormat Render(string source, MediaItem item, VariantRequest request, string target)
    {
        var command = request.Command;
        var max = _options.MaxDimension;
        int? width = command.Width, height = command.Height;
        // Even a validly signed URL gets no more than MaxDimension on either side (proportions kept).
        var largest = Math.Max(width ?? 0, height ?? 0);
        if (largest > max)
        {
            var scale = max / (double)largest;
            width = width is { } w0 ? Math.Max(1, (int)Math.Round(w0 * scale)) : null;
            height = height is { } h0 ? Math.Max(1, (int)Math.Round(h0 * scale)) : null;
        }

        Image image;
        if (command.Mode == ResizeMode.Crop && width is { } cw && height is { } ch && item.Width > 0 && item.Height > 0)
        {
            // Never enlarge: a box bigger than the original shrinks (same proportions) to fit inside it.
            var enlarge = Math.Max(cw / (double)item.Width, ch / (double)item.Height);
            if (enlarge > 1)
            {
                cw = Math.Max(1, (int)Math.Floor(cw / enlarge));
                ch = Math.Max(1, (int)Math.Floor(ch / enlarge));
            }
            // Shrink (on load) until the box is covered, then cut the box out around the focal point. libvips'
            // own crop=attention/entropy knows nothing of the editor's focal point.
            using var cover = (long)item.Width * ch >= (long)cw * item.Height
                ? Image.Thumbnail(source, Unbounded, height: ch, size: Enums.Size.Down)
                : Image.Thumbnail(source, cw, height: Unbounded, size: Enums.Size.Down);
            cw = Math.Min(cw, cover.Width);
            ch = Math.Min(ch, cover.Height);
            var left = Math.Clamp((int)Math.Round(item.FocalX * cover.Width - cw / 2.0), 0, cover.Width - cw);
            var top = Math.Clamp((int)Math.Round(item.FocalY * cover.Height - ch / 2.0), 0, cover.Height - ch);
            image = cover.ExtractArea(left, top, cw, ch);
        }
        else
        {
            var boxWidth = Math.Min(width ?? Unbounded, max);
            var boxHeight = Math.Min(height ?? Unbounded, max);
            image = Image.Thumbnail(source, boxWidth, height: boxHeight, size: Enums.Size.Down);
        }

        using (image)
        {
            var format = request.Format ?? (image.HasAlpha() ? ImageFormat.Png : ImageFormat.Jpeg);
            var quality = command.Quality ?? DefaultQuality;
            // keep: None drops EXIF (GPS, camera serials), XMP, IPTC and ICC from every variant; Thumbnail has
            // already turned the pixels upright by the EXIF orientation.
            switch (format)
            {
                case ImageFormat.WebP:
                    image.Webpsave(target, q: quality, effort: WebPEffort, keep: Enums.ForeignKeep.None);
                    break;
                case ImageFormat.Png:
                    image.Pngsave(target, compression: 6, keep: Enums.ForeignKeep.None);
                    break;
                default:
                    using (var flat = image.HasAlpha() ? image.Flatten(background: [255, 255, 255]) : image.Copy())
                    {
                        flat.Jpegsave(target, q: quality, optimizeCoding: true, keep: Enums.ForeignKeep.None);
                    }
                    break;
            }
            return format;
        }
    }

    private static void InterlockedMax(ref int location, int value)
    {
        var current = Volatile.Read(ref location);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref location, value, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }

    public void Dispose() => _gate.Dispose();
}
