using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace IkmCatalog.Search;

/// <summary>
/// A phrase one of whose words the index does not hold in the phrase's field: it cannot match. It still weighs in the
/// query's normalisation exactly as Lucene's phrase weight would (the same statistics through the same similarity),
/// so every other clause scores to the same bit; what it saves is the phrase's own dictionary lookups in every
/// segment, which <see cref="TermStates"/> has already answered.
/// </summary>
internal sealed class AbsentPhraseQuery : Query
{
    private readonly PhraseQuery _phrase;

    public AbsentPhraseQuery(PhraseQuery phrase)
    {
        _phrase = phrase;
        Boost = phrase.Boost;
    }

    public override Weight CreateWeight(IndexSearcher searcher)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        var states = TermStates.Of(searcher);
        var terms = _phrase.GetTerms();
        var statistics = terms.Select(t => searcher.TermStatistics(t, states.Lookup(t))).ToArray();
        return new AbsentWeight(this, searcher.Similarity.ComputeWeight(Boost, searcher.CollectionStatistics(terms[0].Field), statistics));
    }

    public override void ExtractTerms(ISet<Term> terms) => _phrase.ExtractTerms(terms);

    public override string ToString(string field) => _phrase.ToString(field);

    public override bool Equals(object? obj) => obj is AbsentPhraseQuery other && Boost == other.Boost && _phrase.Equals(other._phrase);

    public override int GetHashCode() => HashCode.Combine(_phrase, Boost);

    private sealed class AbsentWeight(AbsentPhraseQuery query, Similarity.SimWeight statistics) : Weight
    {
        public override Query Query => query;

        public override float GetValueForNormalization() => statistics.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost) => statistics.Normalize(norm, topLevelBoost);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs) => null;

        public override Explanation Explain(AtomicReaderContext context, int doc) =>
            new(0f, "no match: a word of " + query + " is not in the index");
    }
}
