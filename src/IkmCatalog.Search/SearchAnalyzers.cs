using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Id;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.NGram;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace IkmCatalog.Search;

/// <summary>
/// The analysers of every field, shared by indexing and querying (and by the benchmark) so both see the same terms.
/// </summary>
public static class SearchAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>
    /// Product words the Indonesian stemmer mangles: it strips what looks like a prefix or suffix from words that
    /// have none ("keripik" → "ripik", "kering" → "ring", "pedas" → "das", "perca" → "ca", "kemeja" → "meja",
    /// which then collides with a table). These are matched as written.
    /// </summary>
    public static readonly IReadOnlyList<string> IndonesianNoStem =
    [
        "keripik", "kripik", "kerupuk", "krupuk", "kering", "keranjang", "kedelai", "kendari", "kemeja", "kemasan",
        "ketan", "keju", "kepok", "kecap", "ketumbar", "kelapa", "kemiri", "kerajinan", "kaca", "pedas", "perca",
        "pesanan", "peci", "petis", "pempek", "bakpia", "mete", "jambu", "jahe", "wajik", "selendang", "sarung",
        "songket", "tenun", "tenunan", "bangkit", "tempe", "dodol", "abon", "sagu", "rotan", "batik", "kain",
        "kopi", "teras", "ikat", "tas", "nentu", "kalosara", "tolaki", "gentongan", "sanan", "betawi", "madura",
        "malang", "tangerang", "bangkalan", "kwanyar", "tenggiri", "tongkol", "cakalang", "marlin", "tuna", "bagea",
        "wedang", "rempah", "gamis", "dompet", "clutch", "tote", "pandan", "anyaman", "mebel", "kursi", "meja",
        "taplak", "tudung", "seragam", "periuk", "bahari", "sultra", "melinjo", "emping", "lapis", "legit", "durian",
    ];

    private static readonly CharArraySet NoStemSet = new(Version, IndonesianNoStem, ignoreCase: true);

    /// <summary>Lucene's English stop words plus words buyers add that never describe a product ("halal snacks from Malang").</summary>
    private static readonly CharArraySet EnglishStopSet = new(Version, [.. EnglishAnalyzer.DefaultStopSet.Select(w => w.ToString()!), "from", "made"], ignoreCase: true);

    /// <summary>Indonesian text: standard tokens, lower case, Indonesian stop words, stemming except the no-stem list.</summary>
    public static Analyzer Indonesian { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new StandardFilter(Version, source);
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(Version, stream, IndonesianAnalyzer.DefaultStopSet);
        stream = new SetKeywordMarkerFilter(stream, NoStemSet);
        stream = new IndonesianStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    });

    /// <summary>English text: possessives removed, lower case, English stop words, Porter stemming.</summary>
    public static Analyzer English { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new StandardFilter(Version, source);
        stream = new EnglishPossessiveFilter(Version, stream);
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(Version, stream, EnglishStopSet);
        // Indonesian product words quoted in English text ("keripik", "abon") stay as written here too.
        stream = new SetKeywordMarkerFilter(stream, NoStemSet);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    });

    /// <summary>Words as written, lower-cased and without accents: names, producers, places, the spelling dictionary.</summary>
    public static Analyzer Exact { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new StandardFilter(Version, source);
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(source, stream);
    });

    /// <summary>Every prefix of every word of a name (1 to 20 letters), for autocomplete by term lookup.</summary>
    public static Analyzer EdgeNGrams { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new StandardFilter(Version, source);
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new EdgeNGramTokenFilter(Version, stream, 1, 20);
        return new TokenStreamComponents(source, stream);
    });

    /// <summary>The analyser each field is indexed with; fields not listed are keywords or numbers.</summary>
    public static Analyzer ForField(string field) => field switch
    {
        SearchFields.NameIndonesian or SearchFields.CategoryIndonesian or SearchFields.TextIndonesian => Indonesian,
        SearchFields.NameEnglish or SearchFields.CategoryEnglish or SearchFields.TextEnglish => English,
        SearchFields.SuggestIndonesian or SearchFields.SuggestEnglish => EdgeNGrams,
        _ => Exact,
    };

    /// <summary>The per-field analyser the index writer uses.</summary>
    public static Analyzer CreateIndexAnalyzer() => new PerFieldAnalyzerWrapper(Exact, new Dictionary<string, Analyzer>
    {
        [SearchFields.NameIndonesian] = Indonesian,
        [SearchFields.CategoryIndonesian] = Indonesian,
        [SearchFields.TextIndonesian] = Indonesian,
        [SearchFields.NameEnglish] = English,
        [SearchFields.CategoryEnglish] = English,
        [SearchFields.TextEnglish] = English,
        [SearchFields.SuggestIndonesian] = EdgeNGrams,
        [SearchFields.SuggestEnglish] = EdgeNGrams,
    });

    /// <summary>The terms a text becomes in a field, in order.</summary>
    public static List<string> Terms(string field, string text)
    {
        var terms = new List<string>();
        using var stream = ForField(field).GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }
        stream.End();
        return terms;
    }
}
