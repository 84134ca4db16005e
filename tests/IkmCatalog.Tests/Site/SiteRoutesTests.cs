using IkmCatalog.Content;
using IkmCatalog.Tests.Infrastructure;
using IkmCatalog.Web.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Site;

/// <summary>Links to pages without parameters skip link generation; they must be what link generation writes.</summary>
[Collection(SiteCollection.Name)]
public class SiteRoutesTests(IkmWebFactory factory)
{
    [Theory]
    [InlineData("")]
    [InlineData("/ikm")]
    public void Every_fixed_page_link_is_the_path_link_generation_writes(string pathBase)
    {
        using var scope = factory.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.PathBase = pathBase;
        context.SetEndpoint(new Endpoint(null, EndpointMetadataCollection.Empty, "a page")); // as in a request: endpoint routing's helper
        var url = scope.ServiceProvider.GetRequiredService<IUrlHelperFactory>()
            .GetUrlHelper(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        var fixedRoutes = SiteRoutes.All.Where(r => !r.Indonesian.Contains('{', StringComparison.Ordinal)).ToList();
        Assert.True(fixedRoutes.Count >= 10);

        foreach (var route in fixedRoutes)
        {
            foreach (var culture in Cultures.All)
            {
                var generated = url.RouteUrl(SiteRoutes.RouteName(route.Name, culture));
                Assert.NotNull(generated);
                Assert.Equal(generated, url.Localized(route.Name, culture: culture));
            }
        }
        Assert.Equal(pathBase + "/en/catalogue", url.Localized("catalog", culture: "en"));
        Assert.Equal(pathBase + "/produk/keripik", url.Localized("product", new { slug = "keripik" }, "id"));
    }
}
