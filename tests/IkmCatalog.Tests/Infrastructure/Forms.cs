using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace IkmCatalog.Tests.Infrastructure;

/// <summary>Fills and submits a page's form as a browser would, antiforgery token included.</summary>
public static class Forms
{
    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// GETs <paramref name="pageUrl"/>, takes the form matching <paramref name="formSelector"/>, keeps its hidden
    /// fields (the antiforgery token among them), overrides them with <paramref name="fields"/> and posts it.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, string formSelector, IDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var page = await ParseAsync(await client.GetAsync(pageUrl));
        var form = page.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}.");
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
            .Where(i => !string.IsNullOrEmpty(i.Name))
            .ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }
}
