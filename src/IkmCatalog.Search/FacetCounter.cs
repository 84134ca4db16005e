using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace IkmCatalog.Search;

/// <summary>
/// Counts facet values from doc values while the search collects its hits, in the same pass over the same documents,
/// so every count is exactly the number of results the value would leave. Reads two ordinals and one number per hit;
/// ordinals become values (and category paths roll up to their ancestors) once per segment.
/// </summary>
internal sealed class FacetCounter(ICollector inner, int todayDayNumber, bool includeExpired) : ICollector
{
    private readonly Dictionary<string, int> _categories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _regions = new(StringComparer.Ordinal);
    private readonly int[] _certifications = new int[SearchDocuments.CertificationCodes.Count];
    private int _exportReady;
    private int _notExportReady;

    private SortedDocValues? _categoryValues;
    private int[] _categoryCounts = [];
    private SortedDocValues? _regionValues;
    private int[] _regionCounts = [];
    private NumericDocValues? _flags;

    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        inner.SetNextReader(context);
        FlushSegment();
        var reader = context.AtomicReader;
        _categoryValues = reader.GetSortedDocValues(SearchFields.FacetCategory);
        _categoryCounts = _categoryValues is null ? [] : new int[_categoryValues.ValueCount];
        _regionValues = reader.GetSortedDocValues(SearchFields.FacetRegion);
        _regionCounts = _regionValues is null ? [] : new int[_regionValues.ValueCount];
        _flags = reader.GetNumericDocValues(SearchFields.FacetFlags);
    }

    public void Collect(int doc)
    {
        inner.Collect(doc);
        if (_categoryValues is not null && _categoryValues.GetOrd(doc) is var category and >= 0)
        {
            _categoryCounts[category]++;
        }
        if (_regionValues is not null && _regionValues.GetOrd(doc) is var region and >= 0)
        {
            _regionCounts[region]++;
        }
        var flags = _flags?.Get(doc) ?? 0;
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
        var bytes = new BytesRef();
        for (var ord = 0; ord < _categoryCounts.Length; ord++)
        {
            if (_categoryCounts[ord] > 0)
            {
                _categoryValues!.LookupOrd(ord, bytes);
                // A product counts for its category and every ancestor: filtering by a parent includes children.
                foreach (var slug in bytes.Utf8ToString().Split('/'))
                {
                    Add(_categories, slug, _categoryCounts[ord]);
                }
            }
        }
        for (var ord = 0; ord < _regionCounts.Length; ord++)
        {
            if (_regionCounts[ord] > 0)
            {
                _regionValues!.LookupOrd(ord, bytes);
                Add(_regions, bytes.Utf8ToString(), _regionCounts[ord]);
            }
        }
        _categoryCounts = [];
        _regionCounts = [];
    }

    private static void Add(Dictionary<string, int> counts, string value, int count) =>
        counts[value] = counts.GetValueOrDefault(value) + count;
}
