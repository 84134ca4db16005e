namespace IkmCatalog.Search;

/// <summary>
/// The synonym list: the one shipped with the application plus the editors' list (kept in the database and loaded
/// on every node when it changes, see <see cref="SearchSynonymSet"/>). Synonyms are applied at query time, not at
/// index time, because
/// (1) each variant is then analysed by the analyser of the field it is compared with, so "woven" finds the
///     Indonesian stem of "tenun" in Indonesian fields and the English stem of "woven" in English ones, and English
///     queries find products that have only Indonesian text;
/// (2) phrases ("jambu mete", "makanan ringan") work as phrases, which Lucene 4.8's index-time SynonymFilter
///     handles poorly; and
/// (3) an editor's new line takes effect at once, with no reindexing.
/// </summary>
public sealed class SearchSynonyms
{
    private readonly string[] _shipped;
    private volatile SynonymMap _map;

    public SearchSynonyms(string shippedFile)
    {
        _shipped = File.Exists(shippedFile) ? File.ReadAllLines(shippedFile) : [];
        _map = SynonymMap.Parse(_shipped);
    }

    /// <summary>The list shipped next to the application (synonyms.txt in the output folder).</summary>
    public static string ShippedFile => Path.Combine(AppContext.BaseDirectory, "synonyms.txt");

    /// <summary>The current map: the shipped lines and the editors' lines last loaded.</summary>
    public SynonymMap Current => _map;

    /// <summary>The editors' lines last loaded (empty before any).</summary>
    public string EditorsText { get; private set; } = "";

    /// <summary>Replaces the editors' part of the list; searches after this use it.</summary>
    public void UseEditorsList(string? text)
    {
        EditorsText = text ?? "";
        _map = SynonymMap.Parse([.. _shipped, .. SplitLines(EditorsText)]);
    }

    public static string[] SplitLines(string text) =>
        (text ?? "").Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
}

/// <summary>Phrases (normalised words joined by spaces) and what each one also means.</summary>
public sealed class SynonymMap
{
    private readonly Dictionary<string, HashSet<string>> _variants;

    private SynonymMap(Dictionary<string, HashSet<string>> variants)
    {
        _variants = variants;
        LongestPhrase = variants.Count == 0 ? 1 : variants.Keys.Max(k => k.Count(c => c == ' ') + 1);
    }

    public static SynonymMap Empty { get; } = new([]);

    /// <summary>Number of words in the longest listed phrase, for longest-match lookup.</summary>
    public int LongestPhrase { get; }

    /// <summary>Parses Solr-format lines: "a, b, c" (equivalent) and "a, b => c, d" (replacement).</summary>
    public static SynonymMap Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var variants = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var raw in lines)
        {
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            var left = Phrases(arrow >= 0 ? line[..arrow] : line);
            var right = arrow >= 0 ? Phrases(line[(arrow + 2)..]) : left;
            foreach (var phrase in left)
            {
                if (!variants.TryGetValue(phrase, out var set))
                {
                    // A replacement does not keep the phrase itself; an equivalence includes it through "right".
                    variants[phrase] = set = new HashSet<string>(StringComparer.Ordinal);
                }
                set.UnionWith(right);
            }
        }
        return new SynonymMap(variants);
    }

    /// <summary>What a phrase means, itself included unless a rule replaces it; null when it is not listed.</summary>
    public IReadOnlyCollection<string>? Find(string phrase) => _variants.TryGetValue(phrase, out var set) ? set : null;

    /// <summary>Normalises a phrase the way query words are: lower case, no accents, words split as the analyser splits them.</summary>
    public static string Normalize(string text) => string.Join(' ', SearchAnalyzers.Terms(SearchFields.Spell, text));

    private static List<string> Phrases(string list) =>
        [.. list.Split(',').Select(Normalize).Where(p => p.Length > 0).Distinct()];
}
