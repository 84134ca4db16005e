using System.Globalization;
using AngleSharp.Dom;
using IkmCatalog.Tests.Infrastructure;

namespace IkmCatalog.Tests.Site;

/// <summary>The catalogue's filters as a buyer on a phone meets them: "Filter (n)", removable chips, and what to drop when nothing matches.</summary>
[Collection(SiteCollection.Name)]
public class CatalogueFilterTests(IkmWebFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>The number in "12 produk ditemukan" / "12 products found".</summary>
    private async Task<int> CountAsync(string url)
    {
        var page = await factory.GetDocumentAsync(_client, url);
        return int.Parse(page.QuerySelector(".result-count")!.TextContent.Split(' ')[0], NumberStyles.Integer, CultureInfo.InvariantCulture);
    }

    private static string AccessibleName(IElement link) =>
        string.Join(" ", link.ChildNodes.Where(n => n is not IElement e || e.GetAttribute("aria-hidden") != "true").Select(n => n.TextContent.Trim()))
            .Trim();

    private static Dictionary<string, string?> Query(string href) =>
        href.Contains('?', StringComparison.Ordinal)
            ? href[(href.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&').Select(p => p.Split('='))
                .ToDictionary(p => p[0], p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : null)
            : [];

    [Theory]
    [InlineData("/en/catalogue?category=kue-tradisional&region=kota-kendari", "1 product found")]
    [InlineData("/katalog?category=kue-tradisional&region=kota-kendari", "1 produk ditemukan")]
    [InlineData("/en/catalogue?category=kue-tradisional", "products found")]
    public async Task One_product_is_counted_in_the_singular(string url, string expected)
    {
        var page = await factory.GetDocumentAsync(_client, url);

        var count = page.QuerySelector(".result-count")!.TextContent.Trim();
        Assert.EndsWith(expected, count, StringComparison.Ordinal);
        Assert.Equal(expected.StartsWith('1'), count == expected);
    }

    [Fact]
    public async Task Without_filters_the_disclosure_says_filter_and_no_chips_are_shown()
    {
        var page = await factory.GetDocumentAsync(_client, "/katalog");

        var disclosure = page.QuerySelector("aside.filters details.filters-disclosure")!;
        Assert.False(disclosure.HasAttribute("open"));
        Assert.Equal("Filter", disclosure.QuerySelector("summary")!.TextContent.Trim());
        Assert.NotNull(disclosure.QuerySelector("form.filter-form select#f-category"));
        Assert.Null(page.QuerySelector(".filter-chips"));
    }

    [Theory]
    [InlineData("/katalog", "Filter (3)", "Hapus filter: Kota Kendari", "Hapus filter: Siap ekspor", "Hapus semua saringan")]
    [InlineData("/en/catalogue", "Filter (3)", "Remove filter: Kota Kendari", "Remove filter: Export-ready", "Clear all filters")]
    public async Task Each_active_filter_is_a_chip_that_removes_only_that_filter(string catalogue, string summary, string regionChip, string exportChip, string clearAll)
    {
        var page = await factory.GetDocumentAsync(_client, $"{catalogue}?region=kota-kendari&exportReady=true&maxPrice=100000&sort=name&page=2");

        Assert.Equal(summary, page.QuerySelector("summary.filters-toggle")!.TextContent.Trim());
        var chips = page.QuerySelectorAll(".filter-chips a.filter-chip").ToList();
        Assert.Equal(["region", "maxPrice", "exportReady"], chips.Select(c => c.GetAttribute("data-filter")));
        Assert.Contains(regionChip, chips.Select(AccessibleName));
        Assert.Contains(exportChip, chips.Select(AccessibleName));
        foreach (var chip in chips)
        {
            var removed = chip.GetAttribute("data-filter")!;
            var kept = Query(chip.GetAttribute("href")!);
            Assert.StartsWith(catalogue + "?", chip.GetAttribute("href"), StringComparison.Ordinal);
            Assert.DoesNotContain(removed, kept.Keys);
            Assert.DoesNotContain("page", kept.Keys); // a narrower page 2 is not the wider listing's page 2
            Assert.Equal("name", kept["sort"]);
            Assert.Equal(2, kept.Keys.Count(k => k is "region" or "exportReady" or "maxPrice"));
        }
        var clear = page.QuerySelector(".filter-chips a.filter-clear")!;
        Assert.Equal(clearAll, clear.TextContent.Trim());
        Assert.Equal($"{catalogue}?sort=name", clear.GetAttribute("href"));

        // Following a chip widens the listing.
        var narrow = await CountAsync($"{catalogue}?region=kota-kendari&exportReady=true&maxPrice=100000");
        var wider = await CountAsync(chips.Single(c => c.GetAttribute("data-filter") == "region").GetAttribute("href")!);
        Assert.True(wider > narrow, $"dropping the region found {wider}, not more than {narrow}");
    }

    [Theory]
    [InlineData("/katalog", "Tanpa filter “{0}”: {1} produk")]
    [InlineData("/en/catalogue", "Without “{0}”: {1} products")]
    public async Task An_empty_result_lists_the_filters_that_bring_products_back_with_their_counts(string catalogue, string format)
    {
        var page = await factory.GetDocumentAsync(_client, $"{catalogue}?region=kota-kendari&certification=bpom&minPrice=500000");

        Assert.Equal(0, int.Parse(page.QuerySelector(".result-count")!.TextContent.Split(' ')[0], CultureInfo.InvariantCulture));
        Assert.NotNull(page.QuerySelector("p.empty"));
        var offered = page.QuerySelectorAll(".filter-comebacks a").ToDictionary(a => a.GetAttribute("data-filter")!);
        var chips = page.QuerySelectorAll(".filter-chips a.filter-chip").ToList();
        Assert.Equal(3, chips.Count);
        var withResults = 0;
        foreach (var chip in chips)
        {
            // The count each suggestion promises is what the catalogue finds without that one filter.
            var name = chip.GetAttribute("data-filter")!;
            var without = chip.GetAttribute("href")!;
            var count = await CountAsync(without);
            if (count == 0)
            {
                Assert.DoesNotContain(name, offered.Keys);
                continue;
            }
            withResults++;
            var label = AccessibleName(chip).Split(':', 2)[1].Trim();
            Assert.Equal(without, offered[name].GetAttribute("href"));
            Assert.Equal(string.Format(CultureInfo.InvariantCulture, format, label, count), offered[name].TextContent.Trim());
        }
        Assert.Equal(withResults, offered.Count);
        Assert.InRange(withResults, 1, chips.Count - 1); // the seed has filters that help and one that does not
    }
}
