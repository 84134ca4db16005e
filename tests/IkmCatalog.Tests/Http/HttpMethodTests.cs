using System.Net;
using AngleSharp.Html.Parser;
using IkmCatalog.Tests.Infrastructure;

namespace IkmCatalog.Tests.Http;

[Collection(SiteCollection.Name)]
public class HttpMethodTests(IkmWebFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient(new() { AllowAutoRedirect = false });

    public static TheoryData<string> Urls() =>
    [
        "/", "/en", "/katalog", "/en/catalogue?sort=name", "/cari?q=keripik", "/produk/tidak-ada-produk-ini",
        "/sitemap.xml", "/robots.txt", "/api/v1/products?pageSize=2", "/api/v1/products/tidak-ada", "/api/v1/producers",
        "/openapi/v1.json", "/health/live", "/halaman-yang-tidak-ada",
    ];

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Head_answers_like_get_without_a_body(string url) => await AssertHeadLikeGetAsync(url);

    [Fact]
    public async Task Head_answers_like_get_for_media_and_static_files()
    {
        var home = new HtmlParser().ParseDocument(await _client.GetStringAsync("/"));
        var image = home.QuerySelectorAll("img[src^='/media/']").Select(i => i.GetAttribute("src")!).First();
        var stylesheet = home.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).First();

        await AssertHeadLikeGetAsync(image);
        await AssertHeadLikeGetAsync(stylesheet);
    }

    [Fact]
    public async Task Head_reports_the_length_the_get_body_has()
    {
        using var get = await _client.GetAsync("/robots.txt");
        var body = await get.Content.ReadAsByteArrayAsync();
        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/robots.txt"));

        Assert.Equal(body.Length, head.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task A_wrong_method_on_a_page_is_a_405_page_naming_the_allowed_methods()
    {
        using var response = await _client.DeleteAsync("/sitemap.xml");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("405", html, StringComparison.Ordinal);
        var allow = response.Content.Headers.Allow;
        Assert.Contains("GET", allow);
        Assert.Contains("HEAD", allow);
    }

    [Fact]
    public async Task The_405_page_itself_answers()
    {
        using var response = await _client.GetAsync("/error/405");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_wrong_method_on_the_api_is_a_405_problem()
    {
        using var response = await _client.PutAsync("/api/v1/products", new StringContent("{}"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":405", body, StringComparison.Ordinal);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task An_unknown_api_address_is_a_404_problem_not_an_html_page()
    {
        using var missingProduct = await _client.GetAsync("/api/v1/products/tidak-ada");
        using var missingRoute = await _client.GetAsync("/api/v1/tidak-ada");

        Assert.Equal(HttpStatusCode.NotFound, missingProduct.StatusCode);
        Assert.Equal("application/problem+json", missingProduct.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missingRoute.StatusCode);
        Assert.Equal("application/problem+json", missingRoute.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":404", await missingRoute.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/products")]
    [InlineData("/sitemap.xml")]
    [InlineData("/")]
    [InlineData("/en/catalogue")]
    public async Task Options_answers_204_with_the_allowed_methods(string url)
    {
        using var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Options, url));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
        Assert.Contains("HEAD", response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("/halaman-yang-tidak-ada")]
    [InlineData("/api/v1/tidak/ada/sama/sekali")]
    [InlineData("/error/404")]
    public async Task Options_on_any_address_is_answered_not_failed(string url)
    {
        using var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Options, url));

        Assert.True((int)response.StatusCode < 500, $"OPTIONS {url}: {(int)response.StatusCode}");
    }

    private async Task AssertHeadLikeGetAsync(string url)
    {
        using var get = await _client.GetAsync(url);
        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        var headBody = await head.Content.ReadAsByteArrayAsync();

        Assert.True(get.StatusCode == head.StatusCode, $"{url}: GET {(int)get.StatusCode}, HEAD {(int)head.StatusCode}");
        Assert.NotEqual(HttpStatusCode.InternalServerError, head.StatusCode);
        Assert.Empty(headBody);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
    }
}
