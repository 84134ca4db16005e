using System.Buffers.Binary;
using System.Text;
using IkmCatalog.Content;
using IkmCatalog.Media;
using IkmCatalog.Tests.Infrastructure;
using IkmCatalog.Web.Media;
using Microsoft.Extensions.DependencyInjection;
using NetVips;

namespace IkmCatalog.Tests.Media;

/// <summary>
/// The site with one libvips pipeline at a time, so the tests can see requests wait in line. Its own instance:
/// media tests upload, replace and delete without disturbing the page tests.
/// </summary>
public sealed class MediaWebFactory() : IkmWebFactory(new() { ["IkmCatalog:Media:MaxConcurrentPipelines"] = "1" })
{
    public async Task<MediaItem> UploadAsync(byte[] bytes, string fileName, double focalX = 0.5, double focalY = 0.5, LocalizedText? alt = null)
    {
        var result = await UploadResultAsync(bytes, fileName, focalX, focalY, alt);
        Assert.True(result.Succeeded, $"upload of {fileName} refused: {result.MessageKey}");
        return result.Item!;
    }

    public async Task<MediaResult> UploadResultAsync(byte[] bytes, string fileName, double focalX = 0.5, double focalY = 0.5, LocalizedText? alt = null, string? declaredType = null)
    {
        using var scope = Services.CreateScope();
        var library = scope.ServiceProvider.GetRequiredService<MediaLibrary>();
        using var stream = new MemoryStream(bytes);
        return await library.UploadAsync(new MediaUpload(stream, fileName, "editor@test")
        {
            Alt = alt ?? new LocalizedText("Foto uji", "Test photo"),
            FocalX = focalX,
            FocalY = focalY,
            DeclaredContentType = declaredType,
        });
    }

    public async Task<MediaResult> WithLibraryAsync(Func<MediaLibrary, Task<MediaResult>> action)
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<MediaLibrary>());
    }

    public string Url(MediaItem item, int? width = null, int? height = null, ResizeMode mode = ResizeMode.Fit, ImageFormat? format = null, int? quality = null) =>
        MediaUrls.Image(Services.GetRequiredService<MediaSigner>(), item, new ImageCommand(width, height, mode, format, quality, item.Version));

    public MediaVariantProcessor Processor => Services.GetRequiredService<MediaVariantProcessor>();

    public string CacheFolder(int mediaId) => Services.GetRequiredService<VariantCache>().FolderFor(mediaId);
}

[CollectionDefinition(Name)]
public sealed class MediaCollection : ICollectionFixture<MediaWebFactory>
{
    public const string Name = "media";
}

/// <summary>Pictures made with libvips for the tests: no binary fixtures in the repository.</summary>
public static class TestImages
{
    /// <summary>A smooth colour gradient: compresses like a photo, every pixel different.</summary>
    public static Image Gradient(int width, int height)
    {
        using var xyz = Image.Xyz(width, height);
        using var x = xyz[0];
        using var y = xyz[1];
        using var r = x * (255.0 / width);
        using var g = y * (255.0 / height);
        using var b = (x + y) * (255.0 / (width + height));
        using var joined = r.Bandjoin(g, b);
        using var cast = joined.Cast(Enums.BandFormat.Uchar);
        return cast.Copy(interpretation: Enums.Interpretation.Srgb);
    }

    /// <summary>Left half one colour, right half another.</summary>
    public static Image TwoTone(int width, int height, double[] left, double[] right)
    {
        using var black = Image.Black(width / 2, height);
        using var l = black.NewFromImage(left);
        using var rr = black.NewFromImage(right);
        using var joined = l.Join(rr, Enums.Direction.Horizontal);
        using var cast = joined.Cast(Enums.BandFormat.Uchar);
        return cast.Copy(interpretation: Enums.Interpretation.Srgb);
    }

    public static byte[] Jpeg(int width, int height) { using var i = Gradient(width, height); return i.JpegsaveBuffer(q: 85); }

    public static byte[] Png(int width, int height) { using var i = Gradient(width, height); return i.PngsaveBuffer(); }

    public static byte[] WebP(int width, int height, bool lossless = false) { using var i = Gradient(width, height); return i.WebpsaveBuffer(q: 80, lossless: lossless); }

    /// <summary>A PNG with an alpha channel (transparent right half).</summary>
    public static byte[] TransparentPng(int width, int height)
    {
        using var rgb = Gradient(width, height);
        using var alpha = TwoTone(width, height, [255], [0]);
        using var alphaBand = alpha[0];
        using var rgba = rgb.Bandjoin(alphaBand);
        return rgba.PngsaveBuffer();
    }

    public static byte[] WithMetadata(Image image, int orientation, bool gps)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var tagged = image.Mutate(m =>
        {
            m.Set(GValue.GIntType, "orientation", orientation);
            if (gps)
            {
                m.Set(GValue.GStrType, "exif-ifd3-GPSLatitudeRef", "S");
                m.Set(GValue.GStrType, "exif-ifd3-GPSLatitude", "6/1 12/1 30/1");
            }
        });
        return tagged.JpegsaveBuffer(q: 90);
    }

    /// <summary>
    /// A decompression bomb: a valid PNG signature and IHDR (correct CRC) declaring 100 000 × 100 000 pixels
    /// (30 GB of RGB once decoded), in a few dozen bytes.
    /// </summary>
    public static byte[] PngBomb(int width = 100_000, int height = 100_000)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // truecolour
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    public static byte[] Pdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n" +
        "trailer << /Root 1 0 R >>\n%%EOF\n");

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        return ~crc;
    }

    public static Image Decode(byte[] bytes) => Image.NewFromBuffer(bytes);
}
