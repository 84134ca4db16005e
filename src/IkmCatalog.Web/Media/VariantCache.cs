using System.Collections.Concurrent;
using System.Globalization;
using IkmCatalog.Data;
using IkmCatalog.Media;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Media;

/// <summary>
/// Processed variants on disk under cache/media/{media id}/{key}.{ext}: one folder per media item, so purging an
/// item is one directory delete. Files are written beside their final name and renamed (never half a file served).
/// Beyond the size cap the least recently used variants go; use is tracked in memory (a hit costs no disk write),
/// and files from before a restart count as older than anything used since, oldest written first.
/// </summary>
public sealed class VariantCache : IMediaVariantCache
{
    private readonly long _maxBytes;
    private readonly ILogger<VariantCache> _logger;
    private readonly ConcurrentDictionary<string, long> _lastUse = new(StringComparer.Ordinal);
    private readonly Lock _sweepLock = new();
    private long _tick;
    private long _bytes;

    public VariantCache(DataPaths paths, IOptions<MediaOptions> options, ILogger<VariantCache> logger)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        Root = Path.Combine(paths.Cache, "media");
        _maxBytes = options.Value.CacheMaxBytes;
        _logger = logger;
        Directory.CreateDirectory(Root);
        _bytes = AllFiles().Sum(f => f.Length);
    }

    public string Root { get; }

    /// <summary>Bytes of variants on disk, as far as this node knows.</summary>
    public long CurrentBytes => Interlocked.Read(ref _bytes);

    public string FolderFor(int mediaId) => Path.Combine(Root, mediaId.ToString(CultureInfo.InvariantCulture));

    public string PathFor(int mediaId, string key, ImageFormat format) => Path.Combine(FolderFor(mediaId), key + Extension(format));

    /// <summary>
    /// The cached variant for a key, if any. Without an explicit or negotiated WebP the pipeline picks JPEG or
    /// (for images with transparency) PNG, so both are looked for.
    /// </summary>
    public (FileInfo File, ImageFormat Format)? Find(int mediaId, string key, ImageFormat? format)
    {
        foreach (var candidate in format is { } f ? [f] : new[] { ImageFormat.Jpeg, ImageFormat.Png })
        {
            // One stat per look-up: the FileInfo keeps the length for the response.
            var file = new FileInfo(PathFor(mediaId, key, candidate));
            if (file.Exists)
            {
                Touch(file.FullName);
                return (file, candidate);
            }
        }
        return null;
    }

    public string NewTempPath(int mediaId, string key)
    {
        var folder = FolderFor(mediaId);
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{key}.{Guid.NewGuid():N}.tmp");
    }

    /// <summary>Moves a finished variant into place (atomic rename) and trims the cache when it is over its cap.</summary>
    public void Commit(string tempPath, string finalPath)
    {
        File.Move(tempPath, finalPath, overwrite: true);
        Touch(finalPath);
        if (Interlocked.Add(ref _bytes, new FileInfo(finalPath).Length) > _maxBytes)
        {
            Sweep(keep: finalPath);
        }
    }

    public Task PurgeAsync(int mediaId, CancellationToken cancellationToken = default)
    {
        var folder = FolderFor(mediaId);
        // A variant being written right now may land after a first attempt; try again until the folder is gone.
        for (var attempt = 0; Directory.Exists(folder); attempt++)
        {
            try
            {
                var files = new DirectoryInfo(folder).GetFiles();
                Directory.Delete(folder, recursive: true);
                Interlocked.Add(ref _bytes, -files.Sum(f => f.Length));
                foreach (var f in files)
                {
                    _lastUse.TryRemove(f.FullName, out _);
                }
            }
            catch (Exception e) when ((e is IOException or UnauthorizedAccessException) && attempt < 5)
            {
                Thread.Sleep(10);
            }
            catch (DirectoryNotFoundException)
            {
                break;
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>Removes every cached variant (this node fell too far behind the journal to know which changed).</summary>
    public void PurgeAll()
    {
        lock (_sweepLock)
        {
            foreach (var folder in SafeFolders())
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    _logger.LogWarning("Could not remove cached variants in {Path}: {Error}", folder, e.Message);
                }
            }
            _lastUse.Clear();
            Interlocked.Exchange(ref _bytes, AllFiles().Sum(f => f.Length));
        }
    }

    private string[] SafeFolders()
    {
        try
        {
            return Directory.GetDirectories(Root);
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
    }

    /// <summary>Removes least recently used variants until the cache is at 90% of its cap (so not every write sweeps).</summary>
    public void Sweep(string? keep = null)
    {
        lock (_sweepLock)
        {
            var files = AllFiles();
            var total = files.Sum(f => f.Length);
            var target = _maxBytes / 10 * 9;
            if (total > _maxBytes)
            {
                var order = files
                    .Where(f => !string.Equals(f.FullName, keep, StringComparison.Ordinal))
                    .OrderBy(f => _lastUse.TryGetValue(f.FullName, out var tick) ? tick : 0)
                    .ThenBy(f => f.LastWriteTimeUtc);
                var removed = 0;
                foreach (var file in order)
                {
                    if (total <= target)
                    {
                        break;
                    }
                    var length = file.Length; // read before deleting: a deleted FileInfo has no length
                    try
                    {
                        file.Delete();
                        total -= length;
                        removed++;
                        _lastUse.TryRemove(file.FullName, out _);
                    }
                    catch (IOException e)
                    {
                        _logger.LogWarning("Could not remove cached variant {Path}: {Error}", file.FullName, e.Message);
                    }
                }
                _logger.LogInformation("Media cache over {Max} bytes: removed {Removed} least recently used variants.", _maxBytes, removed);
            }
            Interlocked.Exchange(ref _bytes, total);
        }
    }

    private void Touch(string path) => _lastUse[path] = Interlocked.Increment(ref _tick);

    private List<FileInfo> AllFiles()
    {
        try
        {
            return [.. new DirectoryInfo(Root).EnumerateFiles("*", SearchOption.AllDirectories)
                .Where(f => !f.Name.EndsWith(".tmp", StringComparison.Ordinal))];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return []; // a folder purged while being listed; the next sweep counts again
        }
    }

    public static string Extension(ImageFormat format) => format switch
    {
        ImageFormat.WebP => ".webp",
        ImageFormat.Png => ".png",
        _ => ".jpg",
    };

    public static string ContentType(ImageFormat format) => format switch
    {
        ImageFormat.WebP => "image/webp",
        ImageFormat.Png => "image/png",
        _ => "image/jpeg",
    };
}
