using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using IkmCatalog.Backoffice;
using IkmCatalog.Tests.Infrastructure;

namespace IkmCatalog.Tests.Site;

/// <summary>A request a page does not take is a clear client error in the page's language, never a 500.</summary>
[Collection(SiteCollection.Name)]
public class ErrorPageTests(IkmWebFactory factory)
{
    /// <summary>Posts a real form's hidden fields (antiforgery token included) to another address.</summary>
    private static async Task<HttpResponseMessage> PostElsewhereAsync(HttpClient client, string pageUrl, string formSelector, string target)
    {
        var page = await Forms.ParseAsync(await client.GetAsync(pageUrl));
        var form = page.QuerySelector<IHtmlFormElement>(formSelector)!;
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        return await client.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Posting_to_a_backoffice_list_is_a_405_page_not_a_server_error()
    {
        using var client = await Editors.SignedInClientAsync(factory, EditorRoles.Admin);
        var response = await PostElsewhereAsync(client, "/backoffice/redirects", "form[action='/backoffice/redirects/add']", "/backoffice/redirects");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Equal("Cara permintaan tidak didukung", page.QuerySelector("h1")!.TextContent.Trim());
    }
}
