using System.Net;
using AngleSharp.Html.Parser;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Http;

/// <summary>
/// The site behind a proxy at 10.0.0.2 with a public base URL. The test server has no client address, so each request
/// names the address it comes from (X-Test-Peer), set before the application's pipeline runs.
/// </summary>
public sealed class ProxyFactory : IkmWebFactory
{
    public const string PeerHeader = "X-Test-Peer";

    public ProxyFactory() : base(new()
    {
        ["IkmCatalog:Proxy:KnownProxies:0"] = "10.0.0.2",
        ["IkmCatalog:PublicBaseUrl"] = "https://ikm.example.go.id",
        ["IkmCatalog:RateLimits:SearchPerMinute"] = "2",
        ["IkmCatalog:RateLimits:ApiPerMinute"] = "1",
    })
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, PeerAddressFilter>());
    }

    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[PeerHeader], out var peer))
                {
                    context.Connection.RemoteIpAddress = peer;
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public class ProxyTests(ProxyFactory factory) : IClassFixture<ProxyFactory>
{
    private const string Proxy = "10.0.0.2";
    private const string Stranger = "198.51.100.9";

    private readonly HttpClient _client = factory.CreateClient(new() { BaseAddress = new Uri("http://ikm.example.go.id"), AllowAutoRedirect = false });

    private async Task<HttpResponseMessage> GetAsync(string url, string peer, string? forwardedFor = null, string? forwardedProto = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(ProxyFactory.PeerHeader, peer);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }
        return await _client.SendAsync(request);
    }

    [Fact]
    public async Task Through_the_trusted_proxy_https_gives_secure_cookies_and_hsts()
    {
        using var response = await GetAsync("/permintaan-penawaran", Proxy, "203.0.113.7", "https");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith("ikm.af", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task From_an_untrusted_address_the_forwarded_scheme_is_ignored()
    {
        using var response = await GetAsync("/permintaan-penawaran", Stranger, "203.0.113.7", "https");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith("ikm.af", StringComparison.Ordinal));
        Assert.DoesNotContain(cookies, c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Search_limits_count_each_client_behind_the_proxy_and_ignore_forged_addresses_from_others()
    {
        // The budget is 2 searches a minute per client. Each search here is a new one: an answer the output cache
        // already holds costs nothing and is not counted.
        foreach (var words in new[] { "keripik", "tempe" })
        {
            using var ok = await GetAsync($"/cari?q={words}", Proxy, "203.0.113.10", "https");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        using var otherClient = await GetAsync("/cari?q=dodol", Proxy, "203.0.113.11", "https");
        using var limited = await GetAsync("/en/search?q=chips", Proxy, "203.0.113.10", "https");
        // A stranger cannot spend (or borrow) the client's budget by naming its address.
        using var forged = await GetAsync("/cari?q=abon", Stranger, "203.0.113.11");

        Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var page = new HtmlParser().ParseDocument(await limited.Content.ReadAsStringAsync());
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("429", page.QuerySelector(".error-code")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_catalogue_without_filters_is_not_counted_as_a_search()
    {
        foreach (var _ in Enumerable.Range(0, 4))
        {
            using var response = await GetAsync("/katalog", Proxy, "203.0.113.20", "https");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Too_many_api_requests_are_a_429_problem_with_retry_after()
    {
        // Two different questions (the output cache answers a repeated one without counting it).
        using var first = await GetAsync("/api/v1/producers", Proxy, "203.0.113.30", "https");
        using var second = await GetAsync("/api/v1/producers?page=1", Proxy, "203.0.113.30", "https");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.True(second.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task A_host_other_than_the_public_one_is_refused()
    {
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("http://evil.example") });

        using var response = await client.GetAsync("/robots.txt");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Links_use_the_public_base_url()
    {
        using var robots = await GetAsync("/robots.txt", Proxy, "203.0.113.40", "https");
        using var home = await GetAsync("/", Proxy, "203.0.113.40", "https");
        var page = new HtmlParser().ParseDocument(await home.Content.ReadAsStringAsync());

        Assert.Contains("Sitemap: https://ikm.example.go.id/sitemap.xml", await robots.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("https://ikm.example.go.id/", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }
}
