using Ganss.Xss;
using Markdig;

namespace IkmCatalog.Content;

/// <summary>
/// Turns editors' Markdown into HTML that is safe to show: raw HTML is not parsed as HTML at all, and the
/// output still goes through a sanitizer so links and attributes cannot carry script.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseListExtras()
        .Build();

    /// <summary>About how many characters of Markdown and HTML the rendered-HTML memo holds before it starts over.</summary>
    private const int MemoCharacters = 8_000_000;

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    /// <summary>
    /// HTML already rendered, by its Markdown: sanitizing parses the whole HTML again and costs far more than the rest
    /// of a page, while the same published text is shown over and over. The output depends on the text only.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _memo = new(StringComparer.Ordinal);

    private int _memoSize;

    public string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }
        if (_memo.TryGetValue(markdown, out var known))
        {
            return known;
        }
        var html = _sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline));
        if (Interlocked.Add(ref _memoSize, markdown.Length + html.Length) > MemoCharacters)
        {
            // Drafts and old versions pile up over time: start over rather than grow without bound.
            _memo.Clear();
            Interlocked.Exchange(ref _memoSize, markdown.Length + html.Length);
        }
        _memo.TryAdd(markdown, html);
        return html;
    }

    /// <summary>Plain text of the Markdown, for meta descriptions and snippets.</summary>
    public string ToPlainText(string? markdown, int maxLength = 300)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }
        var text = Markdown.ToPlainText(markdown, _pipeline).ReplaceLineEndings(" ").Trim();
        while (text.Contains("  ", StringComparison.Ordinal))
        {
            text = text.Replace("  ", " ", StringComparison.Ordinal);
        }
        return text.Length <= maxLength ? text : text[..text.LastIndexOf(' ', maxLength - 1)].TrimEnd(',', '.', ';') + "…";
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement anchor)
            {
                anchor.SetAttribute("rel", "nofollow noopener");
            }
        };
        return sanitizer;
    }
}
