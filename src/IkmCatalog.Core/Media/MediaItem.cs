using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using IkmCatalog.Content;

namespace IkmCatalog.Media;

/// <summary>What an original is: a photo (resized on request) or a document such as a certificate scan (downloaded as it is).</summary>
public enum MediaKind
{
    Image = 0,
    Document = 1,
}

/// <summary>An uploaded original (photo or certificate scan); derivatives are made on request.</summary>
public sealed class MediaItem
{
    public int Id { get; set; }

    public MediaKind Kind { get; set; } = MediaKind.Image;

    /// <summary>Sanitised file name used in URLs (lower case, letters, digits and dashes, extension from the content).</summary>
    public string FileName { get; set; } = "";

    /// <summary>The name the file had on the uploader's computer, for the editor's eyes only; never used in a path.</summary>
    public string OriginalFileName { get; set; } = "";

    /// <summary>Type decided from the content's magic bytes, not from the name or the browser's header.</summary>
    public string ContentType { get; set; } = "";

    public long Length { get; set; }

    /// <summary>Pixel size as displayed, i.e. after the EXIF orientation is applied; 0 for documents.</summary>
    public int Width { get; set; }

    public int Height { get; set; }

    public LocalizedText Alt { get; set; } = new();

    /// <summary>Focal point as fractions of width and height (0..1); crops keep it in frame.</summary>
    public double FocalX { get; set; } = 0.5;

    public double FocalY { get; set; } = 0.5;

    public string? Credit { get; set; }

    /// <summary>Licence or usage terms (e.g. "CC BY 4.0", "milik Disperindag").</summary>
    public string? Licence { get; set; }

    /// <summary>Key of the original in the media store.</summary>
    public string StorageKey { get; set; } = "";

    /// <summary>SHA-256 of the original (hex).</summary>
    public string Hash { get; set; } = "";

    public DateTime UploadedAtUtc { get; set; }

    public string UploadedBy { get; set; } = "";

    public DateTime? UpdatedAtUtc { get; set; }

    public string? UpdatedBy { get; set; }

    /// <summary>
    /// Part of every derivative URL: changes when the original is replaced or the focal point moves, so browsers
    /// and proxies that keep a variant for a year never show an outdated picture or crop.
    /// </summary>
    public string Version => Hash.Length < 12
        ? Hash
        : string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Hash[..12]}{(FocalX == 0.5 && FocalY == 0.5 ? "" : $"-{(int)Math.Round(FocalX * 1000)}-{(int)Math.Round(FocalY * 1000)}")}");
}

internal sealed class MediaItemConfiguration : IEntityTypeConfiguration<MediaItem>
{
    public void Configure(EntityTypeBuilder<MediaItem> e)
    {
        e.Property(m => m.FileName).HasMaxLength(200);
        e.Property(m => m.OriginalFileName).HasMaxLength(200);
        e.Property(m => m.ContentType).HasMaxLength(100);
        e.Property(m => m.StorageKey).HasMaxLength(300);
        e.Property(m => m.Hash).HasMaxLength(64);
        e.Property(m => m.Credit).HasMaxLength(200);
        e.Property(m => m.Licence).HasMaxLength(200);
        e.Property(m => m.UploadedBy).HasMaxLength(200);
        e.Property(m => m.UpdatedBy).HasMaxLength(200);
        e.Ignore(m => m.Version);
    }
}
