using System.Net;
using System.Text;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;

namespace IkmCatalog.Search;

/// <summary>
/// Marks the matched words in a name or a snippet by hand (Lucene's Highlighter module is not available): the text is
/// analysed with the field's own analyser so stems and typos match as the search matched them, every piece of text
/// is HTML-encoded, and only our &lt;mark&gt; tags are raw.
/// </summary>
public sealed class SnippetHighlighter
{
    private readonly HashSet<string> _analysed;
    private readonly HashSet<string> _exact;

    /// <param name="terms">The terms of the rewritten query (fuzzy queries expanded to the words they matched).</param>
    public SnippetHighlighter(IEnumerable<Term> terms, string culture)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var list = terms.ToList();
        var languageFields = new[] { SearchFields.Name(culture), SearchFields.Text(culture), culture == Content.Cultures.English ? SearchFields.CategoryEnglish : SearchFields.CategoryIndonesian };
        _analysed = [.. list.Where(t => languageFields.Contains(t.Field)).Select(t => t.Text)];
        _exact = [.. list.Where(t => !t.Field.StartsWith("text_", StringComparison.Ordinal) && !t.Field.StartsWith("name_i", StringComparison.Ordinal)
            && !t.Field.StartsWith("name_en", StringComparison.Ordinal) && !t.Field.StartsWith("category_", StringComparison.Ordinal)).Select(t => t.Text)];
        Culture = culture;
    }

    public string Culture { get; }

    /// <summary>The whole text, encoded, with matches marked.</summary>
    public string Highlight(string text, string field) => Mark(text, 0, text.Length, Matches(text, field));

    /// <summary>About <paramref name="length"/> characters around the first match (or the start), encoded, with matches marked.</summary>
    public string Snippet(string text, string field, int length = 220)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.ReplaceLineEndings(" ");
        // Nothing past the first match plus the snippet's length can be shown, so the analysis stops there.
        var matches = Matches(text, field, length);
        var start = matches.Count == 0 ? 0 : Math.Max(0, matches[0].Start - length / 4);
        if (start > 0)
        {
            var space = text.IndexOf(' ', start);
            start = space < 0 || space >= matches[0].Start ? start : space + 1;
        }
        var end = Math.Min(text.Length, start + length);
        if (end < text.Length)
        {
            var space = text.LastIndexOf(' ', end);
            end = space > start ? space : end;
        }
        var html = Mark(text, start, end, matches);
        return (start > 0 ? "…" : "") + html + (end < text.Length ? "…" : "");
    }

    /// <param name="after">When set, stop once a word starts this many characters past the first match.</param>
    private List<(int Start, int End)> Matches(string text, string field, int? after = null)
    {
        var matches = new List<(int Start, int End)>();
        if (_analysed.Count == 0 && _exact.Count == 0)
        {
            return matches; // no words asked: nothing to mark, and no need to analyse the text
        }
        using var stream = SearchAnalyzers.ForField(field).GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var start = offset.StartOffset;
            var end = offset.EndOffset;
            if (end > text.Length || start >= end)
            {
                continue;
            }
            if (after is { } limit && matches.Count > 0 && start >= matches[0].Start + limit)
            {
                break;
            }
            if (_analysed.Contains(term.ToString()) || _exact.Contains(SynonymMap.Normalize(text[start..end])))
            {
                matches.Add((start, end));
            }
        }
        stream.End();
        return matches;
    }

    private static string Mark(string text, int from, int to, List<(int Start, int End)> matches)
    {
        var html = new StringBuilder();
        var position = from;
        foreach (var (start, end) in matches)
        {
            if (start < position || end > to)
            {
                continue;
            }
            html.Append(WebUtility.HtmlEncode(text[position..start]));
            html.Append("<mark>").Append(WebUtility.HtmlEncode(text[start..end])).Append("</mark>");
            position = end;
        }
        html.Append(WebUtility.HtmlEncode(text[position..to]));
        return html.ToString();
    }
}
