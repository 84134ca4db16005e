using System.Net;
using AngleSharp.Html.Parser;
using IkmCatalog.Tests.Infrastructure;

namespace IkmCatalog.Tests.Http;

/// <summary>Without a public base URL or allowed hosts, a forged Host header reaches no link.</summary>
[Collection(SiteCollection.Name)]
public class HostTests(IkmWebFactory factory)
{
    private readonly HttpClient _forged = factory.CreateClient(new() { BaseAddress = new Uri("http://evil.example") });

    [Fact]
    public async Task Canonical_and_language_links_never_name_a_forged_host()
    {
        var html = await _forged.GetStringAsync("/katalog");
        var page = new HtmlParser().ParseDocument(html);

        Assert.DoesNotContain("evil.example", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("/katalog", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.NotEmpty(page.QuerySelectorAll("link[rel=alternate][hreflang]"));
    }

    [Fact]
    public async Task Robots_and_the_sitemap_never_name_a_forged_host()
    {
        var robots = await _forged.GetStringAsync("/robots.txt");
        using var sitemap = await _forged.GetAsync("/sitemap.xml");

        Assert.DoesNotContain("evil.example", robots, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Sitemap:", robots, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, sitemap.StatusCode);
        Assert.DoesNotContain("evil.example", await sitemap.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task On_this_machine_the_request_host_still_makes_absolute_links()
    {
        using var local = factory.CreateClient();

        var robots = await local.GetStringAsync("/robots.txt");
        using var sitemap = await local.GetAsync("/sitemap.xml");

        Assert.Contains("Sitemap: http://localhost/sitemap.xml", robots, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, sitemap.StatusCode);
        Assert.Contains("<loc>http://localhost/katalog</loc>", await sitemap.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
