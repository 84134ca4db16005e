using IkmCatalog.Content;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace IkmCatalog.Search;

/// <summary>
/// Turns what a buyer typed into Lucene query objects, never through a query parser, so no input can be a syntax
/// error. Each word (or listed synonym phrase) becomes one clause that any of its synonyms can satisfy in any field,
/// the best field winning: names weigh most, then category and producer, then place and certification, then the
/// description. Words of four letters or more that the index does not know also match with a typo (a known word is
/// taken as meant, which keeps results precise and spares building typo automata). Up to two words must all match;
/// with three or more, one may be missing.
/// Documents that hold the words as a phrase in their name rank higher.
/// </summary>
public static class SearchQueryBuilder
{
    private const float PhraseBoost = 6f;

    /// <summary>A word or phrase of the query, with what it also means.</summary>
    public sealed record QueryUnit(string Text, IReadOnlyCollection<string> Variants);

    public static IReadOnlyList<QueryUnit> Units(string text, SynonymMap synonyms)
    {
        ArgumentNullException.ThrowIfNull(synonyms);
        var words = SearchAnalyzers.Terms(SearchFields.Spell, text);
        var units = new List<QueryUnit>();
        for (var i = 0; i < words.Count;)
        {
            var matched = false;
            for (var length = Math.Min(synonyms.LongestPhrase, words.Count - i); length >= 1 && !matched; length--)
            {
                var phrase = string.Join(' ', words.Skip(i).Take(length));
                if (synonyms.Find(phrase) is { } variants)
                {
                    units.Add(new QueryUnit(phrase, [phrase, .. variants.Where(v => v != phrase)]));
                    i += length;
                    matched = true;
                }
            }
            if (!matched)
            {
                units.Add(new QueryUnit(words[i], [words[i]]));
                i++;
            }
        }
        return units;
    }

    /// <summary>The words query, or null when nothing searchable was typed (only stop words or punctuation).</summary>
    /// <param name="isKnownWord">Whether the index holds the word as written; null: treat every word as possibly misspelt.</param>
    /// <param name="termStates">The searched reader's term lookups, so the query need not look its terms up again.</param>
    public static Query? Build(string? text, string culture, SynonymMap synonyms, Func<string, bool>? isKnownWord = null, TermStates? termStates = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var english = Cultures.IsEnglish(culture);
        var clauses = Units(text, synonyms).Select(u => UnitQuery(u, english, isKnownWord, termStates)).OfType<Query>().ToList();
        if (clauses.Count == 0)
        {
            return null;
        }
        Query words;
        if (clauses.Count == 1)
        {
            words = clauses[0];
        }
        else
        {
            // Two words: a conjunction (leap-frogging over the rarer word is much faster than "2 of 2 should match").
            var all = new BooleanQuery(disableCoord: false);
            if (clauses.Count > 2)
            {
                all.MinimumNumberShouldMatch = clauses.Count - 1;
            }
            foreach (var clause in clauses)
            {
                all.Add(clause, clauses.Count <= 2 ? Occur.MUST : Occur.SHOULD);
            }
            words = all;
        }

        var tokens = SearchAnalyzers.Terms(SearchFields.NameExact, text);
        if (tokens.Count < 2)
        {
            return words;
        }
        var query = new BooleanQuery { { words, Occur.MUST } };
        query.Add(Phrase(SearchFields.NameExact, tokens, PhraseBoost, termStates: termStates), Occur.SHOULD);
        var nameField = english ? SearchFields.NameEnglish : SearchFields.NameIndonesian;
        var analysed = SearchAnalyzers.Terms(nameField, text);
        if (analysed.Count >= 2)
        {
            query.Add(Phrase(nameField, analysed, PhraseBoost * 0.8f, termStates: termStates), Occur.SHOULD);
        }
        return query;
    }

    private static DisjunctionMaxQuery? UnitQuery(QueryUnit unit, bool english, Func<string, bool>? isKnownWord, TermStates? termStates)
    {
        // Each distinct (field, terms) once, at its best weight: variants often analyse alike ("cashew", "cashews").
        var clauses = new Dictionary<(string Field, string Terms), (List<string> Terms, float Boost)>();
        foreach (var variant in unit.Variants)
        {
            var original = variant == unit.Text;
            // The buyer's own word counts a little more than its synonyms, which are product words: they are looked
            // for in names, categories and descriptions, not among producers, places or certificates.
            var variantBoost = original ? 1f : 0.85f;
            foreach (var (field, boost) in FieldBoosts(english))
            {
                if (!original && !VariantFields(english).Contains(field))
                {
                    continue;
                }
                var terms = SearchAnalyzers.Terms(field, variant);
                if (terms.Count == 0)
                {
                    continue;
                }
                var key = (field, string.Join(' ', terms));
                if (!clauses.TryGetValue(key, out var existing) || existing.Boost < boost * variantBoost)
                {
                    clauses[key] = (terms, boost * variantBoost);
                }
            }
        }
        if (clauses.Count == 0)
        {
            return null; // a stop word in every language ("from", "dari")
        }
        var best = new DisjunctionMaxQuery(0.1f);
        foreach (var ((field, _), (terms, boost)) in clauses)
        {
            best.Add(terms.Count == 1 ? TermQuery(new Term(field, terms[0]), boost, termStates)
                : field is SearchFields.TextIndonesian or SearchFields.TextEnglish ? AllOf(field, terms, boost, termStates)
                : Phrase(field, terms, boost, slop: 1, termStates));
        }
        if (!unit.Text.Contains(' ', StringComparison.Ordinal) && unit.Text.Length >= 4 && !unit.Text.Any(char.IsDigit)
            && isKnownWord?.Invoke(unit.Text) != true)
        {
            best.Add(new FuzzyQuery(new Term(SearchFields.Spell, unit.Text), MaxEdits(unit.Text), prefixLength: 1, maxExpansions: 20, transpositions: true) { Boost = 2f });
        }
        return best;
    }

    /// <summary>
    /// Where synonyms are looked for: names in both languages, and category and description in the page's language
    /// (English text falls back to the Indonesian, so Indonesian-only content is still found). The buyer's own word
    /// is looked for everywhere; each field a synonym adds is a posting list every search walks.
    /// </summary>
    private static HashSet<string> VariantFields(bool english) => english ? EnglishVariantFields : IndonesianVariantFields;

    private static readonly HashSet<string> IndonesianVariantFields =
    [
        SearchFields.NameExact, SearchFields.NameIndonesian, SearchFields.NameEnglish, SearchFields.CategoryIndonesian,
        SearchFields.TextIndonesian,
    ];

    private static readonly HashSet<string> EnglishVariantFields =
    [
        SearchFields.NameExact, SearchFields.NameIndonesian, SearchFields.NameEnglish, SearchFields.CategoryEnglish,
        SearchFields.TextEnglish,
    ];

    /// <summary>One typo for words of 4 to 7 letters, two for longer words.</summary>
    public static int MaxEdits(string word) => word.Length >= 8 ? 2 : 1;

    /// <summary>Fields searched and their weights; the page's language weighs a little more than the other.</summary>
    private static (string Field, float Boost)[] FieldBoosts(bool english) =>
    [
        (SearchFields.NameExact, 6f),
        (english ? SearchFields.NameEnglish : SearchFields.NameIndonesian, 5f),
        (english ? SearchFields.NameIndonesian : SearchFields.NameEnglish, 4f),
        (SearchFields.Producer, 3f),
        (english ? SearchFields.CategoryEnglish : SearchFields.CategoryIndonesian, 3f),
        (english ? SearchFields.CategoryIndonesian : SearchFields.CategoryEnglish, 2.5f),
        (SearchFields.Place, 2f),
        (SearchFields.Certification, 2f),
        (english ? SearchFields.TextEnglish : SearchFields.TextIndonesian, 1f),
        (english ? SearchFields.TextIndonesian : SearchFields.TextEnglish, 0.8f),
    ];

    private static BooleanQuery AllOf(string field, IReadOnlyList<string> terms, float boost, TermStates? termStates)
    {
        var all = new BooleanQuery(disableCoord: true) { Boost = boost };
        foreach (var term in terms)
        {
            all.Add(TermQuery(new Term(field, term), 1f, termStates), Occur.MUST);
        }
        return all;
    }

    private static TermQuery TermQuery(Term term, float boost, TermStates? termStates)
    {
        var query = termStates?.Query(term) ?? new TermQuery(term);
        query.Boost = boost;
        return query;
    }

    /// <summary>
    /// A phrase; one with a word the index does not hold in the field (most of a synonym's phrases in producer, place
    /// or certificate fields) cannot match, so it is kept as an <see cref="AbsentPhraseQuery"/>, which skips the
    /// phrase's own lookups and scorers.
    /// </summary>
    private static Query Phrase(string field, IReadOnlyList<string> terms, float boost, int slop = 2, TermStates? termStates = null)
    {
        var phrase = new PhraseQuery { Slop = slop, Boost = boost };
        foreach (var term in terms)
        {
            phrase.Add(new Term(field, term));
        }
        return termStates is not null && phrase.GetTerms().Any(t => !termStates.Exists(t)) ? new AbsentPhraseQuery(phrase) : phrase;
    }
}
