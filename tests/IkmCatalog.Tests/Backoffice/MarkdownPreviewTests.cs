using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using IkmCatalog.Backoffice;
using IkmCatalog.Tests.Infrastructure;

namespace IkmCatalog.Tests.Backoffice;

[Collection(SiteCollection.Name)]
public class MarkdownPreviewTests(IkmWebFactory factory)
{
    /// <summary>A signed-in client and the antiforgery token of a backoffice page, as markdown-preview.js finds it.</summary>
    private async Task<(HttpClient Client, string Token)> SignedInAsync(string role = EditorRoles.Writer)
    {
        var client = await Editors.SignedInClientAsync(factory, role);
        var page = await Forms.ParseAsync(await client.GetAsync("/backoffice"));
        return (client, page.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value);
    }

    /// <summary>Posts as the script does: the text as a form field, the token in the RequestVerificationToken header.</summary>
    private static async Task<HttpResponseMessage> PreviewAsync(HttpClient client, string? token, string markdown)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/backoffice/markdown/preview")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["markdown"] = markdown }),
        };
        if (token is not null)
        {
            request.Headers.Add("RequestVerificationToken", token);
        }
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Markdown_comes_back_as_the_public_site_renders_it()
    {
        var (client, token) = await SignedInAsync();

        var response = await PreviewAsync(client, token, "Keripik **tebal** dan *renyah*.\n\n- tempe\n- cabai");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<strong>tebal</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<em>renyah</em>", html, StringComparison.Ordinal);
        Assert.Contains("<li>tempe</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_and_javascript_links_never_come_back_live()
    {
        var (client, token) = await SignedInAsync();

        var script = await (await PreviewAsync(client, token, "Halo <script>alert(1)</script> <img src=x onerror=alert(2)>")).Content.ReadAsStringAsync();
        var link = await (await PreviewAsync(client, token, "[x](javascript:alert(1)) dan [y](JaVaScRiPt:alert(2))")).Content.ReadAsStringAsync();
        var anchors = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(link).QuerySelectorAll("a");

        Assert.DoesNotContain("<script", script, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", script, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", script, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", link, StringComparison.OrdinalIgnoreCase);
        Assert.All(anchors, a => Assert.Null(a.GetAttribute("href")));
    }

    [Fact]
    public async Task Empty_text_gives_an_empty_preview()
    {
        var (client, token) = await SignedInAsync(EditorRoles.SalesOfficer);

        var response = await PreviewAsync(client, token, "");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Text_longer_than_twenty_thousand_characters_is_refused()
    {
        var (client, token) = await SignedInAsync();

        var longest = await PreviewAsync(client, token, new string('a', 20_000));
        var tooLong = await PreviewAsync(client, token, new string('a', 20_001));

        Assert.Equal(HttpStatusCode.OK, longest.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }

    [Fact]
    public async Task A_preview_without_the_antiforgery_token_is_refused()
    {
        var (client, _) = await SignedInAsync();

        var response = await PreviewAsync(client, token: null, "**tebal**");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var response = await PreviewAsync(factory.CreateClient(new() { AllowAutoRedirect = false }), token: null, "**tebal**");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/backoffice/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
