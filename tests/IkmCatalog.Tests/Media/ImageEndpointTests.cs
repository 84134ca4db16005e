using System.Net;
using System.Net.Http.Headers;
using IkmCatalog.Media;
using IkmCatalog.Web.Media;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetVips;

namespace IkmCatalog.Tests.Media;

[Collection(MediaCollection.Name)]
public class ImageEndpointTests(MediaWebFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<HttpResponseMessage> GetAsync(string url, string? accept = null, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(ifNoneMatch));
        }
        return await _client.SendAsync(request);
    }

    private async Task<Image> GetImageAsync(string url, string? accept = null)
    {
        var response = await GetAsync(url, accept);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return TestImages.Decode(await response.Content.ReadAsByteArrayAsync());
    }

    private static bool IsWhite(double[] pixel) => pixel.Take(3).All(v => v > 200);

    private static bool IsBlack(double[] pixel) => pixel.Take(3).All(v => v < 55);

    [Fact]
    public async Task A_fit_variant_has_the_asked_width_and_the_originals_proportions()
    {
        var item = await factory.UploadAsync(TestImages.Jpeg(1200, 900), "fit.jpg");

        using var byWidth = await GetImageAsync(factory.Url(item, width: 300));
        using var byBox = await GetImageAsync(factory.Url(item, width: 400, height: 100));
        using var byHeight = await GetImageAsync(factory.Url(item, height: 90));

        Assert.Equal((300, 225), (byWidth.Width, byWidth.Height));
        Assert.Equal((133, 100), (byBox.Width, byBox.Height));
        Assert.Equal((120, 90), (byHeight.Width, byHeight.Height));
    }

    [Fact]
    public async Task A_crop_keeps_the_focal_point_in_frame()
    {
        // Left half black, right half white; a square crop of a 2:1 picture shows one half or the other.
        using var picture = TestImages.TwoTone(800, 400, [0, 0, 0], [255, 255, 255]);
        var bytes = picture.JpegsaveBuffer(q: 95);
        var right = await factory.UploadAsync(bytes, "right.jpg", focalX: 0.9, focalY: 0.5);
        var left = await factory.UploadAsync(bytes, "left.jpg", focalX: 0.1, focalY: 0.5);

        using var rightCrop = await GetImageAsync(factory.Url(right, 200, 200, ResizeMode.Crop));
        using var leftCrop = await GetImageAsync(factory.Url(left, 200, 200, ResizeMode.Crop));

        Assert.Equal((200, 200), (rightCrop.Width, rightCrop.Height));
        Assert.True(IsWhite(rightCrop.Getpoint(20, 100)) && IsWhite(rightCrop.Getpoint(180, 100)), "the right-hand focal point shows the white half");
        Assert.True(IsBlack(leftCrop.Getpoint(20, 100)) && IsBlack(leftCrop.Getpoint(180, 100)), "the left-hand focal point shows the black half");
    }

    [Fact]
    public async Task A_crop_larger_than_the_original_is_not_enlarged_but_keeps_its_proportions()
    {
        var item = await factory.UploadAsync(TestImages.Jpeg(300, 300), "small.jpg");

        using var variant = await GetImageAsync(factory.Url(item, 800, 400, ResizeMode.Crop));

        Assert.Equal((300, 150), (variant.Width, variant.Height));
    }

    [Fact]
    public async Task WebP_is_sent_to_browsers_that_accept_it_and_jpeg_to_the_others_varying_on_accept()
    {
        var item = await factory.UploadAsync(TestImages.Jpeg(600, 400), "negotiate.jpg");
        var url = factory.Url(item, width: 200);

        var webp = await GetAsync(url, "image/avif,image/webp,image/apng,*/*;q=0.8");
        var jpeg = await GetAsync(url, "image/png,image/*;q=0.8");
        var png = await GetAsync(factory.Url(item, width: 200, format: ImageFormat.Png), "image/webp");

        Assert.Equal("image/webp", webp.Content.Headers.ContentType!.MediaType);
        Assert.Equal("image/jpeg", jpeg.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Accept", webp.Headers.Vary);
        Assert.Contains("Accept", jpeg.Headers.Vary);
        Assert.NotEqual(webp.Headers.ETag, jpeg.Headers.ETag);
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType); // fmt decides, Accept does not
        Assert.DoesNotContain("Accept", png.Headers.Vary);
        using var decoded = TestImages.Decode(await webp.Content.ReadAsByteArrayAsync());
        Assert.Equal(200, decoded.Width);
    }

    [Fact]
    public async Task A_transparent_png_stays_png_without_webp_and_is_flattened_when_jpeg_is_asked()
    {
        var item = await factory.UploadAsync(TestImages.TransparentPng(200, 100), "logo.png");

        var fallback = await GetAsync(factory.Url(item, width: 100));
        var jpeg = await GetAsync(factory.Url(item, width: 100, format: ImageFormat.Jpeg));

        Assert.Equal("image/png", fallback.Content.Headers.ContentType!.MediaType);
        using var png = TestImages.Decode(await fallback.Content.ReadAsByteArrayAsync());
        Assert.True(png.HasAlpha());
        using var flat = TestImages.Decode(await jpeg.Content.ReadAsByteArrayAsync());
        Assert.False(flat.HasAlpha());
        Assert.True(IsWhite(flat.Getpoint(90, 25)), "the transparent half became white");
    }

    [Fact]
    public async Task Variants_are_upright_and_carry_no_exif_or_gps()
    {
        // Stored sideways (red left, blue right) with orientation 6: upright, red is on top.
        using var sideways = TestImages.TwoTone(200, 100, [255, 0, 0], [0, 0, 255]);
        var bytes = TestImages.WithMetadata(sideways, orientation: 6, gps: true);
        using (var original = TestImages.Decode(bytes))
        {
            Assert.Contains("exif-data", original.GetFields());
            Assert.Contains(original.GetFields(), f => f.StartsWith("exif-ifd3-GPS", StringComparison.Ordinal));
        }
        var item = await factory.UploadAsync(bytes, "sideways.jpg");

        foreach (var format in new[] { ImageFormat.Jpeg, ImageFormat.WebP, ImageFormat.Png })
        {
            using var variant = await GetImageAsync(factory.Url(item, width: 50, format: format));
            Assert.Equal((50, 100), (variant.Width, variant.Height));
            var top = variant.Getpoint(25, 10);
            var bottom = variant.Getpoint(25, 90);
            Assert.True(top[0] > 200 && top[2] < 60, $"{format}: top is red");
            Assert.True(bottom[2] > 200 && bottom[0] < 60, $"{format}: bottom is blue");
            Assert.DoesNotContain(variant.GetFields(), f => f.StartsWith("exif", StringComparison.Ordinal) || f is "orientation" or "xmp-data" or "iptc-data");
        }
    }

    [Fact]
    public async Task Unsigned_altered_or_extended_urls_are_refused_before_any_work()
    {
        var item = await factory.UploadAsync(TestImages.Jpeg(400, 300), "signed.jpg");
        var url = factory.Url(item, width: 200);
        var produced = factory.Processor.VariantsProduced;

        var unsigned = await GetAsync(url[..url.IndexOf("&sig=", StringComparison.Ordinal)]);
        var altered = await GetAsync(url.Replace("w=200", "w=201", StringComparison.Ordinal));
        var extended = await GetAsync(url + "&x=1");
        var forged = await GetAsync($"/media/{item.Id}/{item.FileName}?v={item.Version}&w=200&sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        var otherItem = await GetAsync(url.Replace($"/media/{item.Id}/", $"/media/{item.Id - 1}/", StringComparison.Ordinal));

        Assert.All(new[] { unsigned, altered, extended, forged, otherItem }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal(produced, factory.Processor.VariantsProduced);
        Assert.False(Directory.Exists(factory.CacheFolder(item.Id)), "no variant was written");
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Even_a_signed_url_gets_no_more_than_the_maximum_dimension()
    {
        var max = factory.Services.GetRequiredService<IOptions<MediaOptions>>().Value.MaxDimension;
        var item = await factory.UploadAsync(TestImages.Jpeg(3000, 1000), "wide.jpg");

        using var capped = await GetImageAsync(factory.Url(item, width: 10_000));
        using var cappedCrop = await GetImageAsync(factory.Url(item, 10_000, 5_000, ResizeMode.Crop));

        Assert.Equal(2560, max);
        Assert.Equal((2560, 853), (capped.Width, capped.Height));
        Assert.True(cappedCrop.Width <= max && cappedCrop.Height <= max, $"{cappedCrop.Width}×{cappedCrop.Height}");
        Assert.Equal(2.0, cappedCrop.Width / (double)cappedCrop.Height, 2);
    }

    [Fact]
    public async Task A_cached_variant_is_served_again_with_its_etag_a_year_of_caching_and_304_when_unchanged()
    {
        var item = await factory.UploadAsync(TestImages.Jpeg(500, 500), "cached.jpg");
        var url = factory.Url(item, width: 120);

        var first = await GetAsync(url, "image/webp");
        var produced = factory.Processor.VariantsProduced;
        var second = await GetAsync(url, "image/webp");
        var revalidated = await GetAsync(url, "image/webp", ifNoneMatch: first.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(produced, factory.Processor.VariantsProduced); // served from disk
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.False(first.Headers.ETag.IsWeak);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal("public, max-age=31536000, immutable", second.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Single(Directory.GetFiles(factory.CacheFolder(item.Id)));
    }

    [Fact]
    public async Task Twenty_simultaneous_requests_for_a_new_variant_produce_it_once()
    {
        var item = await factory.UploadAsync(TestImages.Jpeg(2000, 1500), "popular.jpg");
        var url = factory.Url(item, width: 800);
        var before = factory.Processor.VariantsProduced;

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => GetAsync(url, "image/webp")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(before + 1, factory.Processor.VariantsProduced);
        Assert.Single(responses.Select(r => r.Headers.ETag!.Tag).Distinct());
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsByteArrayAsync()));
        Assert.All(bodies, b => Assert.Equal(bodies[0], b));
    }

    [Fact]
    public async Task Requests_beyond_the_pipeline_limit_wait_in_line_instead_of_failing()
    {
        var limit = factory.Services.GetRequiredService<IOptions<MediaOptions>>().Value.MaxConcurrentPipelines;
        var item = await factory.UploadAsync(TestImages.Jpeg(1600, 1200), "queued.jpg");
        var before = factory.Processor.VariantsProduced;

        var responses = await Task.WhenAll(new[] { 100, 150, 200, 250, 300, 350, 400, 450 }.Select(w => GetAsync(factory.Url(item, width: w))));

        Assert.Equal(1, limit); // this collection's site runs one pipeline at a time
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(before + 8, factory.Processor.VariantsProduced);
        Assert.Equal(1, factory.Processor.PeakConcurrentPipelines);
    }

    [Fact]
    public async Task A_deleted_image_is_never_served_again_even_from_the_cache()
    {
        var item = await factory.UploadAsync(TestImages.Jpeg(300, 200), "deleted.jpg");
        var url = factory.Url(item, width: 100);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(url)).StatusCode);
        Assert.NotEmpty(Directory.GetFiles(factory.CacheFolder(item.Id)));

        var result = await factory.WithLibraryAsync(l => l.DeleteAsync(item.Id, "editor@test"));

        Assert.Equal(MediaStatus.Deleted, result.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(url)).StatusCode);
        Assert.False(Directory.Exists(factory.CacheFolder(item.Id)));
        Assert.False(File.Exists(Path.Combine(factory.DataPath, "media", item.StorageKey)));
    }

    [Fact]
    public async Task A_replaced_image_gets_new_urls_and_its_old_variants_are_purged()
    {
        var item = await factory.UploadAsync(TestImages.Jpeg(300, 200), "replaced.jpg");
        var oldUrl = factory.Url(item, width: 100);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(oldUrl)).StatusCode);

        using var replacement = new MemoryStream(TestImages.Png(200, 400));
        var result = await factory.WithLibraryAsync(l => l.ReplaceAsync(item.Id, replacement, "replaced-v2.png", "editor@test"));

        Assert.Equal(MediaStatus.Updated, result.Status);
        var replaced = result.Item!;
        Assert.NotEqual(item.Version, replaced.Version);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(oldUrl)).StatusCode);
        using var fresh = await GetImageAsync(factory.Url(replaced, width: 100));
        Assert.Equal((100, 200), (fresh.Width, fresh.Height));
        Assert.False(File.Exists(Path.Combine(factory.DataPath, "media", item.StorageKey)), "the old original is gone");
    }

    [Fact]
    public async Task Moving_the_focal_point_retires_the_old_crops()
    {
        var item = await factory.UploadAsync(TestImages.Jpeg(400, 200), "refocus.jpg");
        var oldUrl = factory.Url(item, 100, 100, ResizeMode.Crop);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(oldUrl)).StatusCode);

        var result = await factory.WithLibraryAsync(l => l.UpdateDetailsAsync(item.Id, new MediaDetails(item.Alt, 0.8, 0.5, null, null), "editor@test"));

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(oldUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(factory.Url(result.Item!, 100, 100, ResizeMode.Crop))).StatusCode);
    }

    [Fact]
    public async Task A_certificate_scan_is_a_download_never_a_page_and_is_never_resized()
    {
        var item = await factory.UploadAsync(TestImages.Pdf(), "sertifikat-pirt.pdf");

        var download = await GetAsync(factory.Url(item));
        var resized = await GetAsync(factory.Url(item, width: 200));

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("sertifikat-pirt.pdf", download.Content.Headers.ContentDisposition.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", download.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(TestImages.Pdf(), await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, resized.StatusCode);
    }

    [Fact]
    public async Task A_url_for_an_item_that_does_not_exist_is_not_found()
    {
        var item = new MediaItem { Id = 999_999, FileName = "ghost.jpg", Hash = new string('a', 64) };

        var response = await GetAsync(factory.Url(item, width: 100));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
