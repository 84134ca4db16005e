using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace IkmCatalog.Search;

/// <summary>
/// Where each searched term sits in each segment of one index reader, looked up once and kept for as long as the
/// reader serves searches (until the next change to the index opens a new one).
/// </summary>
/// <remarks>
/// A search's words become a few dozen term queries (each word in each of about ten fields), and a term query looks
/// its term up in every segment's term dictionary before it can score: on the 100k-product catalogue that was the
/// largest part of preparing a search and about two thirds of the memory a search allocated (bench/Search). Term
/// queries given their looked-up state skip that. The states hold no documents, only dictionary positions and
/// frequencies, so scores stay exactly the same.
/// </remarks>
public sealed class TermStates
{
    /// <summary>Distinct terms kept per reader; past this a term is looked up for its one search, as before.</summary>
    private const int TermsKept = 50_000;

    private static readonly ConditionalWeakTable<IndexReader, TermStates> PerReader = new();

    private readonly IndexReaderContext _top;
    private readonly ConcurrentDictionary<Term, TermContext> _states = new();

    private TermStates(IndexReaderContext top) => _top = top;

    /// <summary>The states of the searcher's reader.</summary>
    public static TermStates Of(IndexSearcher searcher)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        return PerReader.GetValue(searcher.IndexReader, _ => new TermStates(searcher.TopReaderContext));
    }

    /// <summary>A term query that knows where its term is in this reader.</summary>
    public TermQuery Query(Term term) => new(term, Lookup(term));

    /// <summary>Whether the reader holds the term at all.</summary>
    public bool Exists(Term term) => Lookup(term).DocFreq > 0;

    /// <summary>Where the term is in each segment of this reader, and in how many documents.</summary>
    public TermContext Lookup(Term term)
    {
        ArgumentNullException.ThrowIfNull(term);
        if (!_states.TryGetValue(term, out var state))
        {
            state = TermContext.Build(_top, term);
            if (_states.Count < TermsKept)
            {
                _states.TryAdd(term, state);
            }
        }
        return state;
    }
}
