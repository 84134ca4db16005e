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

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }
        return _sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline));
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
