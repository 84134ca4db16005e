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
    /// fields (the antiforgery token among them), overrides them with <paramref name="fields"/> and posts it
    /// (as multipart with <paramref name="file"/> when one is given).
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, string formSelector, IDictionary<string, string> fields, FormFile? file = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var page = await ParseAsync(await client.GetAsync(pageUrl));
        var form = page.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}.");
        // A name may repeat (ASP.NET Core adds one "__Invariant" per number input): keep every pair.
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
            .Where(i => !string.IsNullOrEmpty(i.Name) && !fields.ContainsKey(i.Name!))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat(fields)
            .ToList();
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        if (file is null)
        {
            return await client.PostAsync(action, new FormUrlEncodedContent(values));
        }
        using var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in values)
        {
            multipart.Add(new StringContent(value), name);
        }
        var bytes = new ByteArrayContent(file.Content);
        bytes.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file.ContentType);
        multipart.Add(bytes, file.Field, file.FileName);
        return await client.PostAsync(action, multipart);
    }
}

/// <summary>A file chosen in a form's file input.</summary>
public sealed record FormFile(string Field, byte[] Content, string FileName, string ContentType);
