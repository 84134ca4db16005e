using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace IkmCatalog.Search;

/// <summary>
/// Counts facet values from doc values while the search collects its hits, in the same pass over the same documents,
/// so every count is exactly the number of results the value would leave. Reads two ordinals and one number per hit
/// from plain arrays (<see cref="SegmentFacetValues"/>); ordinals become values (and category paths roll up to their
/// ancestors) once per segment.
/// </summary>
internal sealed class FacetCounter(ICollector inner, int todayDayNumber, bool includeExpired) : ICollector
{
    private readonly Dictionary<string, int> _categories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _regions = new(StringComparer.Ordinal);
    private readonly int[] _certifications = new int[SearchDocuments.CertificationCodes.Count];
    private int _exportReady;
    private int _notExportReady;

    private SegmentFacetValues? _segment;
    private int[] _categoryCounts = [];
    private int[] _regionCounts = [];

    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        inner.SetNextReader(context);
        FlushSegment();
        _segment = SegmentFacetValues.For(context.AtomicReader);
        _categoryCounts = new int[_segment.CategoryCount];
        _regionCounts = new int[_segment.RegionCount];
    }

    public void Collect(int doc)
    {
        inner.Collect(doc);
        var segment = _segment!;
        if (segment.CategoryOrds[doc] is var category and >= 0)
        {
            _categoryCounts[category]++;
        }
        if (segment.RegionOrds[doc] is var region and >= 0)
        {
            _regionCounts[region]++;
        }
        var flags = segment.Flags[doc];
        if (FacetFlags.ExportReady(flags))
        {
            _exportReady++;
        }
        else
        {
            _notExportReady++;
        }
        if (flags > 1)
        {
            for (var i = 0; i < _certifications.Length; i++)
            {
                if (FacetFlags.Holds(flags, i, todayDayNumber, includeExpired))
                {
                    _certifications[i]++;
                }
            }
        }
    }

    public SearchFacets ToFacets()
    {
        FlushSegment();
        return new SearchFacets(
            Sorted(_categories),
            Sorted(_regions),
            [.. SearchDocuments.CertificationCodes.Select((code, i) => new FacetValue(code, _certifications[i])).Where(v => v.Count > 0)],
            [.. new[] { new FacetValue("true", _exportReady), new FacetValue("false", _notExportReady) }.Where(v => v.Count > 0)]);
    }

    private static List<FacetValue> Sorted(Dictionary<string, int> counts) =>
        [.. counts.Select(kv => new FacetValue(kv.Key, kv.Value)).OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal)];

    private void FlushSegment()
    {
        for (var ord = 0; ord < _categoryCounts.Length; ord++)
        {
            if (_categoryCounts[ord] > 0)
            {
                // A product counts for its category and every ancestor: filtering by a parent includes children.
                foreach (var slug in _segment!.CategoryValues[ord].Split('/'))
                {
                    Add(_categories, slug, _categoryCounts[ord]);
                }
            }
        }
        for (var ord = 0; ord < _regionCounts.Length; ord++)
        {
            if (_regionCounts[ord] > 0)
            {
                Add(_regions, _segment!.RegionValues[ord], _regionCounts[ord]);
            }
        }
        _categoryCounts = [];
        _regionCounts = [];
    }

    private static void Add(Dictionary<string, int> counts, string value, int count) =>
        counts[value] = counts.GetValueOrDefault(value) + count;
}

/// <summary>
/// A segment's facet doc values decoded once into plain arrays. Reading Lucene's packed doc values costs about a
/// hundred nanoseconds per document and facets read every hit, so a search that matches most of the catalogue
/// spent most of its time there; an array read costs a few. Segments never change, so the arrays live as long as
/// the segment's core (about 16 bytes per document).
/// </summary>
internal sealed class SegmentFacetValues
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, SegmentFacetValues> Cache = new();

    private SegmentFacetValues(AtomicReader reader)
    {
        // Doc values objects are not safe to share between threads; the arrays and strings made from them are.
        var max = reader.MaxDoc;
        var categories = reader.GetSortedDocValues(SearchFields.FacetCategory);
        var regions = reader.GetSortedDocValues(SearchFields.FacetRegion);
        var flags = reader.GetNumericDocValues(SearchFields.FacetFlags);
        CategoryOrds = new int[max];
        RegionOrds = new int[max];
        Flags = new long[max];
        for (var doc = 0; doc < max; doc++)
        {
            CategoryOrds[doc] = categories?.GetOrd(doc) ?? -1;
            RegionOrds[doc] = regions?.GetOrd(doc) ?? -1;
            Flags[doc] = flags?.Get(doc) ?? 0;
        }
        CategoryValues = Values(categories);
        RegionValues = Values(regions);
    }

    /// <summary>The value of each ordinal (category paths, region slugs): a few dozen per segment.</summary>
    public string[] CategoryValues { get; }

    public string[] RegionValues { get; }

    public int CategoryCount => CategoryValues.Length;

    public int RegionCount => RegionValues.Length;

    public int[] CategoryOrds { get; }

    public int[] RegionOrds { get; }

    public long[] Flags { get; }

    private static string[] Values(SortedDocValues? values)
    {
        if (values is null)
        {
            return [];
        }
        var bytes = new BytesRef();
        var result = new string[values.ValueCount];
        for (var ord = 0; ord < result.Length; ord++)
        {
            values.LookupOrd(ord, bytes);
            result[ord] = bytes.Utf8ToString();
        }
        return result;
    }

    public static SegmentFacetValues For(AtomicReader reader) =>
        Cache.GetValue(reader.CoreCacheKey, _ => new SegmentFacetValues(reader));
}
