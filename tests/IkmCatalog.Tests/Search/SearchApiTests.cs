using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IkmCatalog.Tests.Infrastructure;

namespace IkmCatalog.Tests.Search;

[Collection(SiteCollection.Name)]
public class SearchApiTests(IkmWebFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private Task<JsonElement> SearchAsync(string query) =>
        _client.GetFromJsonAsync<JsonElement>("/api/v1/search?pageSize=100&" + query);

    private static List<string> Slugs(JsonElement json) =>
        [.. json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!)];

    [Fact]
    public async Task Search_returns_items_in_the_documented_shape()
    {
        var json = await SearchAsync("q=abon%20marlin&culture=en");

        Assert.True(json.GetProperty("total").GetInt32() >= 2);
        var item = json.GetProperty("items")[0];
        Assert.Contains(item.GetProperty("slug").GetString(), new[] { "abon-ikan-marlin-original", "abon-ikan-marlin-pedas" });
        Assert.Contains("Marlin", item.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal("Abon Ikan Bahari Kendari", item.GetProperty("producer").GetString());
        Assert.Equal("Fish Floss", item.GetProperty("category").GetString());
        Assert.True(item.GetProperty("price").GetInt64() > 0);
        Assert.NotEqual(0, item.GetProperty("certifications").GetArrayLength());
        Assert.EndsWith("/en/products/" + item.GetProperty("slug").GetString(), item.GetProperty("url").GetString(), StringComparison.Ordinal);
        foreach (var facet in new[] { "category", "region", "certification", "exportReady" })
        {
            var values = json.GetProperty("facets").GetProperty(facet);
            Assert.NotEqual(0, values.GetArrayLength());
            Assert.All(values.EnumerateArray(), v => Assert.False(string.IsNullOrEmpty(v.GetProperty("label").GetString())));
        }
        Assert.Equal("Kota Kendari", json.GetProperty("facets").GetProperty("region")[0].GetProperty("label").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("didYouMean").ValueKind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("q=keripik")]
    [InlineData("q=abon&certification=halal")]
    [InlineData("q=woven%20cloth&culture=en")]
    [InlineData("q=kain&expired=true")]
    public async Task Every_facet_count_equals_the_number_of_results_its_filter_leaves(string query)
    {
        var json = await SearchAsync(query);
        var total = json.GetProperty("total").GetInt32();
        var facets = json.GetProperty("facets");
        var checkedValues = 0;

        foreach (var (facet, parameter) in new[] { ("category", "category"), ("region", "region"), ("certification", "certification"), ("exportReady", "exportReady") })
        {
            foreach (var value in facets.GetProperty(facet).EnumerateArray())
            {
                var count = value.GetProperty("count").GetInt32();
                // Choosing a value sets that parameter (replacing it when it is already filtered on), as the page's links do.
                var others = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith(parameter + "=", StringComparison.Ordinal));
                var narrowed = await SearchAsync(string.Join('&', others.Append($"{parameter}={value.GetProperty("value").GetString()}")));
                Assert.Equal(count, narrowed.GetProperty("total").GetInt32());
                Assert.Equal(Math.Min(count, 100), narrowed.GetProperty("items").GetArrayLength());
                Assert.InRange(count, 1, total);
                checkedValues++;
            }
        }
        var exportCounts = facets.GetProperty("exportReady").EnumerateArray().Sum(v => v.GetProperty("count").GetInt32());
        var regionCounts = facets.GetProperty("region").EnumerateArray().Sum(v => v.GetProperty("count").GetInt32());
        Assert.Equal(total, exportCounts);
        Assert.Equal(total, regionCounts);
        Assert.True(checkedValues >= 4);
    }

    [Fact]
    public async Task A_parent_category_includes_its_children()
    {
        var parent = await SearchAsync("category=makanan-ringan");
        var child = await SearchAsync("category=keripik-tempe");

        Assert.True(parent.GetProperty("total").GetInt32() > child.GetProperty("total").GetInt32());
        Assert.Subset(Slugs(parent).ToHashSet(), Slugs(child).ToHashSet());
        Assert.Contains("keripik-tempe-original-bu-sri", Slugs(parent));
    }

    [Fact]
    public async Task Certification_filter_counts_valid_certificates_unless_expired_ones_are_asked_for()
    {
        // Mina Kwanyar's only PIRT expired in 2025; its crackers carry no other.
        var valid = Slugs(await SearchAsync("certification=pirt"));
        var any = Slugs(await SearchAsync("certification=pirt&expired=true"));

        Assert.DoesNotContain("kerupuk-ikan-tenggiri-mentah", valid);
        Assert.Contains("kerupuk-ikan-tenggiri-mentah", any);
        Assert.Subset(any.ToHashSet(), valid.ToHashSet());
    }

    [Fact]
    public async Task Price_retail_and_export_filters_narrow_the_results()
    {
        var cheap = await SearchAsync("maxPrice=25000");
        var retail = await SearchAsync("retail=true");
        var all = await SearchAsync("");
        var export = await SearchAsync("exportReady=true");

        Assert.All(cheap.GetProperty("items").EnumerateArray(), i => Assert.InRange(i.GetProperty("price").GetInt64(), 0, 25000));
        Assert.InRange(retail.GetProperty("total").GetInt32(), 1, all.GetProperty("total").GetInt32() - 1);
        Assert.DoesNotContain("kursi-rotan-teras-model-lengkung", Slugs(retail));
        Assert.Contains("kursi-rotan-teras-model-lengkung", Slugs(export));
        Assert.DoesNotContain("dodol-durian-ibu-enah", Slugs(export));
    }

    [Fact]
    public async Task Sorting_by_price_puts_inquiry_only_products_last_both_ways()
    {
        foreach (var sort in new[] { "price-asc", "price-desc" })
        {
            var json = await SearchAsync("sort=" + sort);
            var prices = json.GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("price").ValueKind == JsonValueKind.Null ? (long?)null : i.GetProperty("price").GetInt64()).ToList();
            var priced = prices.TakeWhile(p => p is not null).Select(p => p!.Value).ToList();

            Assert.Equal(sort == "price-asc" ? priced.Order() : priced.OrderDescending(), priced);
            Assert.All(prices.Skip(priced.Count), p => Assert.Null(p));
            Assert.Contains(null, prices);
        }
    }

    [Fact]
    public async Task Paging_splits_the_results_without_overlap()
    {
        var first = await _client.GetFromJsonAsync<JsonElement>("/api/v1/search?q=keripik&pageSize=3&page=1");
        var second = await _client.GetFromJsonAsync<JsonElement>("/api/v1/search?q=keripik&pageSize=3&page=2");

        Assert.Equal(3, first.GetProperty("items").GetArrayLength());
        Assert.Empty(Slugs(first).Intersect(Slugs(second)));
        Assert.Equal(first.GetProperty("total").GetInt32(), second.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_misspelling_that_finds_nothing_offers_a_near_spelling_that_does()
    {
        var json = await SearchAsync("q=abn%20ikn");
        var corrected = await SearchAsync("q=" + Uri.EscapeDataString(json.GetProperty("didYouMean").GetString()!));

        Assert.Equal(0, json.GetProperty("total").GetInt32());
        Assert.Equal("abon ikan", json.GetProperty("didYouMean").GetString());
        Assert.True(corrected.GetProperty("total").GetInt32() > 0);
    }

    [Theory]
    [InlineData("q=%22%3A%28%5B*%3F")]
    [InlineData("q=AND%20OR%20NOT")]
    [InlineData("q=abon~2%5E4")]
    [InlineData("q=%3Cscript%3E")]
    [InlineData("q=dari%20yang")]
    public async Task Query_syntax_characters_are_words_not_errors(string query)
    {
        var response = await _client.GetAsync("/api/v1/search?" + query);
        var page = await _client.GetAsync("/cari?" + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("<script>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snippets_mark_the_matched_words_and_encode_everything_else()
    {
        var json = await SearchAsync("q=abon%20marlin");
        var item = json.GetProperty("items")[0];

        Assert.Contains("<mark>Abon</mark>", item.GetProperty("nameHtml").GetString(), StringComparison.Ordinal);
        Assert.Contains("<mark>marlin</mark>", item.GetProperty("snippetHtml").GetString(), StringComparison.OrdinalIgnoreCase);
        var withoutMarks = item.GetProperty("snippetHtml").GetString()!.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal);
        Assert.DoesNotContain('<', withoutMarks);
    }

    [Fact]
    public void The_highlighter_encodes_content_text()
    {
        var highlighter = new IkmCatalog.Search.SnippetHighlighter([new Lucene.Net.Index.Term(IkmCatalog.Search.SearchFields.NameExact, "abon")], "id");

        var html = highlighter.Highlight("Abon <script>alert(1)</script> & co", IkmCatalog.Search.SearchFields.NameIndonesian);

        Assert.Equal("<mark>Abon</mark> &lt;script&gt;alert(1)&lt;/script&gt; &amp; co", html);
    }

    [Theory]
    [InlineData("kr", "id", "Kripik Tempe")]
    [InlineData("abon ma", "en", "Marlin Fish Floss")]
    [InlineData("omah", "en", "Omah Kopi Tlogomas")]
    public async Task Suggestions_complete_product_and_producer_names_in_the_requested_language(string q, string culture, string expected)
    {
        var json = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/search/suggest?q={Uri.EscapeDataString(q)}&culture={culture}");
        var items = json.GetProperty("items").EnumerateArray().ToList();

        Assert.InRange(items.Count, 1, 8);
        Assert.Contains(items, i => i.GetProperty("name").GetString()!.Contains(expected, StringComparison.Ordinal));
        Assert.All(items, i => Assert.StartsWith(culture == "en" ? "/en/" : "/pro", i.GetProperty("url").GetString(), StringComparison.Ordinal));
        Assert.Contains(items, i => i.GetProperty("type").GetString() is "product" or "producer");
    }

    [Fact]
    public async Task Suggestions_for_nothing_are_empty()
    {
        var json = await _client.GetFromJsonAsync<JsonElement>("/api/v1/search/suggest?q=%20");

        Assert.Equal(0, json.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("/cari?q=abon", "id", "Hasil pencarian “abon”")]
    [InlineData("/en/search?q=fish%20floss", "en", "Search results for “fish floss”")]
    public async Task The_search_page_shows_results_facets_and_keeps_filters_in_its_links(string url, string lang, string heading)
    {
        var page = await factory.GetDocumentAsync(_client, url);

        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotEmpty(page.QuerySelectorAll(".search-result"));
        Assert.NotEmpty(page.QuerySelectorAll(".search-result-title mark"));
        var regionLink = page.QuerySelector("#facet-region ~ ul a")!.GetAttribute("href")!;
        Assert.Contains("region=", regionLink, StringComparison.Ordinal);
        Assert.Contains("q=", regionLink, StringComparison.Ordinal);

        var filtered = await factory.GetDocumentAsync(_client, regionLink);
        Assert.Single(filtered.QuerySelectorAll(".remove-filter"));
        Assert.NotNull(filtered.QuerySelector("link[rel=canonical]"));
    }

    [Theory]
    [InlineData("/", "/cari")]
    [InlineData("/en/catalogue", "/en/search")]
    public async Task The_header_search_box_opens_the_search_page(string url, string action)
    {
        var page = await factory.GetDocumentAsync(_client, url);
        var form = page.QuerySelector("form.site-search")!;

        Assert.Equal(action, form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.NotNull(form.QuerySelector("input[name=q][data-suggest]"));
    }
}
