using IkmCatalog.Content;
using IkmCatalog.Search;
using Microsoft.Extensions.Logging.Abstractions;

namespace IkmCatalog.Tests.Listing;

/// <summary>The index's orders on a small hand-made catalogue: names per language, prices with inquiry-only products, ties.</summary>
public sealed class ListingIndexTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
    private readonly string _path = Path.Combine(Path.GetTempPath(), "ikm-tests", "listing-" + Guid.NewGuid().ToString("N"));
    private readonly SearchIndex _index;
    private readonly CatalogSearch _search;

    public ListingIndexTests()
    {
        _index = new SearchIndex(_path, NullLogger<SearchIndex>.Instance);
        _search = new CatalogSearch(_index, new SearchSynonyms(SearchSynonyms.ShippedFile));
        Add(1, "Zebra Keripik", null, price: 15_000, publishedDaysAgo: 3);
        Add(2, "apel malang kering", "Zucchini crisps", price: null, publishedDaysAgo: 1);
        Add(3, "Mangga Manis", "Apple rings", price: 15_000, publishedDaysAgo: 1);
        Add(4, "Bolu Pandan", "Pandan sponge", price: 9_000, publishedDaysAgo: 2);
        Add(5, "Kopi Dampit", "Dampit coffee", price: null, publishedDaysAgo: 5);
        _index.Commit();
    }

    [Fact]
    public void Name_order_is_a_to_z_in_indonesian_whatever_the_case()
    {
        Assert.Equal([2, 4, 5, 3, 1], Ids(SearchSort.Name, Cultures.Indonesian));
    }

    [Fact]
    public void Name_order_in_english_falls_back_to_the_indonesian_name()
    {
        // Product 1 has no English name, so it sorts as "Zebra Keripik", before "Zucchini crisps".
        Assert.Equal([3, 5, 4, 1, 2], Ids(SearchSort.Name, Cultures.English));
    }

    [Fact]
    public void Price_orders_put_inquiry_only_products_last_both_ways_and_break_ties_by_id()
    {
        Assert.Equal([4, 1, 3, 2, 5], Ids(SearchSort.PriceAscending, Cultures.Indonesian));
        Assert.Equal([1, 3, 4, 2, 5], Ids(SearchSort.PriceDescending, Cultures.Indonesian));
    }

    [Fact]
    public void Newest_first_breaks_ties_by_the_later_id()
    {
        Assert.Equal([3, 2, 4, 1, 5], Ids(SearchSort.Newest, Cultures.Indonesian));
    }

    [Fact]
    public void Relevance_without_words_lists_newest_first()
    {
        var request = new SearchRequest { NowUtc = Now, Sort = SearchSort.Relevance };

        Assert.Equal(SearchSort.Newest, request.EffectiveSort);
        Assert.Equal(Ids(SearchSort.Newest, Cultures.Indonesian), [.. _search.Search(request).Items.Select(h => h.Id)]);
    }

    [Fact]
    public void Page_count_never_exceeds_the_deepest_page_served()
    {
        var results = _search.Search(new SearchRequest { NowUtc = Now, PageSize = 1, Page = int.MaxValue });

        Assert.Equal(SearchRequest.MaxPage, results.Request.Page);
        Assert.Empty(results.Items);
        Assert.Equal(5, results.Total);
        Assert.Equal(5, results.PageCount);
    }

    private List<int> Ids(SearchSort sort, string culture) =>
        [.. _search.Search(new SearchRequest { NowUtc = Now, Sort = sort, Culture = culture, PageSize = 100 }).Items.Select(h => h.Id)];

    private void Add(int id, string nameId, string? nameEn, long? price, int publishedDaysAgo) =>
        _index.Writer.AddDocument(SearchDocuments.Product(new ProductSource
        {
            Id = id,
            Slug = "p" + id,
            NameIndonesian = nameId,
            NameEnglish = nameEn,
            Categories = [new CategorySource("makanan", "Makanan", "Food")],
            ProducerSlug = "ikm",
            ProducerName = "IKM Contoh",
            RegionSlug = "kota-malang",
            RegionName = "Kota Malang",
            PriceIdr = price,
            PublishedAtUtc = Now.AddDays(-publishedDaysAgo).Date,
        }));

    public void Dispose()
    {
        _index.Dispose();
        Directory.Delete(_path, recursive: true);
    }
}
