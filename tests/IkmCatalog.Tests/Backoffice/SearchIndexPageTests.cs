using System.Net;
using System.Text.Json;
using IkmCatalog.Backoffice;
using IkmCatalog.Tests.Infrastructure;

namespace IkmCatalog.Tests.Backoffice;

[Collection(SiteCollection.Name)]
public class SearchIndexPageTests(IkmWebFactory factory)
{
    [Fact]
    public async Task An_editor_sees_the_index_of_this_node_and_rebuilds_it()
    {
        var client = await Editors.SignedInClientAsync(factory, EditorRoles.Editor);
        var published = (await JsonDocument.ParseAsync(await client.GetStreamAsync("/api/v1/products?pageSize=1"))).RootElement.GetProperty("total").GetInt32();

        var before = await Forms.ParseAsync(await client.GetAsync("/backoffice/search-index"));
        var rebuild = await Forms.SubmitAsync(client, "/backoffice/search-index", "form[action='/backoffice/search-index/rebuild']", new Dictionary<string, string>());
        var after = await Forms.ParseAsync(await client.GetAsync(rebuild.Headers.Location!.OriginalString));

        var documents = int.Parse(before.QuerySelector(".bo-stats strong")!.TextContent.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(documents > published, $"{documents} documents for {published} published products (plus producers and stories)");
        Assert.Contains(before.QuerySelectorAll(".bo-table td"), td => td.TextContent.Contains("(server ini)", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, rebuild.StatusCode);
        Assert.StartsWith($"Indeks dibangun ulang: {published} produk", after.QuerySelector(".bo-notice")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_curator_may_look_but_not_rebuild()
    {
        var client = await Editors.SignedInClientAsync(factory, EditorRoles.Curator);

        var page = await client.GetAsync("/backoffice/search-index");
        var rebuild = await Forms.SubmitAsync(client, "/backoffice/search-index", "form[action='/backoffice/search-index/rebuild']", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, rebuild.StatusCode);
        Assert.StartsWith("/backoffice/denied", rebuild.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
