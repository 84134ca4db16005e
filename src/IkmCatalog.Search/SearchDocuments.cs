using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace IkmCatalog.Search;

/// <summary>A certificate as the index sees it: its type code and until when it is valid (null: no expiry).</summary>
public sealed record CertificateSource(string Code, DateOnly? ExpiresOn);

/// <summary>
/// What a product's search document is made of, as plain values: the application fills it from the database, the
/// benchmark from its generated catalogue, so both index exactly the same way.
/// </summary>
public sealed record ProductSource
{
    public required int Id { get; init; }
    public required string Slug { get; init; }
    public required string NameIndonesian { get; init; }
    public string? NameEnglish { get; init; }
    public string SummaryIndonesian { get; init; } = "";
    public string? SummaryEnglish { get; init; }
    /// <summary>Plain text (Markdown already stripped).</summary>
    public string DescriptionIndonesian { get; init; } = "";
    public string? DescriptionEnglish { get; init; }
    /// <summary>The product's category first, then its ancestors up to the root.</summary>
    public required IReadOnlyList<CategorySource> Categories { get; init; }
    public required string ProducerSlug { get; init; }
    public required string ProducerName { get; init; }
    public required string RegionSlug { get; init; }
    public required string RegionName { get; init; }
    public string Province { get; init; } = "";
    public long? PriceIdr { get; init; }
    public bool Retail { get; init; }
    public bool ExportReady { get; init; }
    public IReadOnlyList<CertificateSource> Certifications { get; init; } = [];
    public DateTime PublishedAtUtc { get; init; }
    /// <summary>The publishing window of the product and its producer together.</summary>
    public DateTime? VisibleFromUtc { get; init; }
    public DateTime? VisibleUntilUtc { get; init; }
}

public sealed record CategorySource(string Slug, string NameIndonesian, string? NameEnglish);

public sealed record ProducerSource
{
    public required int Id { get; init; }
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public string SectorIndonesian { get; init; } = "";
    public string? SectorEnglish { get; init; }
    public required string RegionSlug { get; init; }
    public required string RegionName { get; init; }
    public string Province { get; init; } = "";
    public string SummaryIndonesian { get; init; } = "";
    public string? SummaryEnglish { get; init; }
    public string StoryIndonesian { get; init; } = "";
    public string? StoryEnglish { get; init; }
    public IReadOnlyList<CertificateSource> Certifications { get; init; } = [];
    public DateTime PublishedAtUtc { get; init; }
    public DateTime? VisibleFromUtc { get; init; }
    public DateTime? VisibleUntilUtc { get; init; }
}

public sealed record StorySource
{
    public required int Id { get; init; }
    public required string Slug { get; init; }
    public required string TitleIndonesian { get; init; }
    public string? TitleEnglish { get; init; }
    public string SummaryIndonesian { get; init; } = "";
    public string? SummaryEnglish { get; init; }
    public string BodyIndonesian { get; init; } = "";
    public string? BodyEnglish { get; init; }
    public string? ProducerName { get; init; }
    public string? RegionName { get; init; }
    public DateTime PublishedAtUtc { get; init; }
    public DateTime? VisibleFromUtc { get; init; }
    public DateTime? VisibleUntilUtc { get; init; }
}

/// <summary>Turns sources into Lucene documents: which words go into which field, what is stored, what is faceted.</summary>
public static class SearchDocuments
{
    /// <summary>Certification codes that get their own validity field and facet.</summary>
    public static readonly IReadOnlyList<string> CertificationCodes = ["pirt", "bpom", "halal", "sni"];

    /// <summary>Longest stored snippet source per language; snippets are cut from it.</summary>
    private const int SnippetSourceLength = 1200;

    public static string KeyOf(string type, int id) => $"{type}:{id}";

    public static Document Product(ProductSource p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var nameEn = Fallback(p.NameEnglish, p.NameIndonesian);
        var doc = Common(SearchDocumentTypes.Product, p.Id, p.Slug, p.NameIndonesian, nameEn, p.VisibleFromUtc, p.VisibleUntilUtc);

        var categoriesId = string.Join(" | ", p.Categories.Select(c => c.NameIndonesian));
        var categoriesEn = string.Join(" | ", p.Categories.Select(c => Fallback(c.NameEnglish, c.NameIndonesian)));
        doc.Add(new TextField(SearchFields.CategoryIndonesian, categoriesId, Field.Store.NO));
        doc.Add(new TextField(SearchFields.CategoryEnglish, categoriesEn, Field.Store.NO));
        doc.Add(new TextField(SearchFields.Producer, p.ProducerName, Field.Store.NO));
        doc.Add(new StoredField(SearchFields.ProducerSlug, p.ProducerSlug));
        doc.Add(new TextField(SearchFields.Place, $"{p.RegionName} | {p.Province}", Field.Store.NO));
        doc.Add(new TextField(SearchFields.Spell, $"{p.NameIndonesian} | {nameEn} | {categoriesId} | {categoriesEn} | {p.ProducerName} | {p.RegionName}", Field.Store.NO));
        doc.Add(new TextField(SearchFields.SuggestIndonesian, $"{p.NameIndonesian} | {p.ProducerName}", Field.Store.NO));
        doc.Add(new TextField(SearchFields.SuggestEnglish, $"{nameEn} | {p.ProducerName}", Field.Store.NO));
        AddText(doc, $"{p.SummaryIndonesian}\n{p.DescriptionIndonesian}", Fallback(p.SummaryEnglish, p.SummaryIndonesian) + "\n" + Fallback(p.DescriptionEnglish, p.DescriptionIndonesian));

        foreach (var category in p.Categories)
        {
            doc.Add(new StringField(SearchFields.CategoryPath, category.Slug, Field.Store.NO));
        }
        // One value per document ("root/child") keeps facet counting to one lookup; counts roll up to ancestors.
        doc.Add(new SortedDocValuesField(SearchFields.FacetCategory, new BytesRef(string.Join('/', p.Categories.Reverse().Select(c => c.Slug)))));
        doc.Add(new StringField(SearchFields.Region, p.RegionSlug, Field.Store.NO));
        doc.Add(new SortedDocValuesField(SearchFields.FacetRegion, new BytesRef(p.RegionSlug)));
        doc.Add(new StringField(SearchFields.ExportReady, p.ExportReady ? "1" : "0", Field.Store.NO));
        doc.Add(new NumericDocValuesField(SearchFields.FacetFlags, FacetFlags.Pack(p.ExportReady, p.Certifications)));
        doc.Add(new StringField(SearchFields.Retail, p.Retail ? "1" : "0", Field.Store.NO));
        if (p.PriceIdr is { } price)
        {
            doc.Add(new Int64Field(SearchFields.Price, price, Field.Store.NO));
        }
        // Inquiry-only products (no price) sort last whichever way prices are sorted.
        doc.Add(new NumericDocValuesField(SearchFields.SortPriceAscending, p.PriceIdr ?? long.MaxValue));
        doc.Add(new NumericDocValuesField(SearchFields.SortPriceDescending, p.PriceIdr ?? long.MinValue));
        doc.Add(new NumericDocValuesField(SearchFields.SortNewest, p.PublishedAtUtc.Ticks));
        doc.Add(new SortedDocValuesField(SearchFields.SortNameIndonesian, new BytesRef(SortKey(p.NameIndonesian))));
        doc.Add(new SortedDocValuesField(SearchFields.SortNameEnglish, new BytesRef(SortKey(nameEn))));
        doc.Add(new NumericDocValuesField(SearchFields.SortId, p.Id));
        AddCertifications(doc, p.Certifications, p.ExportReady ? "siap ekspor export ready" : null);
        return doc;
    }

    public static Document Producer(ProducerSource p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var doc = Common(SearchDocumentTypes.Producer, p.Id, p.Slug, p.Name, p.Name, p.VisibleFromUtc, p.VisibleUntilUtc);
        doc.Add(new TextField(SearchFields.CategoryIndonesian, p.SectorIndonesian, Field.Store.NO));
        doc.Add(new TextField(SearchFields.CategoryEnglish, Fallback(p.SectorEnglish, p.SectorIndonesian), Field.Store.NO));
        doc.Add(new TextField(SearchFields.Producer, p.Name, Field.Store.NO));
        doc.Add(new TextField(SearchFields.Place, $"{p.RegionName} | {p.Province}", Field.Store.NO));
        doc.Add(new TextField(SearchFields.Spell, $"{p.Name} | {p.RegionName}", Field.Store.NO));
        doc.Add(new TextField(SearchFields.SuggestIndonesian, p.Name, Field.Store.NO));
        doc.Add(new TextField(SearchFields.SuggestEnglish, p.Name, Field.Store.NO));
        doc.Add(new StringField(SearchFields.Region, p.RegionSlug, Field.Store.NO));
        doc.Add(new NumericDocValuesField(SearchFields.SortNewest, p.PublishedAtUtc.Ticks));
        AddText(doc, $"{p.SummaryIndonesian}\n{p.StoryIndonesian}", Fallback(p.SummaryEnglish, p.SummaryIndonesian) + "\n" + Fallback(p.StoryEnglish, p.StoryIndonesian));
        AddCertifications(doc, p.Certifications);
        return doc;
    }

    public static Document Story(StorySource s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var titleEn = Fallback(s.TitleEnglish, s.TitleIndonesian);
        var doc = Common(SearchDocumentTypes.Story, s.Id, s.Slug, s.TitleIndonesian, titleEn, s.VisibleFromUtc, s.VisibleUntilUtc);
        if (s.ProducerName is not null)
        {
            doc.Add(new TextField(SearchFields.Producer, s.ProducerName, Field.Store.NO));
        }
        if (s.RegionName is not null)
        {
            doc.Add(new TextField(SearchFields.Place, s.RegionName, Field.Store.NO));
        }
        doc.Add(new TextField(SearchFields.Spell, $"{s.TitleIndonesian} | {titleEn}", Field.Store.NO));
        doc.Add(new NumericDocValuesField(SearchFields.SortNewest, s.PublishedAtUtc.Ticks));
        AddText(doc, $"{s.SummaryIndonesian}\n{s.BodyIndonesian}", Fallback(s.SummaryEnglish, s.SummaryIndonesian) + "\n" + Fallback(s.BodyEnglish, s.BodyIndonesian));
        return doc;
    }

    private static Document Common(string type, int id, string slug, string nameId, string nameEn, DateTime? visibleFrom, DateTime? visibleUntil)
    {
        var doc = new Document
        {
            new StringField(SearchFields.Key, KeyOf(type, id), Field.Store.NO),
            new StringField(SearchFields.Type, type, Field.Store.YES),
            new StoredField(SearchFields.Id, id),
            new StringField(SearchFields.Slug, slug, Field.Store.YES),
            new TextField(SearchFields.NameIndonesian, nameId, Field.Store.NO),
            new TextField(SearchFields.NameEnglish, nameEn, Field.Store.NO),
            new TextField(SearchFields.NameExact, $"{nameId} | {nameEn}", Field.Store.NO),
            new StoredField(SearchFields.DisplayNameIndonesian, nameId),
            new StoredField(SearchFields.DisplayNameEnglish, nameEn),
            // Scheduled publishing is checked at query time, so a document appears and disappears on the minute.
            new Int64Field(SearchFields.VisibleFrom, visibleFrom?.Ticks ?? 0, Field.Store.NO),
            new Int64Field(SearchFields.VisibleUntil, visibleUntil?.Ticks ?? long.MaxValue, Field.Store.NO),
        };
        return doc;
    }

    private static void AddText(Document doc, string indonesian, string english)
    {
        doc.Add(new TextField(SearchFields.TextIndonesian, indonesian, Field.Store.NO));
        doc.Add(new TextField(SearchFields.TextEnglish, english, Field.Store.NO));
        doc.Add(new StoredField(SearchFields.SnippetIndonesian, Cut(indonesian)));
        doc.Add(new StoredField(SearchFields.SnippetEnglish, Cut(english)));
    }

    /// <param name="readiness">Words for the product's trade readiness ("siap ekspor"), searchable like a certification.</param>
    private static void AddCertifications(Document doc, IReadOnlyList<CertificateSource> certifications, string? readiness = null)
    {
        var names = new List<string>();
        if (readiness is not null)
        {
            names.Add(readiness);
        }
        foreach (var code in CertificationCodes)
        {
            var ofType = certifications.Where(c => c.Code == code).ToList();
            if (ofType.Count == 0)
            {
                continue;
            }
            // The longest-lasting certificate of a type decides until when the document has that certification.
            var until = ofType.Any(c => c.ExpiresOn is null) ? int.MaxValue : ofType.Max(c => c.ExpiresOn!.Value.DayNumber);
            doc.Add(new StringField(SearchFields.CertificationCode, code, Field.Store.NO));
            doc.Add(new Int32Field(SearchFields.CertificationValidUntil(code), until, Field.Store.NO));
            names.Add(code == "pirt" ? "pirt spp-irt p-irt" : code);
        }
        if (names.Count > 0)
        {
            doc.Add(new TextField(SearchFields.Certification, string.Join(" | ", names), Field.Store.NO));
        }
    }

    /// <summary>
    /// A name as the name order compares it: ordinal on the lower-cased name, so "kopi" and "Kopi" sit together
    /// whatever the casing an editor typed.
    /// </summary>
    public static string SortKey(string name) => (name ?? "").Trim().ToLowerInvariant();

    private static string Fallback(string? english, string indonesian) => string.IsNullOrWhiteSpace(english) ? indonesian : english;

    private static string Cut(string text) => text.Length <= SnippetSourceLength ? text : text[..SnippetSourceLength];
}

/// <summary>
/// Export readiness and, per certification type, until when it is valid, packed into one doc value so counting facets
/// reads one number per result: bit 0 is export-ready; then 15 bits per type: 0 none, 0x7FFF no expiry, otherwise
/// days since 2000-01-01 plus one (good until 2089).
/// </summary>
public static class FacetFlags
{
    private const int Bits = 15;
    private const long NoExpiry = (1 << Bits) - 1;
    private static readonly int Epoch = new DateOnly(2000, 1, 1).DayNumber;

    public static long Pack(bool exportReady, IReadOnlyList<CertificateSource> certifications)
    {
        long flags = exportReady ? 1 : 0;
        for (var i = 0; i < SearchDocuments.CertificationCodes.Count; i++)
        {
            var ofType = certifications.Where(c => c.Code == SearchDocuments.CertificationCodes[i]).ToList();
            if (ofType.Count == 0)
            {
                continue;
            }
            var value = ofType.Any(c => c.ExpiresOn is null)
                ? NoExpiry
                : Math.Clamp(ofType.Max(c => c.ExpiresOn!.Value.DayNumber) - Epoch + 1, 1, NoExpiry - 1);
            flags |= value << (1 + Bits * i);
        }
        return flags;
    }

    public static bool ExportReady(long flags) => (flags & 1) == 1;

    /// <summary>Whether the document holds certification <paramref name="index"/> (valid on <paramref name="todayDayNumber"/> unless expired ones count).</summary>
    public static bool Holds(long flags, int index, int todayDayNumber, bool includeExpired)
    {
        var value = (flags >> (1 + Bits * index)) & NoExpiry;
        return value != 0 && (includeExpired || value == NoExpiry || value - 1 + Epoch >= todayDayNumber);
    }
}
