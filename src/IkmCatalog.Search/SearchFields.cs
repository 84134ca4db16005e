namespace IkmCatalog.Search;

/// <summary>Field names of the search index. Per-language fields end in the culture code.</summary>
public static class SearchFields
{
    public const string Key = "key";
    public const string Type = "type";
    public const string Id = "id";
    public const string Slug = "slug";

    /// <summary>Names analysed per language (Indonesian or English stemming).</summary>
    public const string NameIndonesian = "name_id";
    public const string NameEnglish = "name_en";

    /// <summary>Names lower-cased but not stemmed, both languages: exact words and phrases rank highest.</summary>
    public const string NameExact = "name_exact";

    public const string CategoryIndonesian = "category_id";
    public const string CategoryEnglish = "category_en";

    /// <summary>Producer name (proper noun, not stemmed).</summary>
    public const string Producer = "producer";

    /// <summary>Region and province names (proper nouns, not stemmed).</summary>
    public const string Place = "place";

    /// <summary>Certification names (halal, pirt, bpom, sni).</summary>
    public const string Certification = "cert_text";

    public const string TextIndonesian = "text_id";
    public const string TextEnglish = "text_en";

    /// <summary>Unstemmed words of names, categories, producers and places: the dictionary for typo tolerance and "did you mean".</summary>
    public const string Spell = "spell";

    /// <summary>Edge n-grams of names for autocomplete, per language.</summary>
    public const string SuggestIndonesian = "suggest_id";
    public const string SuggestEnglish = "suggest_en";

    // Stored for display.
    public const string DisplayNameIndonesian = "display_name_id";
    public const string DisplayNameEnglish = "display_name_en";
    public const string SnippetIndonesian = "snippet_id";
    public const string SnippetEnglish = "snippet_en";
    public const string ProducerSlug = "producer_slug";

    // Filters (indexed terms / numeric ranges) and facets (doc values).
    public const string CategoryPath = "category_path";
    public const string Region = "region";
    public const string CertificationCode = "cert";
    public const string ExportReady = "export";
    public const string Retail = "retail";
    public const string Price = "price";
    public const string VisibleFrom = "visible_from";
    public const string VisibleUntil = "visible_until";

    /// <summary>The category path from the root ("makanan-ringan/keripik-tempe").</summary>
    public const string FacetCategory = "f_category";
    public const string FacetRegion = "f_region";

    /// <summary>Export readiness and certification validity packed into one number (see <see cref="FacetFlags"/>).</summary>
    public const string FacetFlags = "f_flags";

    /// <summary>Day number (DateOnly.DayNumber) up to which the document holds a certificate of the type, for range filters.</summary>
    public static string CertificationValidUntil(string code) => "cert_until_" + code;

    public const string SortPriceAscending = "sort_price_asc";
    public const string SortPriceDescending = "sort_price_desc";
    public const string SortNewest = "sort_newest";
    public const string SortNameIndonesian = "sort_name_id";
    public const string SortNameEnglish = "sort_name_en";

    /// <summary>The document's id as a doc value: ties in every order break by id, the same on every node.</summary>
    public const string SortId = "sort_id";

    public static string SortName(string culture) => culture == Content.Cultures.English ? SortNameEnglish : SortNameIndonesian;

    public static string Name(string culture) => culture == Content.Cultures.English ? NameEnglish : NameIndonesian;

    public static string Text(string culture) => culture == Content.Cultures.English ? TextEnglish : TextIndonesian;
}

/// <summary>Kinds of documents in the index.</summary>
public static class SearchDocumentTypes
{
    public const string Product = "product";
    public const string Producer = "producer";
    public const string Story = "story";
}
