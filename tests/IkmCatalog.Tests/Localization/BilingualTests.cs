using System.Text.Json;
using IkmCatalog.Tests.Infrastructure;

namespace IkmCatalog.Tests.Localization;

[Collection(SiteCollection.Name)]
public class BilingualTests(IkmWebFactory factory)
{
    private static Dictionary<string, string> Strings(string culture) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(
            Path.Combine(IkmWebFactory.RepositoryRoot, "src", "IkmCatalog.Web", "Resources", $"strings.{culture}.json")))!;

    [Fact]
    public void Both_languages_have_the_same_ui_strings_and_none_is_empty()
    {
        var id = Strings("id");
        var en = Strings("en");

        Assert.Equal(id.Keys.Order(), en.Keys.Order());
        Assert.All(id.Concat(en), kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), kv.Key));
    }

    [Fact]
    public void Every_string_key_used_in_a_view_exists()
    {
        var keys = Strings("id").Keys.ToHashSet();
        var views = Directory.EnumerateFiles(Path.Combine(IkmWebFactory.RepositoryRoot, "src", "IkmCatalog.Web"), "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(IkmWebFactory.RepositoryRoot, "themes"), "*.cshtml", SearchOption.AllDirectories));
        var used = views.SelectMany(v => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(v), "T\\[\"([a-z0-9.\\-]+)\"").Select(m => m.Groups[1].Value))
            .Where(k => !k.EndsWith('.')) // prefixes completed at run time are checked by the page tests
            .Distinct();

        Assert.All(used, key => Assert.Contains(key, keys));
    }

    [Theory]
    [InlineData("/en")]
    [InlineData("/en/catalogue")]
    [InlineData("/en/catalogue?certification=halal&exportReady=true")]
    [InlineData("/en/producers")]
    [InlineData("/en/stories")]
    [InlineData("/en/events")]
    [InlineData("/en/certifications")]
    [InlineData("/en/statistics")]
    [InlineData("/en/products/does-not-exist")]
    [InlineData("/en/search?q=fish+floss&certification=halal")]
    [InlineData("/en/search?q=abn+ikn")]
    public async Task English_pages_contain_no_indonesian_ui_text(string url)
    {
        var client = factory.CreateClient();
        var html = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var text = page.Body!.TextContent + string.Join(" ", page.QuerySelectorAll("[aria-label],[placeholder],[alt]")
            .SelectMany(e => new[] { e.GetAttribute("aria-label"), e.GetAttribute("placeholder") }));
        var english = Strings("en");

        // Indonesian strings that differ from their English twin and are long enough to be unmistakable;
        // the language switch ("Bahasa Indonesia") is Indonesian on purpose, and theme strings name the office
        // (a proper noun that content such as an event's venue quotes as it is).
        var indonesian = Strings("id")
            .Where(kv => kv.Key != "nav.language-switch" && !kv.Key.StartsWith("theme.", StringComparison.Ordinal) && kv.Value != english[kv.Key] && kv.Value.Length >= 8 && !kv.Value.Contains('{', StringComparison.Ordinal))
            .Select(kv => kv.Value);

        Assert.All(indonesian, s => Assert.DoesNotContain(s, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Product_pages_render_every_runtime_string_in_both_languages()
    {
        var client = factory.CreateClient();
        foreach (var slug in SeedFiles.Slugs("products.json", published: true).Take(12))
        {
            foreach (var url in new[] { $"/produk/{slug}", $"/en/products/{slug}" })
            {
                var html = await client.GetStringAsync(url);
                // A missing key renders as the key itself, e.g. "product.availability.instock".
                Assert.DoesNotMatch("(>|\\s)(cert|product|producer|event|stories|catalog)\\.[a-z\\-]+(\\.[a-z0-9\\-]+)*(<|\\s)", html);
            }
        }
    }
}
