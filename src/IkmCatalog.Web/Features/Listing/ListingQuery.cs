using System.Globalization;
using IkmCatalog.Search;
using CertificationRules = IkmCatalog.Certifications.Certification;

namespace IkmCatalog.Web.Features.Listing;

/// <summary>
/// The query string of every product listing: the catalogue, the search page, <c>/api/v1/products</c> and
/// <c>/api/v1/search</c> (q, category, region, certification, expired, exportReady, retail, minPrice, maxPrice, sort,
/// page, pageSize). Every filter lives in the URL, so a listing can be shared and bookmarked. Pages forgive what the URL
/// gets wrong (<see cref="ForPage"/>); the APIs say what is wrong (<see cref="Problems"/>).
/// </summary>
public sealed record ListingQuery
{
    public const int DefaultPageSize = SearchRequest.DefaultPageSize;
    public const int MaxPageSize = SearchRequest.MaxPageSize;

    /// <summary>Deepest page of every listing (<see cref="SearchRequest.MaxPage"/>).</summary>
    public const int MaxPage = SearchRequest.MaxPage;

    /// <summary>Words to search for; without words every public product is listed.</summary>
    public string? Q { get; init; }

    /// <summary>Category slug; its child categories are included.</summary>
    public string? Category { get; init; }

    /// <summary>Region slug of the producer.</summary>
    public string? Region { get; init; }

    /// <summary>Certification code: pirt, bpom, halal or sni.</summary>
    public string? Certification { get; init; }

    // Optional values are nullable: the APIs bind this record with [AsParameters], where a non-nullable value is required.

    /// <summary>Count expired certificates too (by default only valid ones).</summary>
    public bool? Expired { get; init; }

    public bool? ExportReady { get; init; }

    public bool? Retail { get; init; }

    /// <summary>Lowest price in rupiah; inquiry-only products (no price) drop out when a price is given.</summary>
    public long? MinPrice { get; init; }

    /// <summary>Highest price in rupiah.</summary>
    public long? MaxPrice { get; init; }

    /// <summary>relevance (with q; the default with q), newest (the default without q), price-asc, price-desc, name.</summary>
    public string? Sort { get; init; }

    /// <summary>From 1 to 100; 1 by default.</summary>
    public int? Page { get; init; }

    /// <summary>From 1 to 100; 12 by default.</summary>
    public int? PageSize { get; init; }

    public bool HasWords => !string.IsNullOrWhiteSpace(Q);

    public bool HasFilters => ActiveFilters.Count > 0;

    /// <summary>The filters this listing applies, by their name in the URL, in the order the filter form shows them.</summary>
    public IReadOnlyList<string> ActiveFilters =>
    [
        .. new (string Name, bool Set)[]
        {
            ("category", !string.IsNullOrWhiteSpace(Category)),
            ("region", !string.IsNullOrWhiteSpace(Region)),
            ("certification", !string.IsNullOrWhiteSpace(Certification)),
            ("minPrice", MinPrice is not null),
            ("maxPrice", MaxPrice is not null),
            ("exportReady", ExportReady is not null),
            ("retail", Retail is not null),
        }.Where(f => f.Set).Select(f => f.Name),
    ];

    /// <summary>This listing with one filter (named as in <see cref="ActiveFilters"/>) dropped, from its first page.</summary>
    public ListingQuery Without(string filter) => (filter switch
    {
        "category" => this with { Category = null },
        "region" => this with { Region = null },
        "certification" => this with { Certification = null },
        "minPrice" => this with { MinPrice = null },
        "maxPrice" => this with { MaxPrice = null },
        "exportReady" => this with { ExportReady = null },
        "retail" => this with { Retail = null },
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "Not a listing filter."),
    }) with { Page = null };

    /// <summary>The URL's query values of this listing (words, filters, order; no paging), for a link to it.</summary>
    public Dictionary<string, object?> RouteValues()
    {
        var values = new Dictionary<string, object?>
        {
            ["q"] = Q,
            ["category"] = Category,
            ["region"] = Region,
            ["certification"] = Certification,
            ["expired"] = Expired == true ? "true" : null,
            ["exportReady"] = ExportReady == true ? "true" : null,
            ["retail"] = Retail == true ? "true" : null,
            ["minPrice"] = MinPrice?.ToString(CultureInfo.InvariantCulture),
            ["maxPrice"] = MaxPrice?.ToString(CultureInfo.InvariantCulture),
            ["sort"] = Sort,
        };
        return values.Where(v => v.Value is not null).ToDictionary();
    }

    /// <summary>The order that applies: the one asked for when it is known, else relevance with words and newest without.</summary>
    public string EffectiveSort => Sort is not null && ListingSorts.Offered(HasWords).Contains(Sort)
        ? Sort
        : HasWords ? ListingSorts.Relevance : ListingSorts.Newest;

    /// <summary>
    /// What an HTML page serves for this URL, never an error: a page within 1..<see cref="MaxPage"/>, the standard
    /// page size, an unknown order replaced by the default, an unticked checkbox meaning "any", prices the right way round.
    /// </summary>
    public ListingQuery ForPage()
    {
        var min = MinPrice is < 0 ? 0 : MinPrice;
        var max = MaxPrice is < 0 ? 0 : MaxPrice;
        if (min > max)
        {
            (min, max) = (max, min);
        }
        return this with
        {
            Q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
            Category = Blank(Category),
            Region = Blank(Region),
            Certification = CertificationCode(Certification),
            ExportReady = ExportReady == true ? true : null,
            Retail = Retail == true ? true : null,
            Expired = Expired == true ? true : null,
            MinPrice = min,
            MaxPrice = max,
            // Kept only when valid, so a default order is never carried from a page without words into a search.
            Sort = Sort is not null && ListingSorts.Offered(!string.IsNullOrWhiteSpace(Q)).Contains(Sort) ? Sort : null,
            Page = Math.Clamp(Page ?? 1, 1, MaxPage),
            PageSize = DefaultPageSize,
        };
    }

    /// <summary>What is wrong with the parameters, by parameter name, saying what is allowed; empty when all is well.</summary>
    public Dictionary<string, string[]> Problems()
    {
        var problems = new Dictionary<string, string[]>();
        void Add(string name, string message) => problems[name] = [message];
        if (Sort is not null && !ListingSorts.All.Contains(Sort))
        {
            Add("sort", $"Unknown sort \"{Sort}\". Allowed: {string.Join(", ", ListingSorts.All)} (relevance only orders results of q; without q it is newest).");
        }
        if (Page is < 1 or > MaxPage)
        {
            Add("page", string.Create(CultureInfo.InvariantCulture, $"page must be between 1 and {MaxPage}; narrow the listing with filters to reach further products."));
        }
        if (PageSize is < 1 or > MaxPageSize)
        {
            Add("pageSize", string.Create(CultureInfo.InvariantCulture, $"pageSize must be between 1 and {MaxPageSize}."));
        }
        if (!string.IsNullOrWhiteSpace(Certification) && CertificationCode(Certification) is null)
        {
            Add("certification", $"Unknown certification \"{Certification}\". Allowed: {string.Join(", ", SearchDocuments.CertificationCodes)}.");
        }
        if (MinPrice is < 0)
        {
            Add("minPrice", "minPrice must be 0 or more.");
        }
        if (MaxPrice is < 0)
        {
            Add("maxPrice", "maxPrice must be 0 or more.");
        }
        if (MinPrice > MaxPrice && MaxPrice >= 0)
        {
            Add("minPrice", "minPrice must not be more than maxPrice.");
        }
        return problems;
    }

    /// <summary>The index request for this listing (products, and producers and stories too when the search page asks).</summary>
    /// <param name="idsOnly">The caller shows only the products' cards (no name or snippet with the matched words).</param>
    public SearchRequest ToRequest(string culture, DateTime nowUtc, bool withProducersAndStories = false, bool idsOnly = false) => new()
    {
        Text = Q,
        Culture = culture,
        Category = Category,
        Region = Region,
        Certification = CertificationCode(Certification),
        IncludeExpiredCertificates = Expired == true,
        ExportReady = ExportReady,
        Retail = Retail,
        MinPrice = MinPrice,
        MaxPrice = MaxPrice,
        Sort = ListingSorts.ToSearchSort(EffectiveSort),
        Page = Page ?? 1,
        PageSize = PageSize ?? DefaultPageSize,
        NowUtc = nowUtc,
        IncludeProducersAndStories = withProducersAndStories,
        IdsOnly = idsOnly,
    };

    /// <summary>The index's code for a certification the URL names ("halal", "HALAL", "spp-irt"), or null.</summary>
    private static string? CertificationCode(string? value) =>
        CertificationRules.FromCode(value?.Trim()) is { } type && SearchDocuments.CertificationCodes.Contains(CertificationRules.Code(type))
            ? CertificationRules.Code(type)
            : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The one order vocabulary of every listing, in the URL and in the APIs.</summary>
public static class ListingSorts
{
    public const string Relevance = "relevance";
    public const string Newest = "newest";
    public const string PriceAscending = "price-asc";
    public const string PriceDescending = "price-desc";
    public const string Name = "name";

    public static readonly IReadOnlyList<string> All = [Relevance, Newest, PriceAscending, PriceDescending, Name];

    private static readonly IReadOnlyList<string> WithoutWords = [Newest, PriceAscending, PriceDescending, Name];

    /// <summary>The orders a page offers: relevance only when there are words to be relevant to.</summary>
    public static IReadOnlyList<string> Offered(bool hasWords) => hasWords ? All : WithoutWords;

    public static SearchSort ToSearchSort(string sort) => sort switch
    {
        Newest => SearchSort.Newest,
        PriceAscending => SearchSort.PriceAscending,
        PriceDescending => SearchSort.PriceDescending,
        Name => SearchSort.Name,
        _ => SearchSort.Relevance,
    };
}
