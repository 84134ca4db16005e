using IkmCatalog.Tests.Infrastructure;

namespace IkmCatalog.Tests.Site;

/// <summary>The "how to order" page describes what the site does: every link in it leads to a page that exists.</summary>
[Collection(SiteCollection.Name)]
public class HowToOrderTests(IkmWebFactory factory)
{
    [Theory]
    [InlineData("/halaman/cara-memesan", "/permintaan-penawaran")]
    [InlineData("/en/pages/cara-memesan", "/en/request-a-quote")]
    public async Task The_page_explains_the_cart_the_quote_form_and_links_to_pages_that_exist(string url, string quoteForm)
    {
        using var client = factory.CreateClient();
        var page = await factory.GetDocumentAsync(client, url);
        var article = page.QuerySelector("main")!;
        var links = article.QuerySelectorAll("a[href^='/']").Select(a => a.GetAttribute("href")!).Distinct().ToList();

        Assert.Contains(quoteForm, links);
        foreach (var link in links)
        {
            var response = await client.GetAsync(link);
            Assert.True(response.IsSuccessStatusCode, $"{url} links to {link}, which answers {(int)response.StatusCode}");
        }
        // Ways to pay that do not exist are not promised.
        Assert.DoesNotContain("virtual account", article.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Stripe", article.TextContent, StringComparison.Ordinal);
    }
}
