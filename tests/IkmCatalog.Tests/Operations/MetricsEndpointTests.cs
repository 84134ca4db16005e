using System.Net;
using AngleSharp.Html.Parser;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Operations;

/// <summary>A site whose requests come from the address a test names in X-Test-Client (loopback otherwise), as Kestrel would report it.</summary>
public sealed class ClientAddressFactory : IkmWebFactory
{
    public const string Header = "X-Test-Client";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ClientAddressFilter>());
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                http.Connection.RemoteIpAddress = http.Request.Headers.TryGetValue(Header, out var value)
                    ? IPAddress.Parse(value.ToString())
                    : IPAddress.Loopback;
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}

public sealed class MetricsEndpointTests(ClientAddressFactory site) : IClassFixture<ClientAddressFactory>
{
    [Fact]
    public async Task Metrics_from_the_machine_itself_list_requests_searches_and_the_image_pipeline()
    {
        var client = site.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/cari?q=keripik")).StatusCode);
        var home = new HtmlParser().ParseDocument(await client.GetStringAsync("/"));
        var image = home.QuerySelectorAll("img").Select(i => i.GetAttribute("src")).First(src => src?.StartsWith("/media/", StringComparison.Ordinal) == true);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(image)).StatusCode); // made by libvips: a miss
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(image)).StatusCode); // from the disk cache: a hit

        var response = await client.GetAsync("/metrics");
        var metrics = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("http_server_request_duration_seconds_bucket", metrics, StringComparison.Ordinal);
        Assert.Matches("ikm_search_duration_seconds_count\\{[^}]*operation=\"search\"[^}]*\\} [1-9]", metrics);
        Assert.Contains("ikm_media_variant_duration_seconds_bucket", metrics, StringComparison.Ordinal);
        Assert.Matches("ikm_media_variant_cache_requests_total\\{[^}]*result=\"hit\"[^}]*\\} [1-9]", metrics);
        Assert.Matches("ikm_media_variant_cache_requests_total\\{[^}]*result=\"miss\"[^}]*\\} [1-9]", metrics);
    }

    [Theory]
    [InlineData("203.0.113.9")]
    [InlineData("10.1.2.3")]
    [InlineData("2001:db8::5")]
    public async Task Metrics_are_not_found_from_another_address(string address)
    {
        var client = site.CreateClient();
        client.DefaultRequestHeaders.Add(ClientAddressFactory.Header, address);

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("http_server_request_duration", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_are_not_found_through_a_proxy_that_is_not_known()
    {
        var client = site.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.20");

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class MetricsNetworkTests
{
    [Fact]
    public void The_allowed_networks_are_read_in_CIDR_notation_and_a_mistyped_one_is_refused()
    {
        var allowed = IkmCatalog.Web.Infrastructure.Operations.TelemetryServices.AllowedNetworks(new() { MetricsAllowedNetworks = ["10.0.0.0/8", "fd00::/8"] });
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse("10.20.30.40").MapToIPv6();

        Assert.True(IkmCatalog.Web.Infrastructure.Operations.TelemetryServices.MayReadMetrics(http, allowed));
        http.Connection.RemoteIpAddress = IPAddress.Loopback;
        Assert.False(IkmCatalog.Web.Infrastructure.Operations.TelemetryServices.MayReadMetrics(http, allowed));
        Assert.Throws<InvalidOperationException>(() =>
            IkmCatalog.Web.Infrastructure.Operations.TelemetryServices.AllowedNetworks(new() { MetricsAllowedNetworks = ["10.0.0.0/33"] }));
    }
}
