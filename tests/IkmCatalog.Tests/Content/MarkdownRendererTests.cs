using IkmCatalog.Content;

namespace IkmCatalog.Tests.Content;

public class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Fact]
    public void Raw_html_in_markdown_is_not_rendered_as_html()
    {
        var html = _renderer.ToHtml("Keripik **renyah** <script>alert(1)</script> <img src=x onerror=alert(1)>");

        Assert.Contains("<strong>renyah</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Javascript_links_are_removed_and_others_get_nofollow()
    {
        var html = _renderer.ToHtml("[klik](javascript:alert(1)) dan [dinas](https://example.go.id)");

        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"https://example.go.id\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"nofollow noopener\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_is_cut_at_a_word_boundary()
    {
        var text = _renderer.ToPlainText("Abon ikan marlin khas Kendari, diolah dari ikan segar tangkapan nelayan setempat.", 30);

        Assert.True(text.Length <= 31);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
    }
}
