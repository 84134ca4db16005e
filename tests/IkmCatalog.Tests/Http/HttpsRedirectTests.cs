using System.Net;
using IkmCatalog.Tests.Infrastructure;

namespace IkmCatalog.Tests.Http;

public class HttpsRedirectTests
{
    [Fact]
    public async Task Plain_http_is_redirected_to_https_but_health_probes_are_not()
    {
        using var factory = IkmWebFactory.With(new() { ["IkmCatalog:Https:Redirect"] = "true" });
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var page = await client.GetAsync("/katalog?sort=name");
        using var probe = await client.GetAsync("/health/live");
        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/katalog");
        forwarded.Headers.Add("X-Forwarded-Proto", "https"); // the test server's requests come from no address: as a local proxy
        using var throughProxy = await client.SendAsync(forwarded);

        Assert.Equal(HttpStatusCode.PermanentRedirect, page.StatusCode);
        Assert.Equal("https://localhost/katalog?sort=name", page.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        Assert.Equal(HttpStatusCode.OK, throughProxy.StatusCode);
    }
}
