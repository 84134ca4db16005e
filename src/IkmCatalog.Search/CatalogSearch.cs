using IkmCatalog.Content;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace IkmCatalog.Search;

/// <summary>
/// Searches the index: products with filters, order, paging and facets; a few producers and stories; "did you
/// mean" when nothing matched; and name suggestions for the search box.
/// </summary>
public sealed class CatalogSearch(SearchIndex index, SearchSynonyms synonyms)
{
    private const int OtherTypesShown = 4;

    /// <summary>
    /// What is visible this minute, cached per segment: products only (under every product search) and every type
    /// (under suggestions and the producer and story lists). Without the cache each search would walk the
    /// publishing-window ranges over the whole index.
    /// </summary>
    private volatile VisibleFilters? _visible;

    private sealed record VisibleFilters(long Minute, Filter Products, Filter Everything)
    {
        /// <summary>
        /// The buyer's filter combinations of this minute (region, category, certificate…), each joined with what is
        /// visible and cached as bits, as Solr's filter cache does: a search with a filter then checks one bit per
        /// candidate instead of walking a second query beside its words. Bounded; past the bound a combination is
        /// built for its one search.
        /// </summary>
        public System.Collections.Concurrent.ConcurrentDictionary<string, Filter> Combined { get; } = new(StringComparer.Ordinal);
    }

    private const int CombinedFiltersKept = 256;

    /// <summary>
    /// Caches a dense filter as a bit set, which offers random access: the search then checks each candidate's bit
    /// instead of leap-frogging between the query and an iterator over almost every document.
    /// </summary>
    private sealed class BitSetCachingFilter(Filter filter) : CachingWrapperFilter(filter)
    {
        protected override DocIdSet DocIdSetToCache(DocIdSet docIdSet, Lucene.Net.Index.AtomicReader reader)
        {
            var bits = new Lucene.Net.Util.FixedBitSet(reader.MaxDoc);
            if (docIdSet?.GetIterator() is { } iterator)
            {
                bits.Or(iterator);
            }
            return bits;
        }
    }

    public SearchResults Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var measured = SearchTelemetry.Measure("search");
        request = request.Normalized();
        var map = synonyms.Current;
        var visible = VisibleNow(request.NowUtc);
        return index.Read(searcher =>
        {
            // Rewritten once (typo queries expand to the words they match), for searching and for highlighting.
            var built = SearchQueryBuilder.Build(request.Text, request.Culture, map, KnownWords(searcher), TermStates.Of(searcher));
            var words = built is null ? null : searcher.Rewrite(built);
            var results = SearchProducts(searcher, request, words, visible);
            string? didYouMean = null;
            if (results.Total == 0 && request.Text is not null)
            {
                didYouMean = DidYouMean(searcher, request, map, visible);
            }
            IReadOnlyList<SearchHit> producers = [], stories = [];
            if (request.IncludeProducersAndStories && words is not null && request.Page == 1)
            {
                producers = SearchOthers(searcher, words, SearchDocumentTypes.Producer, visible.Everything, request.Culture);
                stories = SearchOthers(searcher, words, SearchDocumentTypes.Story, visible.Everything, request.Culture);
            }
            return results with { DidYouMean = didYouMean, Producers = producers, Stories = stories };
        });
    }

    public IReadOnlyList<Suggestion> Suggest(string? text, string culture, DateTime nowUtc, int max = 8)
    {
        using var measured = SearchTelemetry.Measure("suggest");
        var words = string.IsNullOrWhiteSpace(text) ? [] : SearchAnalyzers.Terms(SearchFields.Spell, text.Length > 100 ? text[..100] : text);
        if (words.Count == 0)
        {
            return [];
        }
        var english = Cultures.IsEnglish(culture);
        var (own, other) = english
            ? (SearchFields.SuggestEnglish, SearchFields.SuggestIndonesian)
            : (SearchFields.SuggestIndonesian, SearchFields.SuggestEnglish);
        // Every word typed is a prefix of a word of the name; the edge n-grams make each prefix a plain term.
        var query = new BooleanQuery();
        foreach (var word in words)
        {
            var prefix = word.Length > 20 ? word[..20] : word;
            query.Add(new BooleanQuery
            {
                { new TermQuery(new Lucene.Net.Index.Term(own, prefix)) { Boost = 2f }, Occur.SHOULD },
                { new TermQuery(new Lucene.Net.Index.Term(other, prefix)), Occur.SHOULD },
            }, Occur.MUST);
        }
        // Products and producers only; a required clause that adds nothing to the score.
        var types = new BooleanQuery
        {
            { new TermQuery(new Lucene.Net.Index.Term(SearchFields.Type, SearchDocumentTypes.Product)), Occur.SHOULD },
            { new TermQuery(new Lucene.Net.Index.Term(SearchFields.Type, SearchDocumentTypes.Producer)), Occur.SHOULD },
        };
        types.Boost = 0f;
        query.Add(types, Occur.MUST);
        var visible = VisibleNow(nowUtc).Everything;
        var nameField = english ? SearchFields.DisplayNameEnglish : SearchFields.DisplayNameIndonesian;
        return index.Read(searcher =>
        {
            var top = searcher.Search(new FilteredQuery(query, visible), max * 2);
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var suggestions = new List<Suggestion>();
            foreach (var hit in top.ScoreDocs)
            {
                var doc = searcher.Doc(hit.Doc);
                var name = doc.Get(nameField);
                if (seen.Add(name) && suggestions.Count < max)
                {
                    suggestions.Add(new Suggestion(doc.Get(SearchFields.Type), doc.Get(SearchFields.Slug), name));
                }
            }
            return suggestions;
        });
    }

    private static SearchResults SearchProducts(IndexSearcher searcher, SearchRequest request, Query? words, VisibleFilters visible)
    {
        var filter = ProductFilterOf(request, visible);
        // Without words every visible product matches alike: walk the filter's bits rather than every document.
        Query query = words is null ? new ConstantScoreQuery(filter) : new FilteredQuery(words, filter);
        var wanted = request.Page * request.PageSize;
        var top = TopFieldCollector.Create(SortOf(request.EffectiveSort, request.Culture), wanted, fillFields: false, trackDocScores: false,
            trackMaxScore: false, docsScoredInOrder: false);
        var facets = new FacetCounter(top, request.Today.DayNumber, request.IncludeExpiredCertificates);
        searcher.Search(query, facets);

        var page = top.GetTopDocs((request.Page - 1) * request.PageSize, request.PageSize);
        List<SearchHit> hits;
        if (request.IdsOnly)
        {
            hits = [.. page.ScoreDocs.Select(d => IdHit(searcher, d.Doc))];
        }
        else
        {
            var highlighter = Highlighter(words, request.Culture);
            hits = [.. page.ScoreDocs.Select(d => Hit(searcher, d.Doc, highlighter))];
        }
        var counts = facets.ToFacets();
        if (request.Certification is { } active)
        {
            // Choosing another certification replaces this one, so only the active value's count would hold.
            counts = counts with { Certification = [.. counts.Certification.Where(v => v.Value == active)] };
        }
        return new SearchResults(request, top.TotalHits, hits, counts, null, [], []);
    }

    private static List<SearchHit> SearchOthers(IndexSearcher searcher, Query words, string type, Filter visible, string culture)
    {
        // The type's few documents first (a term's postings), then the cached visibility bits.
        var ofType = new FilteredQuery(words, new QueryWrapperFilter(new TermQuery(new Lucene.Net.Index.Term(SearchFields.Type, type))));
        var top = searcher.Search(new FilteredQuery(ofType, visible), OtherTypesShown);
        var highlighter = Highlighter(words, culture);
        return [.. top.ScoreDocs.Select(d => Hit(searcher, d.Doc, highlighter))];
    }

    /// <param name="words">The rewritten query, whose terms are the words actually matched.</param>
    private static SnippetHighlighter Highlighter(Query? words, string culture)
    {
        var terms = new HashSet<Lucene.Net.Index.Term>();
        words?.ExtractTerms(terms);
        return new SnippetHighlighter(terms, culture);
    }

    private VisibleFilters VisibleNow(DateTime nowUtc)
    {
        // Publishing windows are honoured to the minute, so the cached filters serve every search of that minute.
        var minute = nowUtc.Ticks / TimeSpan.TicksPerMinute;
        if (_visible is { } cached && cached.Minute == minute)
        {
            return cached;
        }
        var start = new DateTime(minute * TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        var products = Visible(start);
        products.Add(new TermQuery(new Lucene.Net.Index.Term(SearchFields.Type, SearchDocumentTypes.Product)), Occur.MUST);
        var filters = new VisibleFilters(minute, new BitSetCachingFilter(new QueryWrapperFilter(products)), new BitSetCachingFilter(new QueryWrapperFilter(Visible(start))));
        _visible = filters;
        return filters;
    }

    /// <summary>Whether the index holds a word as written, from the reader's cached term lookups.</summary>
    private static Func<string, bool> KnownWords(IndexSearcher searcher)
    {
        var states = TermStates.Of(searcher);
        return word => states.Exists(new Lucene.Net.Index.Term(SearchFields.Spell, word));
    }

    /// <summary>A product hit with only its id, from the id's doc values (no stored fields read).</summary>
    private static SearchHit IdHit(IndexSearcher searcher, int docId)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(docId, leaves)];
        var ids = leaf.AtomicReader.GetNumericDocValues(SearchFields.SortId);
        return new SearchHit(SearchDocumentTypes.Product, (int)(ids?.Get(docId - leaf.DocBase) ?? 0), "", "", "", "");
    }

    private static SearchHit Hit(IndexSearcher searcher, int docId, SnippetHighlighter highlighter)
    {
        var english = highlighter.Culture == Cultures.English;
        var shown = new ShownFields(english);
        searcher.Doc(docId, shown);
        var name = shown.Name ?? "";
        return new SearchHit(
            shown.Type ?? "",
            shown.Id,
            shown.Slug ?? "",
            name,
            highlighter.Highlight(name, SearchFields.Name(highlighter.Culture)),
            highlighter.Snippet(shown.Snippet ?? "", SearchFields.Text(highlighter.Culture)));
    }

    /// <summary>
    /// Reads only what a hit shows in the page's language (the first value of each field) and stops there: the other
    /// language's name and snippet are neither decoded nor kept.
    /// </summary>
    private sealed class ShownFields(bool english) : StoredFieldVisitor
    {
        private readonly string _nameField = english ? SearchFields.DisplayNameEnglish : SearchFields.DisplayNameIndonesian;
        private readonly string _snippetField = english ? SearchFields.SnippetEnglish : SearchFields.SnippetIndonesian;
        private bool _hasId;

        public string? Type { get; private set; }
        public int Id { get; private set; }
        public string? Slug { get; private set; }
        public string? Name { get; private set; }
        public string? Snippet { get; private set; }

        public override Status NeedsField(FieldInfo fieldInfo)
        {
            ArgumentNullException.ThrowIfNull(fieldInfo);
            if (Type is not null && _hasId && Slug is not null && Name is not null && Snippet is not null)
            {
                return Status.STOP;
            }
            var wanted = fieldInfo.Name switch
            {
                SearchFields.Type => Type is null,
                SearchFields.Id => !_hasId,
                SearchFields.Slug => Slug is null,
                var f when f == _nameField => Name is null,
                var f when f == _snippetField => Snippet is null,
                _ => false,
            };
            return wanted ? Status.YES : Status.NO;
        }

        public override void StringField(FieldInfo fieldInfo, string value)
        {
            ArgumentNullException.ThrowIfNull(fieldInfo);
            switch (fieldInfo.Name)
            {
                case SearchFields.Type:
                    Type = value;
                    break;
                case SearchFields.Slug:
                    Slug = value;
                    break;
                case var f when f == _nameField:
                    Name = value;
                    break;
                case var f when f == _snippetField:
                    Snippet = value;
                    break;
            }
        }

        public override void Int32Field(FieldInfo fieldInfo, int value)
        {
            (Id, _hasId) = (value, true);
        }
    }

    /// <summary>Published documents inside their publishing window now.</summary>
    private static BooleanQuery Visible(DateTime nowUtc) => new()
    {
        { NumericRangeQuery.NewInt64Range(SearchFields.VisibleFrom, null, nowUtc.Ticks, true, true), Occur.MUST },
        { NumericRangeQuery.NewInt64Range(SearchFields.VisibleUntil, nowUtc.Ticks, null, false, true), Occur.MUST },
    };

    /// <summary>Visible products narrowed by the buyer's filters, as cached bits.</summary>
    private static Filter ProductFilterOf(SearchRequest request, VisibleFilters visible)
    {
        if (ProductFilter(request) is not { } filter)
        {
            return visible.Products;
        }
        var key = filter.ToString();
        if (visible.Combined.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var combined = new BitSetCachingFilter(new QueryWrapperFilter(new BooleanQuery
        {
            { new ConstantScoreQuery(visible.Products), Occur.MUST },
            { filter, Occur.MUST },
        }));
        return visible.Combined.Count < CombinedFiltersKept ? visible.Combined.GetOrAdd(key, combined) : combined;
    }

    /// <summary>The buyer's filters, or null when there are none.</summary>
    private static BooleanQuery? ProductFilter(SearchRequest request)
    {
        var filter = new BooleanQuery();
        if (request.Category is { } category)
        {
            // Products carry their category's ancestors too, so a parent category includes its children.
            filter.Add(new TermQuery(new Lucene.Net.Index.Term(SearchFields.CategoryPath, category)), Occur.MUST);
        }
        if (request.Region is { } region)
        {
            filter.Add(new TermQuery(new Lucene.Net.Index.Term(SearchFields.Region, region)), Occur.MUST);
        }
        if (request.Certification is { } code)
        {
            filter.Add(request.IncludeExpiredCertificates
                ? new TermQuery(new Lucene.Net.Index.Term(SearchFields.CertificationCode, code))
                : NumericRangeQuery.NewInt32Range(SearchFields.CertificationValidUntil(code), request.Today.DayNumber, null, true, true), Occur.MUST);
        }
        if (request.ExportReady is { } export)
        {
            filter.Add(new TermQuery(new Lucene.Net.Index.Term(SearchFields.ExportReady, export ? "1" : "0")), Occur.MUST);
        }
        if (request.Retail is { } retail)
        {
            filter.Add(new TermQuery(new Lucene.Net.Index.Term(SearchFields.Retail, retail ? "1" : "0")), Occur.MUST);
        }
        if (request.MinPrice is not null || request.MaxPrice is not null)
        {
            filter.Add(NumericRangeQuery.NewInt64Range(SearchFields.Price, request.MinPrice, request.MaxPrice, true, true), Occur.MUST);
        }
        return filter.Clauses.Count == 0 ? null : filter;
    }

    /// <summary>Each order ends with the id, so equal prices, dates or names list the same way on every node and every page.</summary>
    private static Sort SortOf(SearchSort sort, string culture) => sort switch
    {
        SearchSort.PriceAscending => new Sort(new SortField(SearchFields.SortPriceAscending, SortFieldType.INT64), IdAscending),
        SearchSort.PriceDescending => new Sort(new SortField(SearchFields.SortPriceDescending, SortFieldType.INT64, true), IdAscending),
        SearchSort.Newest => new Sort(new SortField(SearchFields.SortNewest, SortFieldType.INT64, true), new SortField(SearchFields.SortId, SortFieldType.INT64, true)),
        SearchSort.Name => new Sort(new SortField(SearchFields.SortName(culture), SortFieldType.STRING), IdAscending),
        _ => new Sort(SortField.FIELD_SCORE, new SortField(SearchFields.SortNewest, SortFieldType.INT64, true), new SortField(SearchFields.SortId, SortFieldType.INT64, true)),
    };

    private static readonly SortField IdAscending = new(SearchFields.SortId, SortFieldType.INT64);

    /// <summary>
    /// The query with each unknown word replaced by the closest known one (names, categories, producers, places),
    /// offered only when that spelling finds something.
    /// </summary>
    private static string? DidYouMean(IndexSearcher searcher, SearchRequest request, SynonymMap map, VisibleFilters visible)
    {
        var words = SearchAnalyzers.Terms(SearchFields.Spell, request.Text!);
        var terms = MultiFields.GetTerms(searcher.IndexReader, SearchFields.Spell);
        if (terms is null || words.Count == 0)
        {
            return null;
        }
        var changed = false;
        var corrected = new List<string>();
        foreach (var word in words)
        {
            var best = word;
            if (word.Length >= 3 && !word.Any(char.IsDigit) && map.Find(word) is null && !Exists(terms, word))
            {
                best = Closest(terms, word) ?? word;
            }
            changed |= best != word;
            corrected.Add(best);
        }
        if (!changed)
        {
            return null;
        }
        var suggestion = string.Join(' ', corrected);
        var query = SearchQueryBuilder.Build(suggestion, request.Culture, map, KnownWords(searcher), TermStates.Of(searcher));
        if (query is null)
        {
            return null;
        }
        var check = SearchProducts(searcher, request with { Text = suggestion, Page = 1, PageSize = 1 }, searcher.Rewrite(query), visible);
        return check.Total > 0 ? suggestion : null;
    }

    private static bool Exists(Terms terms, string word)
    {
        var e = terms.GetEnumerator();
        return e.SeekExact(new Lucene.Net.Util.BytesRef(word));
    }

    private static string? Closest(Terms terms, string word)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestFrequency = 0;
        var e = terms.GetEnumerator();
        while (e.MoveNext())
        {
            var candidate = e.Term.Utf8ToString();
            if (Math.Abs(candidate.Length - word.Length) > 2 || candidate.Length < 3)
            {
                continue;
            }
            var distance = EditDistance(word, candidate);
            if (distance <= 2 && (distance < bestDistance || (distance == bestDistance && e.DocFreq > bestFrequency)))
            {
                (best, bestDistance, bestFrequency) = (candidate, distance, e.DocFreq);
            }
        }
        return best;
    }

    /// <summary>Damerau-Levenshtein distance (adjacent swaps count as one edit), as the fuzzy queries count typos.</summary>
    public static int EditDistance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
