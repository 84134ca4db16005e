using IkmCatalog.Content;

namespace IkmCatalog.Search;

public enum SearchSort
{
    Relevance,
    PriceAscending,
    PriceDescending,
    Newest,

    /// <summary>By name in the request's language (English falls back to Indonesian), A to Z.</summary>
    Name,
}

/// <summary>What a buyer asked for: words, filters, order and page.</summary>
public sealed record SearchRequest
{
    public const int DefaultPageSize = 12;
    public const int MaxPageSize = 100;

    /// <summary>Deepest page served; nobody reads further, and deep pages cost memory.</summary>
    public const int MaxPage = 100;

    public string? Text { get; init; }

    public string Culture { get; init; } = Cultures.Indonesian;

    /// <summary>Category slug; its child categories are included.</summary>
    public string? Category { get; init; }

    public string? Region { get; init; }

    /// <summary>Certification code (pirt, bpom, halal, sni).</summary>
    public string? Certification { get; init; }

    /// <summary>Count expired certificates too; by default only certificates valid today count.</summary>
    public bool IncludeExpiredCertificates { get; init; }

    public bool? ExportReady { get; init; }

    public bool? Retail { get; init; }

    public long? MinPrice { get; init; }

    public long? MaxPrice { get; init; }

    /// <summary>Null: by relevance when there are words, else newest first. Relevance without words is newest first too.</summary>
    public SearchSort? Sort { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    public required DateTime NowUtc { get; init; }

    /// <summary>Also find a few producers and stories for the words (first page only).</summary>
    public bool IncludeProducersAndStories { get; init; }

    /// <summary>
    /// Hits carry only their type and id (read from doc values), no name or snippet: for listings that show what
    /// they find from elsewhere (cards from the published content in memory), reading stored fields would be wasted.
    /// </summary>
    public bool IdsOnly { get; init; }

    public DateOnly Today => DateOnly.FromDateTime(NowUtc);

    public SearchSort EffectiveSort => string.IsNullOrWhiteSpace(Text)
        ? (Sort is null or SearchSort.Relevance ? SearchSort.Newest : Sort.Value)
        : Sort ?? SearchSort.Relevance;

    public SearchRequest Normalized() => this with
    {
        Text = string.IsNullOrWhiteSpace(Text) ? null : Text.Trim()[..Math.Min(Text.Trim().Length, 200)],
        Culture = Cultures.Normalize(Culture),
        Category = Blank(Category),
        Region = Blank(Region),
        Certification = SearchDocuments.CertificationCodes.Contains(Certification?.ToLowerInvariant()) ? Certification!.ToLowerInvariant() : null,
        Page = Math.Clamp(Page, 1, MaxPage),
        PageSize = Math.Clamp(PageSize, 1, MaxPageSize),
        MinPrice = MinPrice is < 0 ? 0 : MinPrice,
        MaxPrice = MaxPrice is < 0 ? 0 : MaxPrice,
    };

    public bool HasFilters => Category is not null || Region is not null || Certification is not null || ExportReady is not null
        || Retail is not null || MinPrice is not null || MaxPrice is not null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>One found document; the HTML strings are encoded text with matched words in &lt;mark&gt;.</summary>
public sealed record SearchHit(string Type, int Id, string Slug, string Name, string NameHtml, string SnippetHtml);

public sealed record FacetValue(string Value, int Count);

/// <summary>Counts over the whole result set (not just the page): choosing a value gives exactly that many results.</summary>
public sealed record SearchFacets(
    IReadOnlyList<FacetValue> Category,
    IReadOnlyList<FacetValue> Region,
    IReadOnlyList<FacetValue> Certification,
    IReadOnlyList<FacetValue> ExportReady)
{
    public static SearchFacets Empty { get; } = new([], [], [], []);
}

public sealed record SearchResults(
    SearchRequest Request,
    int Total,
    IReadOnlyList<SearchHit> Items,
    SearchFacets Facets,
    string? DidYouMean,
    IReadOnlyList<SearchHit> Producers,
    IReadOnlyList<SearchHit> Stories)
{
    /// <summary>Pages a buyer can open: never beyond <see cref="SearchRequest.MaxPage"/>, however many results there are.</summary>
    public int PageCount => Math.Clamp((int)Math.Ceiling(Total / (double)Request.PageSize), 1, SearchRequest.MaxPage);
}

/// <summary>An autocomplete entry: a product or producer name in the requested language.</summary>
public sealed record Suggestion(string Type, string Slug, string Name);
