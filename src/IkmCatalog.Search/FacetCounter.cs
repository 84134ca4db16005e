using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace IkmCatalog.Search;

/// <summary>
/// Counts facet values from doc values while the search collects its hits, in the same pass over the same
/// documents, so every count is exactly the number of results the value would leave. Counts per segment by
/// ordinal, and turns ordinals into values once per segment.
/// </summary>
internal sealed class FacetCounter(int todayDayNumber, bool includeExpired) : ICollector
{
    private readonly Dictionary<string, int> _categories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _regions = new(StringComparer.Ordinal);
    private readonly int[] _certifications = new int[SearchDocuments.CertificationCodes.Count];
    private readonly NumericDocValues?[] _certificationValues = new NumericDocValues?[SearchDocuments.CertificationCodes.Count];
    private int _exportReady;
    private int _notExportReady;

    private SortedSetDocValues? _categoryValues;
    private int[] _categoryCounts = [];
    private SortedDocValues? _regionValues;
    private int[] _regionCounts = [];
    private NumericDocValues? _exportValues;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        FlushSegment();
        var reader = context.AtomicReader;
        _categoryValues = reader.GetSortedSetDocValues(SearchFields.FacetCategory);
        _categoryCounts = _categoryValues is null ? [] : new int[_categoryValues.ValueCount];
        _regionValues = reader.GetSortedDocValues(SearchFields.FacetRegion);
        _regionCounts = _regionValues is null ? [] : new int[_regionValues.ValueCount];
        _exportValues = reader.GetNumericDocValues(SearchFields.FacetExportReady);
        for (var i = 0; i < _certificationValues.Length; i++)
        {
            _certificationValues[i] = reader.GetNumericDocValues(SearchFields.CertificationValidUntil(SearchDocuments.CertificationCodes[i]));
        }
    }

    public void Collect(int doc)
    {
        if (_categoryValues is not null)
        {
            _categoryValues.SetDocument(doc);
            long ord;
            while ((ord = _categoryValues.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                _categoryCounts[ord]++;
            }
        }
        if (_regionValues is not null && _regionValues.GetOrd(doc) is var region and >= 0)
        {
            _regionCounts[region]++;
        }
        if (_exportValues is not null && _exportValues.Get(doc) == 1)
        {
            _exportReady++;
        }
        else
        {
            _notExportReady++;
        }
        for (var i = 0; i < _certificationValues.Length; i++)
        {
            // 0 means "no certificate of this type"; otherwise the day it is valid until.
            var until = _certificationValues[i]?.Get(doc) ?? 0;
            if (until > 0 && (includeExpired || until >= todayDayNumber))
            {
                _certifications[i]++;
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
                Add(_categories, bytes.Utf8ToString(), _categoryCounts[ord]);
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
