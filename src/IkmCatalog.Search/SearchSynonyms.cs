namespace IkmCatalog.Search;

/// <summary>
/// The synonym list: the one shipped with the application plus the editors' file in the data folder. Synonyms are
/// applied at query time, not at index time, because
/// (1) each variant is then analysed by the analyser of the field it is compared with, so "woven" finds the
///     Indonesian stem of "tenun" in Indonesian fields and the English stem of "woven" in English ones, and English
///     queries find products that have only Indonesian text;
/// (2) phrases ("jambu mete", "makanan ringan") work as phrases, which Lucene 4.8's index-time SynonymFilter
///     handles poorly; and
/// (3) an editor's new line takes effect at once, with no reindexing.
/// </summary>
public sealed class SearchSynonyms
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);

    private readonly string _shippedFile;
    private readonly string? _editorsFile;
    private readonly Lock _gate = new();
    private volatile SynonymMap _map;
    private DateTime _editorsFileWrittenUtc;
    private DateTime _checkedAtUtc;

    public SearchSynonyms(string shippedFile, string? editorsFile)
    {
        _shippedFile = shippedFile;
        _editorsFile = editorsFile;
        _map = Load();
    }

    /// <summary>The list shipped next to the application (synonyms.txt in the output folder).</summary>
    public static string ShippedFile => Path.Combine(AppContext.BaseDirectory, "synonyms.txt");

    /// <summary>The current map; the editors' file is re-read when it has changed.</summary>
    public SynonymMap Current
    {
        get
        {
            var now = DateTime.UtcNow;
            if (_editorsFile is not null && now - _checkedAtUtc > CheckEvery)
            {
                lock (_gate)
                {
                    _checkedAtUtc = now;
                    if (WrittenUtc(_editorsFile) != _editorsFileWrittenUtc)
                    {
                        _map = Load();
                    }
                }
            }
            return _map;
        }
    }

    private SynonymMap Load()
    {
        var lines = File.Exists(_shippedFile) ? File.ReadAllLines(_shippedFile) : [];
        if (_editorsFile is not null)
        {
            _editorsFileWrittenUtc = WrittenUtc(_editorsFile);
            if (File.Exists(_editorsFile))
            {
                lines = [.. lines, .. File.ReadAllLines(_editorsFile)];
            }
        }
        return SynonymMap.Parse(lines);
    }

    private static DateTime WrittenUtc(string path) => File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
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
