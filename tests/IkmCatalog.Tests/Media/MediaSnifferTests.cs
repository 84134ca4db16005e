using System.Text;
using IkmCatalog.Media;

namespace IkmCatalog.Tests.Media;

public class MediaSnifferTests
{
    [Fact]
    public void Jpeg_png_and_webp_are_recognised_with_the_size_their_header_declares()
    {
        Assert.Equal(new SniffResult(SniffedType.Jpeg, 321, 123), MediaSniffer.Inspect(TestImages.Jpeg(321, 123)));
        Assert.Equal(new SniffResult(SniffedType.Png, 77, 55), MediaSniffer.Inspect(TestImages.Png(77, 55)));
        Assert.Equal(new SniffResult(SniffedType.WebP, 301, 99), MediaSniffer.Inspect(TestImages.WebP(301, 99)));
        Assert.Equal(new SniffResult(SniffedType.WebP, 64, 48), MediaSniffer.Inspect(TestImages.WebP(64, 48, lossless: true)));
        Assert.Equal(SniffedType.Pdf, MediaSniffer.Inspect(TestImages.Pdf()).Type);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><script>alert(document.cookie)</script></html>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")]
    [InlineData("GIF89a\u0001\u0000\u0001\u0000")]
    [InlineData("")]
    public void Anything_else_is_unknown_whatever_it_is_called(string content)
    {
        Assert.Equal(SniffedType.Unknown, MediaSniffer.Inspect(Encoding.UTF8.GetBytes(content)).Type);
    }

    [Fact]
    public void A_decompression_bomb_is_measured_from_its_header_without_allocating_for_its_pixels()
    {
        var bomb = TestImages.PngBomb();
        MediaSniffer.Inspect(bomb); // warm up (JIT)

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = MediaSniffer.Inspect(bomb);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(new SniffResult(SniffedType.Png, 100_000, 100_000), result);
        Assert.Equal(10_000_000_000, result.Pixels);
        Assert.True(allocated < 1024, $"{allocated} bytes allocated");
    }

    [Fact]
    public void A_jpeg_cut_before_its_frame_header_has_no_readable_size()
    {
        var jpeg = TestImages.Jpeg(100, 100);

        Assert.True(MediaSniffer.Inspect(jpeg.AsSpan(0, 20)).HeaderUnreadable);
        Assert.False(MediaSniffer.Inspect(jpeg).HeaderUnreadable);
    }
}
