using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IkmCatalog.Content;
using IkmCatalog.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IkmCatalog.Media;

/// <summary>Upload limits; bound from IkmCatalog:Media by the web host.</summary>
public sealed record MediaLimits(long MaxUploadBytes, long MaxPixels)
{
    public static MediaLimits Default { get; } = new(15 * 1024 * 1024, 100_000_000);
}

/// <summary>A file an editor (or the demo import) hands to the library.</summary>
public sealed record MediaUpload(Stream Content, string FileName, string UploadedBy)
{
    /// <summary>What the browser said the file was; logged, never believed.</summary>
    public string? DeclaredContentType { get; init; }

    public LocalizedText Alt { get; init; } = new();

    public string? Credit { get; init; }

    public string? Licence { get; init; }

    public double FocalX { get; init; } = 0.5;

    public double FocalY { get; init; } = 0.5;
}

/// <summary>The editable description of a media item.</summary>
public sealed record MediaDetails(LocalizedText Alt, double FocalX, double FocalY, string? Credit, string? Licence);

public enum MediaStatus
{
    Saved,
    Updated,
    Deleted,
    Empty,
    TooLarge,
    UnsupportedType,
    TooManyPixels,
    Corrupt,
    NotFound,
    KindMismatch,
    InvalidFocalPoint,
}

/// <summary>
/// The outcome of a library operation. Expected failures (a file too large, of the wrong type…) are results with a
/// UI string key and its arguments, so the editor reads the reason in their own language.
/// </summary>
public sealed record MediaResult(MediaStatus Status, MediaItem? Item, string? MessageKey, IReadOnlyList<object> MessageArgs)
{
    public bool Succeeded => Status is MediaStatus.Saved or MediaStatus.Updated or MediaStatus.Deleted;

    public static MediaResult Success(MediaStatus status, MediaItem? item) => new(status, item, null, []);

    public static MediaResult Failure(MediaStatus status, string key, params object[] args) => new(status, null, key, args);
}

/// <summary>
/// The media library: validates uploads by their content (magic bytes, declared pixel size, a real decode),
/// keeps originals in the media store and their description in the database, and purges derivatives when an
/// original is replaced or deleted. The demo import and the backoffice both go through here.
/// </summary>
public sealed class MediaLibrary(
    IkmDbContext db, IMediaStore store, IMediaVariantCache variants, MediaLimits limits, TimeProvider clock, ILogger<MediaLibrary> logger)
{
    private const double Megabyte = 1024 * 1024;

    public async Task<MediaResult> UploadAsync(MediaUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (!ValidFocalPoint(upload.FocalX, upload.FocalY))
        {
            return FocalPointError();
        }
        var (checkedFile, failure) = await ValidateAsync(upload.Content, upload.FileName, upload.DeclaredContentType, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }
        var file = checkedFile!;
        var item = new MediaItem
        {
            Alt = upload.Alt,
            FocalX = upload.FocalX,
            FocalY = upload.FocalY,
            Credit = Trimmed(upload.Credit),
            Licence = Trimmed(upload.Licence),
            UploadedAtUtc = clock.GetUtcNow().UtcDateTime,
            UploadedBy = upload.UploadedBy,
        };
        await StoreAsync(item, file, cancellationToken);
        db.Media.Add(item);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await store.DeleteAsync(item.StorageKey, CancellationToken.None);
            throw;
        }
        logger.LogInformation("Media {Id} ({FileName}, {ContentType}, {Width}×{Height}) uploaded by {User}.",
            item.Id, item.FileName, item.ContentType, item.Width, item.Height, item.UploadedBy);
        return MediaResult.Success(MediaStatus.Saved, item);
    }

    /// <summary>
    /// Puts a new original in place of an existing one (same id, so every page that shows it shows the new one).
    /// Its URLs change with its content hash, and the old original's variants are purged.
    /// </summary>
    public async Task<MediaResult> ReplaceAsync(int id, Stream content, string fileName, string user, CancellationToken cancellationToken = default)
    {
        var item = await db.Media.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (item is null)
        {
            return MediaResult.Failure(MediaStatus.NotFound, "media.error.not-found");
        }
        var (checkedFile, failure) = await ValidateAsync(content, fileName, null, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }
        var file = checkedFile!;
        if (file.Kind != item.Kind)
        {
            return MediaResult.Failure(MediaStatus.KindMismatch, "media.error.kind-mismatch");
        }
        var oldKey = item.StorageKey;
        await StoreAsync(item, file, cancellationToken);
        item.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        item.UpdatedBy = user;
        JournalPurge(id);
        await db.SaveChangesAsync(cancellationToken);
        // The database no longer points at the old original: from here no request can produce its variants again.
        await variants.PurgeAsync(id, CancellationToken.None);
        await store.DeleteAsync(oldKey, CancellationToken.None);
        logger.LogInformation("Media {Id} replaced by {User} with {FileName}.", id, user, item.FileName);
        return MediaResult.Success(MediaStatus.Updated, item);
    }

    /// <summary>Alt text, focal point, credit and licence. Moving the focal point changes the item's URLs (new crops).</summary>
    public async Task<MediaResult> UpdateDetailsAsync(int id, MediaDetails details, string user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (!ValidFocalPoint(details.FocalX, details.FocalY))
        {
            return FocalPointError();
        }
        var item = await db.Media.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (item is null)
        {
            return MediaResult.Failure(MediaStatus.NotFound, "media.error.not-found");
        }
        var oldVersion = item.Version;
        item.Alt = details.Alt;
        item.FocalX = details.FocalX;
        item.FocalY = details.FocalY;
        item.Credit = Trimmed(details.Credit);
        item.Licence = Trimmed(details.Licence);
        item.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        item.UpdatedBy = user;
        if (item.Version != oldVersion)
        {
            JournalPurge(id);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (item.Version != oldVersion)
        {
            await variants.PurgeAsync(id, CancellationToken.None);
        }
        return MediaResult.Success(MediaStatus.Updated, item);
    }

    /// <summary>Deletes the item, its original and every variant: a deleted image is never served again.</summary>
    public async Task<MediaResult> DeleteAsync(int id, string user, CancellationToken cancellationToken = default)
    {
        var item = await db.Media.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (item is null)
        {
            return MediaResult.Failure(MediaStatus.NotFound, "media.error.not-found");
        }
        db.Media.Remove(item);
        JournalPurge(id);
        await db.SaveChangesAsync(cancellationToken);
        await variants.PurgeAsync(id, CancellationToken.None);
        await store.DeleteAsync(item.StorageKey, CancellationToken.None);
        logger.LogInformation("Media {Id} ({FileName}) deleted by {User}.", id, item.FileName, user);
        return MediaResult.Success(MediaStatus.Deleted, item);
    }

    /// <summary>
    /// Tells every node, in the same save, to drop its resized copies of the item: this node purges at once as well,
    /// the others when they apply the journal.
    /// </summary>
    private void JournalPurge(int id) => db.IndexJournal.Add(new IkmCatalog.Search.IndexJournalEntry
    {
        DocumentType = MediaJournal.DocumentType,
        DocumentId = id,
        Action = IkmCatalog.Search.IndexJournalActions.MediaPurge,
        CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
    });

    /// <summary>Lower-case ASCII letters, digits and dashes, with the extension of the detected type; never a path.</summary>
    public static string SanitizeFileName(string? name, string extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        // Only the last segment counts, whichever separator the uploader's system used.
        var last = (name ?? "").Replace('\\', '/').Split('/')[^1];
        var stem = Path.GetFileNameWithoutExtension(last).Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(stem.Length);
        foreach (var c in stem)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue; // é → e
            }
            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                slug.Append(lower);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        var result = slug.ToString().Trim('-');
        if (result.Length > 80)
        {
            result = result[..80].TrimEnd('-');
        }
        return (result.Length == 0 ? "file" : result) + extension;
    }

    private sealed record CheckedFile(byte[] Bytes, SniffResult Sniff, MediaKind Kind, string FileName, string OriginalFileName, int Width, int Height);

    private async Task<(CheckedFile? File, MediaResult? Failure)> ValidateAsync(Stream content, string fileName, string? declaredType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var bytes = await ReadLimitedAsync(content, limits.MaxUploadBytes, cancellationToken);
        if (bytes is null)
        {
            return (null, MediaResult.Failure(MediaStatus.TooLarge, "media.error.too-large", Math.Round(limits.MaxUploadBytes / Megabyte, 1)));
        }
        if (bytes.Length == 0)
        {
            return (null, MediaResult.Failure(MediaStatus.Empty, "media.error.empty"));
        }
        var sniff = MediaSniffer.Inspect(bytes);
        if (sniff.Type == SniffedType.Unknown)
        {
            logger.LogWarning("Upload {FileName} (declared {DeclaredType}) refused: its content is not JPEG, PNG, WebP or PDF.", fileName, declaredType);
            return (null, MediaResult.Failure(MediaStatus.UnsupportedType, "media.error.unsupported-type"));
        }
        var original = Path.GetFileName((fileName ?? "").Replace('\\', '/').Split('/')[^1]);
        if (original.Length > 200)
        {
            original = original[..200];
        }
        var safeName = SanitizeFileName(fileName, sniff.Extension);
        if (sniff.Type == SniffedType.Pdf)
        {
            return (new CheckedFile(bytes, sniff, MediaKind.Document, safeName, original, 0, 0), null);
        }
        if (sniff.HeaderUnreadable)
        {
            return (null, MediaResult.Failure(MediaStatus.Corrupt, "media.error.corrupt"));
        }
        if (sniff.Pixels > limits.MaxPixels)
        {
            // Decided from the header alone: a decompression bomb never reaches a decoder.
            return (null, MediaResult.Failure(MediaStatus.TooManyPixels, "media.error.too-many-pixels",
                sniff.Width, sniff.Height, Math.Round(sniff.Pixels / 1e6, 1), Math.Round(limits.MaxPixels / 1e6, 1)));
        }
        var decoded = Decode(bytes, sniff);
        if (decoded is null)
        {
            return (null, MediaResult.Failure(MediaStatus.Corrupt, "media.error.corrupt"));
        }
        return (new CheckedFile(bytes, sniff, MediaKind.Image, safeName, original, decoded.Value.Width, decoded.Value.Height), null);
    }

    /// <summary>
    /// Opens the image with the loader of its sniffed type only (header read), then decodes a small thumbnail
    /// (shrink-on-load keeps that cheap) so a truncated or corrupt file is refused now rather than failing on a
    /// visitor's request. Returns the displayed size (EXIF orientation applied).
    /// </summary>
    private (int Width, int Height)? Decode(byte[] bytes, SniffResult sniff)
    {
        Libvips.Harden();
        try
        {
            using var header = sniff.Type switch
            {
                SniffedType.Jpeg => NetVips.Image.JpegloadBuffer(bytes, access: NetVips.Enums.Access.Sequential),
                SniffedType.Png => NetVips.Image.PngloadBuffer(bytes, access: NetVips.Enums.Access.Sequential),
                _ => NetVips.Image.WebploadBuffer(bytes, access: NetVips.Enums.Access.Sequential),
            };
            if ((long)header.Width * header.Height > limits.MaxPixels)
            {
                return null;
            }
            var orientation = header.Contains("orientation") ? Convert.ToInt32(header.Get("orientation"), CultureInfo.InvariantCulture) : 1;
            // fail-on goes to the loader through the option string; Thumbnail's own failOn argument does not reach it.
            using var probe = NetVips.Image.ThumbnailBuffer(bytes, 64, optionString: "fail-on=truncated", height: 64);
            using var pixels = probe.CopyMemory();
            return orientation is >= 5 and <= 8 ? (header.Height, header.Width) : (header.Width, header.Height);
        }
        catch (NetVips.VipsException e)
        {
            logger.LogWarning("An upload of type {Type} could not be decoded: {Error}", sniff.Type, e.Message.Split('\n')[0]);
            return null;
        }
    }

    private async Task StoreAsync(MediaItem item, CheckedFile file, CancellationToken cancellationToken)
    {
        // A folder per upload: two uploads with the same name (or content) never share, or delete, an original.
        var key = $"originals/{Guid.NewGuid():N}/{file.FileName}";
        using (var stream = new MemoryStream(file.Bytes, writable: false))
        {
            await store.SaveAsync(key, stream, cancellationToken);
        }
        item.Kind = file.Kind;
        item.FileName = file.FileName;
        item.OriginalFileName = file.OriginalFileName;
        item.ContentType = file.Sniff.ContentType;
        item.Length = file.Bytes.Length;
        item.Width = file.Width;
        item.Height = file.Height;
        item.StorageKey = key;
        item.Hash = Convert.ToHexStringLower(SHA256.HashData(file.Bytes));
    }

    /// <summary>Reads at most limit bytes; null when the stream holds more (the rest is never read).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream content, long limit, CancellationToken cancellationToken)
    {
        if (content.CanSeek && content.Length - content.Position > limit)
        {
            return null;
        }
        using var buffer = new MemoryStream(content.CanSeek ? (int)Math.Min(content.Length - content.Position, limit) : 81920);
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static bool ValidFocalPoint(double x, double y) => x is >= 0 and <= 1 && y is >= 0 and <= 1;

    private static MediaResult FocalPointError() => MediaResult.Failure(MediaStatus.InvalidFocalPoint, "media.error.focal-point");

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
