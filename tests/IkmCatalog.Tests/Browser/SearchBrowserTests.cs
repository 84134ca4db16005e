using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace IkmCatalog.Tests.Browser;

[Collection(BrowserCollection.Name)]
public partial class SearchBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("/", "kr", "/produ")]
    [InlineData("/en", "abon ma", "/en/products/")]
    public async Task Typing_in_the_search_box_offers_names_and_choosing_one_opens_it(string home, string typed, string target)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(home);
        var box = page.Locator("#site-search-q");

        await box.FillAsync(typed);
        var options = page.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Option);
        await Expect(options.First).ToBeVisibleAsync();
        Assert.Equal("true", await box.GetAttributeAsync("aria-expanded"));
        await box.PressAsync("ArrowDown");
        var activeId = await box.GetAttributeAsync("aria-activedescendant");
        Assert.Equal("true", await page.Locator("#" + activeId).GetAttributeAsync("aria-selected"));
        var chosen = (await page.Locator("#" + activeId).TextContentAsync())!.Trim();

        await box.PressAsync("Enter");

        await page.WaitForURLAsync(url => url.Contains(target, StringComparison.Ordinal));
        await Expect(page.Locator("h1")).ToHaveTextAsync(chosen);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Escape_closes_the_suggestions_and_enter_then_searches()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/en");
        var box = page.Locator("#site-search-q");

        await box.FillAsync("rattan");
        await Expect(page.GetByRole(AriaRole.Option).First).ToBeVisibleAsync();
        await box.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Listbox)).ToBeHiddenAsync();
        Assert.Equal("false", await box.GetAttributeAsync("aria-expanded"));
        await box.PressAsync("Enter");

        await page.WaitForURLAsync(url => url.Contains("/en/search?q=rattan", StringComparison.Ordinal));
        await Expect(page.Locator(".search-result").First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/", "abon", "/cari?q=abon", "produk ditemukan")]
    [InlineData("/en", "woven cloth", "/en/search?q=woven+cloth", "products found")]
    public async Task Without_javascript_a_buyer_searches_and_narrows_by_a_facet_kept_in_the_url(string home, string words, string resultUrl, string countText)
    {
        var page = await browser.NewPageAsync(javaScript: false);
        await page.GotoAsync(home);

        await page.Locator("#site-search-q").FillAsync(words);
        await page.Locator("form.site-search button").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith(resultUrl, StringComparison.Ordinal));
        await Expect(page.Locator(".result-count")).ToContainTextAsync(countText);
        Assert.NotEqual(0, await page.Locator(".search-result").CountAsync());

        var facet = page.Locator("#facet-region ~ ul a").First;
        var label = (await facet.TextContentAsync())!;
        var count = int.Parse(Count().Match(label).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await facet.ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("region=", StringComparison.Ordinal) && url.Contains("q=", StringComparison.Ordinal));
        Assert.Equal(count, await page.Locator(".search-result").CountAsync());
        await Expect(page.Locator(".result-count")).ToContainTextAsync(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("#search-q")).ToHaveValueAsync(words);

        // The filtered URL is shareable: opened afresh it shows the same results.
        var shared = await browser.NewPageAsync(javaScript: false);
        await shared.GotoAsync(page.Url);
        Assert.Equal(count, await shared.Locator(".search-result").CountAsync());
        await shared.Context.CloseAsync();

        await page.Locator(".remove-filter").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("region=", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/cari?q=keripik")]
    [InlineData("/en/search?q=woven+cloth&exportReady=true")]
    public async Task The_search_page_has_no_serious_accessibility_violations(string url)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(url);
        await page.Locator("#search-q").FillAsync("abon");
        await Expect(page.GetByRole(AriaRole.Option).First).ToBeVisibleAsync();

        var result = await page.RunAxe();

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))})").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"\((\d+)\)")]
    private static partial Regex Count();

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
