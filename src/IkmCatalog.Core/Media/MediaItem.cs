using IkmCatalog.Content;

namespace IkmCatalog.Media;

/// <summary>An uploaded original (photo or certificate scan); derivatives are made on request.</summary>
public sealed class MediaItem
{
    public int Id { get; set; }

    /// <summary>Sanitised file name used in URLs.</summary>
    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Length { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    public LocalizedText Alt { get; set; } = new();

    /// <summary>Focal point as fractions of width and height (0..1); crops keep it in frame.</summary>
    public double FocalX { get; set; } = 0.5;

    public double FocalY { get; set; } = 0.5;

    public string? Credit { get; set; }

    /// <summary>Key of the original in the media store.</summary>
    public string StorageKey { get; set; } = "";

    /// <summary>Content hash; part of every derivative URL so a replaced image gets new URLs.</summary>
    public string Hash { get; set; } = "";

    public DateTime UploadedAtUtc { get; set; }

    public string UploadedBy { get; set; } = "";
}
