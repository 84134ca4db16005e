using IkmCatalog.Tests.Infrastructure;

namespace IkmCatalog.Tests.Theming;

public class ThemeTests
{
    [Fact]
    public async Task A_theme_view_override_wins_over_the_default_view()
    {
        using var kendari = IkmWebFactory.With(new() { ["IkmCatalog:Theme"] = "kendari" });
        var client = kendari.CreateClient();

        var page = await kendari.GetDocumentAsync(client, "/");

        Assert.NotNull(page.QuerySelector("section.hero-tenun[data-theme-override=kendari]"));
        Assert.Null(page.QuerySelector("section.hero:not(.hero-tenun)"));
        Assert.Equal("kendari", page.DocumentElement.GetAttribute("data-theme"));
        Assert.Contains(page.QuerySelectorAll("link[rel=stylesheet]"), l => l.GetAttribute("href")!.Contains("/kendari/theme.css", StringComparison.Ordinal));
        // Views the theme does not override still come from the default: the footer is the default one.
        Assert.Null(page.QuerySelector("[data-theme-override=malang]"));
    }

    [Fact]
    public async Task Another_theme_overrides_a_different_partial()
    {
        using var malang = IkmWebFactory.With(new() { ["IkmCatalog:Theme"] = "malang" });
        var client = malang.CreateClient();

        var page = await malang.GetDocumentAsync(client, "/en/catalogue");

        Assert.NotNull(page.QuerySelector(".malang-footer-strip[data-theme-override=malang]"));
        Assert.Contains(page.QuerySelectorAll("link[rel=stylesheet]"), l => l.GetAttribute("href")!.Contains("/malang/theme.css", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_theme_stops_start_up_with_a_clear_message()
    {
        using var broken = IkmWebFactory.With(new() { ["IkmCatalog:Theme"] = "atlantis" });

        var error = Assert.ThrowsAny<Exception>(() => broken.CreateClient());

        var message = error.GetBaseException().Message;
        Assert.Contains("Theme 'atlantis'", message, StringComparison.Ordinal);
        Assert.Contains("kendari", message, StringComparison.Ordinal);
    }
}
