using IkmCatalog.Search;

namespace IkmCatalog.Web.Features.Search;

/// <summary>
/// The search page's and the search API's query string (q, category, region, certification, expired, exportReady,
/// retail, minPrice, maxPrice, sort, page): every filter lives in the URL, so a search can be shared and bookmarked.
/// </summary>
public sealed record SearchParameters
{
    public static readonly IReadOnlyList<string> Sorts = ["relevance", "newest", "price-asc", "price-desc"];

    public string? Q { get; init; }

    public string? Category { get; init; }

    public string? Region { get; init; }

    public string? Certification { get; init; }

    /// <summary>Count expired certificates too (by default only valid ones).</summary>
    public bool Expired { get; init; }

    public bool? ExportReady { get; init; }

    public bool? Retail { get; init; }

    public long? MinPrice { get; init; }

    public long? MaxPrice { get; init; }

    public string? Sort { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = SearchRequest.DefaultPageSize;

    public SearchRequest ToRequest(string culture, DateTime nowUtc, bool withProducersAndStories) => new()
    {
        Text = Q,
        Culture = culture,
        Category = Category,
        Region = Region,
        Certification = Certification,
        IncludeExpiredCertificates = Expired,
        ExportReady = ExportReady,
        Retail = Retail,
        MinPrice = MinPrice,
        MaxPrice = MaxPrice,
        Sort = SortOf(Sort),
        Page = Page,
        PageSize = PageSize,
        NowUtc = nowUtc,
        IncludeProducersAndStories = withProducersAndStories,
    };

    public static SearchSort? SortOf(string? sort) => sort switch
    {
        "relevance" => SearchSort.Relevance,
        "newest" => SearchSort.Newest,
        "price-asc" => SearchSort.PriceAscending,
        "price-desc" => SearchSort.PriceDescending,
        _ => null,
    };

    public static string SortName(SearchSort sort) => sort switch
    {
        SearchSort.Newest => "newest",
        SearchSort.PriceAscending => "price-asc",
        SearchSort.PriceDescending => "price-desc",
        _ => "relevance",
    };
}
