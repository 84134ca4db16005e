using System.ComponentModel.DataAnnotations;
using IkmCatalog.Media;

namespace IkmCatalog.Web.Media;

/// <summary>The "IkmCatalog:Media" configuration section (environment: IkmCatalog__Media__Key).</summary>
public sealed class MediaOptions
{
    public const string Section = "IkmCatalog:Media";

    /// <summary>Largest upload accepted, in bytes.</summary>
    [Range(1024, 1L << 31)]
    public long MaxUploadBytes { get; set; } = 15 * 1024 * 1024;

    /// <summary>Largest image accepted, in pixels (width × height as the file's header declares it).</summary>
    [Range(1, 1_000_000_000)]
    public long MaxPixels { get; set; } = 100_000_000;

    /// <summary>Largest width or height of a variant, whatever a (validly signed) URL asks for.</summary>
    [Range(16, 16384)]
    public int MaxDimension { get; set; } = 2560;

    /// <summary>libvips pipelines running at once; further requests wait in line (they are not refused).</summary>
    [Range(1, 256)]
    public int MaxConcurrentPipelines { get; set; } = Environment.ProcessorCount;

    /// <summary>Disk space for cached variants; the least recently used are removed beyond it.</summary>
    [Range(1024 * 1024, long.MaxValue)]
    public long CacheMaxBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>
    /// HMAC key for image URLs (at least 32 characters, or base64 of at least 32 bytes). When empty, a random key
    /// is generated once and kept in the data folder (keys/media-signing.key): several nodes must then share it.
    /// </summary>
    [MinLength(32)]
    public string? SigningKey { get; set; }

    public MediaLimits ToLimits() => new(MaxUploadBytes, MaxPixels);
}
