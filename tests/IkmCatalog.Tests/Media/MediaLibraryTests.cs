using System.Globalization;
using System.Text;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Media;
using IkmCatalog.Web.Localization;
using IkmCatalog.Web.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace IkmCatalog.Tests.Media;

[Collection(MediaCollection.Name)]
public class MediaLibraryTests(MediaWebFactory factory)
{
    private static string Message(MediaResult result, string culture)
    {
        var (ui, format) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            return result.Describe(new JsonStringLocalizer(new UiStrings()))!;
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, format);
        }
    }

    private MediaLibrary LibraryWith(IServiceScope scope, MediaLimits limits) => new(
        scope.ServiceProvider.GetRequiredService<IkmDbContext>(), scope.ServiceProvider.GetRequiredService<IMediaStore>(),
        scope.ServiceProvider.GetRequiredService<IMediaVariantCache>(), limits, TimeProvider.System, NullLogger<MediaLibrary>.Instance);

    [Fact]
    public async Task An_uploaded_photo_is_stored_with_its_description_and_a_database_row()
    {
        var result = await factory.UploadResultAsync(TestImages.WebP(640, 480), "Keripik Tempe Sanan.webp", 0.25, 0.75,
            new LocalizedText("Keripik tempe dalam kemasan", "Tempeh chips in their pack"));

        Assert.Equal(MediaStatus.Saved, result.Status);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
        var item = await db.Media.SingleAsync(m => m.Id == result.Item!.Id);
        Assert.Equal(MediaKind.Image, item.Kind);
        Assert.Equal("keripik-tempe-sanan.webp", item.FileName);
        Assert.Equal("Keripik Tempe Sanan.webp", item.OriginalFileName);
        Assert.Equal("image/webp", item.ContentType);
        Assert.Equal((640, 480), (item.Width, item.Height));
        Assert.Equal((0.25, 0.75), (item.FocalX, item.FocalY));
        Assert.Equal("Tempeh chips in their pack", item.Alt.For("en"));
        Assert.Equal("editor@test", item.UploadedBy);
        Assert.Equal(64, item.Hash.Length);
        var original = Path.Combine(factory.DataPath, "media", item.StorageKey);
        Assert.Equal(item.Length, new FileInfo(original).Length);
    }

    [Fact]
    public async Task A_photo_turned_by_its_exif_orientation_is_stored_with_its_upright_size()
    {
        using var landscape = TestImages.Gradient(300, 200);

        var item = await factory.UploadAsync(TestImages.WithMetadata(landscape, orientation: 6, gps: false), "rotated.jpg");

        Assert.Equal((200, 300), (item.Width, item.Height));
    }

    [Theory]
    [InlineData("../../etc/passwd.jpg", "passwd.jpg")]
    [InlineData("..\\..\\Windows\\win.ini.jpg", "win-ini.jpg")]
    [InlineData("Dodol Garut Ümmi & Sons (2).JPEG", "dodol-garut-ummi-sons-2.jpg")]
    [InlineData("....jpg", "file.jpg")]
    [InlineData("foto.png", "foto.jpg")] // the extension follows the content, not the name
    public void File_names_are_sanitised_and_never_a_path(string uploaded, string expected)
    {
        Assert.Equal(expected, MediaLibrary.SanitizeFileName(uploaded, ".jpg"));
    }

    [Fact]
    public async Task A_traversal_file_name_lands_inside_the_media_store()
    {
        var item = await factory.UploadAsync(TestImages.Png(40, 30), "../../../../tmp/evil.png");

        var stored = Path.GetFullPath(Path.Combine(factory.DataPath, "media", item.StorageKey));
        Assert.StartsWith(Path.GetFullPath(Path.Combine(factory.DataPath, "media")) + Path.DirectorySeparatorChar, stored, StringComparison.Ordinal);
        Assert.Equal("evil.png", item.FileName);
        Assert.True(File.Exists(stored));
    }

    [Fact]
    public async Task An_html_page_named_like_a_jpeg_is_refused_with_a_message_in_the_editors_language()
    {
        var html = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>fetch('/backoffice')</script></body></html>");

        var result = await factory.UploadResultAsync(html, "photo.jpg", declaredType: "image/jpeg");

        Assert.Equal(MediaStatus.UnsupportedType, result.Status);
        Assert.Null(result.Item);
        Assert.Contains("Jenis berkas tidak didukung", Message(result, "id"), StringComparison.Ordinal);
        Assert.Contains("not supported", Message(result, "en"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Svg_and_gif_are_refused()
    {
        var svg = await factory.UploadResultAsync(Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), "logo.png");
        var gif = await factory.UploadResultAsync([.. "GIF89a"u8, 1, 0, 1, 0, 0, 0, 0, (byte)';'], "anim.webp");

        Assert.Equal(MediaStatus.UnsupportedType, svg.Status);
        Assert.Equal(MediaStatus.UnsupportedType, gif.Status);
    }

    [Fact]
    public async Task A_file_over_the_default_15_mb_is_refused_with_the_limit_in_the_message()
    {
        var big = new byte[15 * 1024 * 1024 + 1];
        TestImages.Jpeg(10, 10).CopyTo(big, 0);

        var result = await factory.UploadResultAsync(big, "huge.jpg");

        Assert.Equal(MediaStatus.TooLarge, result.Status);
        Assert.Contains("15 MB", Message(result, "id"), StringComparison.Ordinal);
        Assert.Contains("Batas unggahan", Message(result, "id"), StringComparison.Ordinal);
        Assert.Contains("The upload limit is 15 MB", Message(result, "en"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_longer_than_the_limit_is_refused_without_reading_it_all()
    {
        using var scope = factory.Services.CreateScope();
        var library = LibraryWith(scope, new MediaLimits(64 * 1024, 100_000_000));
        using var endless = new EndlessStream(TestImages.Jpeg(10, 10));

        var result = await library.UploadAsync(new MediaUpload(endless, "stream.jpg", "editor@test"));

        Assert.Equal(MediaStatus.TooLarge, result.Status);
        Assert.True(endless.BytesRead < 200 * 1024, $"{endless.BytesRead} bytes read");
    }

    [Fact]
    public async Task A_decompression_bomb_png_is_refused_from_its_header_with_its_size_in_the_message()
    {
        var bomb = TestImages.PngBomb();

        var result = await factory.UploadResultAsync(bomb, "bomb.png");

        Assert.Equal(MediaStatus.TooManyPixels, result.Status);
        Assert.Equal("Gambar terlalu besar: 100000 × 100000 piksel (10000 megapiksel). Batasnya 100 megapiksel.", Message(result, "id"));
        Assert.Equal("The image is too large: 100000 × 100000 pixels (10000 megapixels). The limit is 100 megapixels.", Message(result, "en"));
    }

    [Fact]
    public async Task The_pixel_limit_is_configurable()
    {
        using var scope = factory.Services.CreateScope();
        var library = LibraryWith(scope, new MediaLimits(15 * 1024 * 1024, 5_000));
        using var small = new MemoryStream(TestImages.Jpeg(100, 100));

        var result = await library.UploadAsync(new MediaUpload(small, "small.jpg", "editor@test"));

        Assert.Equal(MediaStatus.TooManyPixels, result.Status);
        Assert.Equal(100, result.MessageArgs[0]);
        Assert.Equal(100, result.MessageArgs[1]);
    }

    [Fact]
    public async Task A_truncated_or_headerless_image_is_refused_as_damaged()
    {
        var jpeg = TestImages.Jpeg(400, 300);

        var truncated = await factory.UploadResultAsync(jpeg[..(jpeg.Length / 2)], "half.jpg");
        var headerless = await factory.UploadResultAsync([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46], "tiny.jpg");

        Assert.Equal(MediaStatus.Corrupt, truncated.Status);
        Assert.Equal(MediaStatus.Corrupt, headerless.Status);
        Assert.Contains("rusak", Message(truncated, "id"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_files_and_focal_points_outside_the_image_are_refused()
    {
        var empty = await factory.UploadResultAsync([], "empty.jpg");
        var focal = await factory.UploadResultAsync(TestImages.Jpeg(20, 20), "focal.jpg", focalX: 1.5);

        Assert.Equal(MediaStatus.Empty, empty.Status);
        Assert.Equal(MediaStatus.InvalidFocalPoint, focal.Status);
        Assert.Contains("0", Message(focal, "en"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pdf_certificate_scan_is_kept_as_a_document()
    {
        var item = await factory.UploadAsync(TestImages.Pdf(), "Sertifikat Halal.pdf");

        Assert.Equal(MediaKind.Document, item.Kind);
        Assert.Equal("application/pdf", item.ContentType);
        Assert.Equal("sertifikat-halal.pdf", item.FileName);
        Assert.Equal((0, 0), (item.Width, item.Height));
    }

    [Fact]
    public async Task A_photo_cannot_be_replaced_by_a_document()
    {
        var photo = await factory.UploadAsync(TestImages.Jpeg(50, 50), "photo.jpg");

        using var pdf = new MemoryStream(TestImages.Pdf());
        var result = await factory.WithLibraryAsync(l => l.ReplaceAsync(photo.Id, pdf, "scan.pdf", "editor@test"));

        Assert.Equal(MediaStatus.KindMismatch, result.Status);
        Assert.Contains("PDF", Message(result, "id"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alt_text_focal_point_credit_and_licence_can_be_edited()
    {
        var item = await factory.UploadAsync(TestImages.Jpeg(80, 60), "details.jpg");

        var result = await factory.WithLibraryAsync(l => l.UpdateDetailsAsync(item.Id,
            new MediaDetails(new LocalizedText("Abon ikan", "Fish floss"), 0.2, 0.3, " Dinas Perindag ", "CC BY 4.0"), "editor@test"));

        Assert.Equal(MediaStatus.Updated, result.Status);
        using var scope = factory.Services.CreateScope();
        var saved = await scope.ServiceProvider.GetRequiredService<IkmDbContext>().Media.SingleAsync(m => m.Id == item.Id);
        Assert.Equal(("Abon ikan", "Fish floss"), (saved.Alt.Indonesian, saved.Alt.English));
        Assert.Equal((0.2, 0.3), (saved.FocalX, saved.FocalY));
        Assert.Equal(("Dinas Perindag", "CC BY 4.0"), (saved.Credit, saved.Licence));
        Assert.Equal("editor@test", saved.UpdatedBy);
        Assert.NotEqual(item.Version, saved.Version); // new crops, new URLs
    }

    [Fact]
    public async Task Operations_on_a_missing_item_say_so()
    {
        var result = await factory.WithLibraryAsync(l => l.DeleteAsync(int.MaxValue, "editor@test"));

        Assert.Equal(MediaStatus.NotFound, result.Status);
        Assert.Contains("not found", Message(result, "en"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_images_were_imported_through_the_library()
    {
        using var scope = factory.Services.CreateScope();
        var media = await scope.ServiceProvider.GetRequiredService<IkmDbContext>().Media.Where(m => m.UploadedBy == "seed").ToListAsync();

        Assert.NotEmpty(media);
        Assert.All(media, m =>
        {
            Assert.Equal(MediaKind.Image, m.Kind);
            Assert.Equal(64, m.Hash.Length);
            Assert.EndsWith(".jpg", m.OriginalFileName, StringComparison.Ordinal);
            Assert.True(m.Width > 0 && m.Height > 0);
        });
    }

    /// <summary>A stream that never ends: the library must stop reading at its limit.</summary>
    private sealed class EndlessStream(byte[] start) : Stream
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++)
            {
                buffer[offset + i] = BytesRead + i < start.Length ? start[BytesRead + i] : (byte)0;
            }
            BytesRead += count;
            return count;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
