using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace IkmCatalog.Web.Views;

/// <summary>
/// What a memoized partial's HTML depends on besides the page's language: the partial, the id of what it shows (0 for
/// none), the path base its links start with (or another string the HTML contains, such as a page's address) and the
/// day (certificates are valid or expired by the day).
/// </summary>
public readonly record struct HtmlMemoKey(string Partial, int Id, string Culture, string Variant, DateOnly Day);

/// <summary>
/// The HTML of partials that is the same on every request with the same <see cref="HtmlMemoKey"/>, rendered once by
/// the partial itself (the markup stays in the .cshtml) and then written as it is: the header and footer on every page
/// (one per app and language), a product page's body and structured data (one per published snapshot, so a change of
/// content starts over). Rendering views costs far more than the rest of a page.
/// </summary>
public sealed class HtmlMemo
{
    /// <summary>
    /// Stands in for the one value of a memoized partial that changes with every request (the header's link to the
    /// same page in the other language, which keeps the query string): the partial writes it where the value goes,
    /// and each request writes its own value there. Only letters and dashes, so encoding leaves it as it is.
    /// </summary>
    public const string Hole = "ikm-memo-hole-3b9f";

    /// <summary>The ViewData entry that tells a partial it is being rendered for the memo (its value: the hole).</summary>
    public const string HoleKey = "ikm.memo.hole";

    /// <summary>
    /// Characters held before the memo starts over (about 32 MiB): bounds it whatever path bases, addresses or crawls
    /// of a large catalogue come. A product page's body is about 15,000 characters, so some 2,000 product pages fit.
    /// </summary>
    private const long MaxChars = 16L * 1024 * 1024;

    private long _chars;

    private readonly ConcurrentDictionary<HtmlMemoKey, Rendered> _rendered = new();

    private sealed record Rendered(string Before, string? After);

    /// <summary>
    /// The partial's HTML for the key, rendered on first use. With <paramref name="hole"/>, the partial is rendered with
    /// <see cref="Hole"/> in <see cref="HoleKey"/> and must write it where the per-request value goes; the value is
    /// written there: a string encoded as Razor would, HTML as it is.
    /// </summary>
    public async Task<IHtmlContent> PartialAsync(IHtmlHelper html, HtmlMemoKey key, object? model = null, object? hole = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (!_rendered.TryGetValue(key, out var rendered))
        {
            var viewData = new ViewDataDictionary(html.ViewData);
            if (hole is not null)
            {
                viewData[HoleKey] = Hole;
            }
            var content = await html.PartialAsync(key.Partial, model, viewData);
            using var writer = new StringWriter();
            content.WriteTo(writer, Encoder(html));
            var text = writer.ToString();
            var at = hole is null ? -1 : text.IndexOf(Hole, StringComparison.Ordinal);
            rendered = at < 0 ? new Rendered(text, null) : new Rendered(text[..at], text[(at + Hole.Length)..]);
            Keep(key, rendered, text.Length);
        }
        if (rendered.After is null)
        {
            return new HtmlString(rendered.Before);
        }
        var builder = new HtmlContentBuilder(3).AppendHtml(rendered.Before);
        if (hole is IHtmlContent holeHtml)
        {
            builder.AppendHtml(holeHtml);
        }
        else
        {
            builder.Append(hole as string ?? "");
        }
        return builder.AppendHtml(rendered.After);
    }

    /// <summary>HTML made by code (structured data), made on first use of the key.</summary>
    public IHtmlContent Remember(IHtmlHelper html, HtmlMemoKey key, Func<IHtmlContent> render)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(render);
        if (!_rendered.TryGetValue(key, out var rendered))
        {
            using var writer = new StringWriter();
            render().WriteTo(writer, Encoder(html));
            rendered = new Rendered(writer.ToString(), null);
            Keep(key, rendered, rendered.Before.Length);
        }
        return new HtmlString(rendered.Before);
    }

    private void Keep(HtmlMemoKey key, Rendered rendered, int length)
    {
        if (Interlocked.Add(ref _chars, length) > MaxChars)
        {
            _rendered.Clear();
            Interlocked.Exchange(ref _chars, length);
        }
        _rendered.TryAdd(key, rendered);
    }

    private static HtmlEncoder Encoder(IHtmlHelper html) => html.ViewContext.HttpContext.RequestServices.GetRequiredService<HtmlEncoder>();
}

public static class HtmlMemoExtensions
{
    /// <summary>The partial through the memo, or rendered as usual without one (a preview of a draft).</summary>
    public static Task<IHtmlContent> MemoPartialAsync(this IHtmlHelper html, HtmlMemo? memo, HtmlMemoKey key, object? model = null, object? hole = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        return memo is null ? html.PartialAsync(key.Partial, model) : memo.PartialAsync(html, key, model, hole);
    }

    /// <summary>HTML made by code through the memo, or made as usual without one.</summary>
    public static IHtmlContent Memo(this IHtmlHelper html, HtmlMemo? memo, HtmlMemoKey key, Func<IHtmlContent> render)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(render);
        return memo is null ? render() : memo.Remember(html, key, render);
    }
}
