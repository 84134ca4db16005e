using System.Net;
using IkmCatalog.Backoffice;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Backoffice;

/// <summary>
/// Every backoffice action against every role: anonymous visitors are sent to the sign-in page, people whose roles
/// do not include the action are refused (the denied page, 403), everyone else gets through. The table must list
/// every backoffice endpoint the application has, so a new action cannot be added without deciding who may use it.
/// </summary>
[Collection(SiteCollection.Name)]
public class RoleTableTests(IkmWebFactory factory)
{
    private const string Anonymous = "anonymous";
    private static readonly string[] Everyone = [EditorRoles.Admin, EditorRoles.Editor, EditorRoles.Writer, EditorRoles.Curator, EditorRoles.SalesOfficer];
    private static readonly string[] AdminOnly = [EditorRoles.Admin];
    private static readonly string[] Publishers = [EditorRoles.Admin, EditorRoles.Editor];
    private static readonly string[] Writers = [EditorRoles.Admin, EditorRoles.Editor, EditorRoles.Writer];
    private static readonly string[] Sales = [EditorRoles.Admin, EditorRoles.SalesOfficer];
    private static readonly string[] Programme = [EditorRoles.Admin, EditorRoles.Editor, EditorRoles.Curator];
    private static readonly string[] Curators = [EditorRoles.Admin, EditorRoles.Curator];
    private static readonly string[] MediaWriters = [EditorRoles.Admin, EditorRoles.Editor, EditorRoles.Writer, EditorRoles.Curator];
    private static readonly string[] Open = [Anonymous, .. Everyone, EditorRoles.Producer];

    /// <summary>Any signed-in account, a producer's portal account too.</summary>
    private static readonly string[] SignedIn = [.. Everyone, EditorRoles.Producer];

    /// <summary>A producer's portal account only: office staff are refused there, as producers are on every office page.</summary>
    private static readonly string[] ProducerOnly = [EditorRoles.Producer];

    /// <summary>"METHOD route pattern" → who may use it.</summary>
    private static readonly Dictionary<string, string[]> Table = new(StringComparer.Ordinal)
    {
        ["GET backoffice/login"] = Open,
        ["POST backoffice/login"] = Open,
        ["GET backoffice/denied"] = Open,
        ["POST backoffice/language"] = Open,
        ["POST backoffice/logout"] = SignedIn,
        ["GET backoffice/password"] = SignedIn,
        ["POST backoffice/password"] = SignedIn,
        ["GET backoffice"] = Everyone,
        ["POST backoffice/markdown/preview"] = Everyone,

        ["GET backoffice/accounts"] = AdminOnly,
        ["GET backoffice/accounts/new"] = AdminOnly,
        ["POST backoffice/accounts/new"] = AdminOnly,
        ["GET backoffice/accounts/{id}"] = AdminOnly,
        ["POST backoffice/accounts/{id}"] = AdminOnly,
        ["POST backoffice/accounts/{id}/disable"] = AdminOnly,
        ["POST backoffice/accounts/{id}/enable"] = AdminOnly,
        ["POST backoffice/accounts/{id}/password"] = AdminOnly,

        ["GET backoffice/applications"] = Programme,
        ["GET backoffice/applications/{id:int}"] = Programme,
        ["POST backoffice/applications/{id:int}/accept"] = Programme,
        ["POST backoffice/applications/{id:int}/return"] = Programme,
        ["POST backoffice/applications/{id:int}/decline"] = Programme,
        ["GET backoffice/producers/{id:int}/programme"] = Programme,
        ["POST backoffice/producers/{id:int}/programme"] = Programme,

        ["GET backoffice/audit"] = Publishers,

        ["GET backoffice/certificates"] = Programme,
        ["GET backoffice/certificates/add"] = Programme,
        ["POST backoffice/certificates/add"] = Programme,
        ["GET backoffice/certificates/{id:int}"] = Programme,
        ["POST backoffice/certificates/{id:int}"] = Programme,
        ["GET backoffice/certificates/{id:int}/scan"] = Programme,
        ["POST backoffice/certificates/{id:int}/scan"] = Programme,
        ["POST backoffice/certificates/{id:int}/verify"] = Curators,
        ["POST backoffice/certificates/{id:int}/reject"] = Curators,
        ["GET backoffice/certificates/gaps"] = Programme,
        ["GET backoffice/certificates/gaps/invite.csv"] = Programme,

        ["GET backoffice/content/{segment}"] = Writers,
        ["GET backoffice/content/{segment}/new"] = Writers,
        ["POST backoffice/content/{segment}/new"] = Writers,
        ["GET backoffice/content/{segment}/{id:int}"] = Writers,
        ["POST backoffice/content/{segment}/{id:int}"] = Writers,
        ["POST backoffice/content/{segment}/{id:int}/send"] = Writers,
        ["GET backoffice/content/{segment}/{id:int}/preview"] = Writers,
        ["GET backoffice/content/{segment}/{id:int}/history"] = Writers,
        ["POST backoffice/content/{segment}/{id:int}/publish"] = Publishers,
        ["POST backoffice/content/{segment}/{id:int}/unpublish"] = Publishers,
        ["POST backoffice/content/{segment}/{id:int}/return"] = Publishers,
        ["POST backoffice/content/{segment}/{id:int}/schedule"] = Publishers,
        ["POST backoffice/content/{segment}/{id:int}/delete"] = Publishers,
        ["POST backoffice/content/{segment}/{id:int}/history/{number:int}/rollback"] = Publishers,

        ["GET backoffice/events/registrations"] = Programme,
        ["GET backoffice/events/{id:int}/registrations"] = Programme,
        ["GET backoffice/events/{id:int}/registrations/export.csv"] = Programme,
        ["POST backoffice/events/{id:int}/registrations/cancel"] = Programme,
        ["POST backoffice/events/{id:int}/registrations/attendance"] = Programme,
        ["GET backoffice/curation"] = Curators,
        ["GET backoffice/curation/products/{id:int}"] = Curators,
        ["GET backoffice/curation/products/{id:int}/assess"] = Curators,
        ["POST backoffice/curation/products/{id:int}/assess"] = Curators,
        ["GET backoffice/curation/rubric"] = Curators,
        ["POST backoffice/curation/rubric/add"] = Curators,
        ["POST backoffice/curation/rubric/{id:int}"] = Curators,
        ["POST backoffice/curation/rubric/{id:int}/retire"] = Curators,
        ["POST backoffice/curation/rubric/{id:int}/restore"] = Curators,
        ["GET backoffice/curation/rounds"] = Curators,
        ["GET backoffice/curation/rounds/new"] = Curators,
        ["POST backoffice/curation/rounds/new"] = Curators,
        ["GET backoffice/curation/rounds/{id:int}"] = Curators,
        ["GET backoffice/curation/rounds/{id:int}/edit"] = Curators,
        ["POST backoffice/curation/rounds/{id:int}/edit"] = Curators,
        ["POST backoffice/curation/rounds/{id:int}/close"] = Curators,
        ["POST backoffice/curation/rounds/{id:int}/reopen"] = Curators,
        ["GET backoffice/curation/rounds/{id:int}/shortlist.csv"] = Curators,
        ["GET backoffice/curation/rounds/{id:int}/cards"] = Curators,

        ["GET backoffice/inquiries"] = Sales,
        ["GET backoffice/inquiries/export.csv"] = Sales,
        ["GET backoffice/inquiries/{id:int}"] = Sales,
        ["POST backoffice/inquiries/{id:int}/assign"] = Sales,
        ["POST backoffice/inquiries/{id:int}/forward"] = Sales,
        ["POST backoffice/inquiries/{id:int}/quote"] = Sales,
        ["POST backoffice/inquiries/{id:int}/reply"] = Sales,
        ["POST backoffice/inquiries/{id:int}/note"] = Sales,
        ["POST backoffice/inquiries/{id:int}/status"] = Sales,

        ["GET backoffice/media"] = Everyone,
        ["GET backoffice/media/{id:int}"] = Everyone,
        ["POST backoffice/media/upload"] = MediaWriters,
        ["POST backoffice/media/{id:int}"] = MediaWriters,
        ["POST backoffice/media/{id:int}/replace"] = MediaWriters,
        ["POST backoffice/media/{id:int}/delete"] = Publishers,

        ["GET backoffice/orders"] = Sales,
        ["GET backoffice/orders/{id:int}"] = Sales,
        ["GET backoffice/orders/{id:int}/receipt"] = Sales,
        ["POST backoffice/orders/{id:int}/paid"] = Sales,
        ["POST backoffice/orders/{id:int}/processing"] = Sales,
        ["POST backoffice/orders/{id:int}/ship"] = Sales,
        ["POST backoffice/orders/{id:int}/complete"] = Sales,
        ["POST backoffice/orders/{id:int}/cancel"] = Sales,
        ["POST backoffice/orders/{id:int}/refund"] = Sales,
        ["GET backoffice/orders/shipping"] = Sales,
        ["POST backoffice/orders/shipping/add"] = Sales,
        ["POST backoffice/orders/shipping/{id:int}"] = Sales,
        ["POST backoffice/orders/shipping/{id:int}/delete"] = Sales,

        ["GET backoffice/redirects"] = Everyone,
        ["GET backoffice/producers/{id:int}/cards"] = Everyone,
        ["POST backoffice/redirects/add"] = Publishers,
        ["POST backoffice/redirects/{id:int}/delete"] = Publishers,

        ["GET backoffice/statistics"] = Everyone,
        ["GET backoffice/statistics/export/{list}.{format}"] = Programme,

        ["GET backoffice/portal/welcome"] = Open,
        ["POST backoffice/portal/welcome"] = Open,
        ["GET backoffice/portal"] = ProducerOnly,
        ["GET backoffice/portal/page"] = ProducerOnly,
        ["POST backoffice/portal/page"] = ProducerOnly,
        ["GET backoffice/portal/products/new"] = ProducerOnly,
        ["POST backoffice/portal/products/new"] = ProducerOnly,
        ["GET backoffice/portal/products/{id:int}"] = ProducerOnly,
        ["POST backoffice/portal/products/{id:int}"] = ProducerOnly,
        ["GET backoffice/portal/certificates"] = ProducerOnly,
        ["POST backoffice/portal/certificates"] = ProducerOnly,
        ["GET backoffice/portal/inquiries"] = ProducerOnly,
        ["GET backoffice/portal/inquiries/{id:int}"] = ProducerOnly,

        ["GET backoffice/producers/{id:int}/portal"] = Programme,
        ["POST backoffice/producers/{id:int}/portal/invite"] = Programme,
        ["POST backoffice/producers/{id:int}/portal/{accountId}/resend"] = Programme,
        ["POST backoffice/producers/{id:int}/portal/{accountId}/disable"] = Programme,
        ["POST backoffice/producers/{id:int}/portal/{accountId}/enable"] = Programme,

        ["GET backoffice/search-index"] = Everyone,
        ["POST backoffice/search-index/rebuild"] = Publishers,
        ["POST backoffice/search-index/synonyms"] = Publishers,
    };

    private static readonly SemaphoreSlim SignInOnce = new(1, 1);
    private static Dictionary<string, HttpClient>? _clients;

    [Fact]
    public void Every_backoffice_endpoint_is_in_the_role_table_and_nothing_else_is()
    {
        var endpoints = BackofficeEndpoints();

        Assert.Empty(endpoints.Except(Table.Keys));
        Assert.Empty(Table.Keys.Except(endpoints));
    }

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var endpoint in Table.Keys)
        {
            foreach (var role in Open)
            {
                data.Add(endpoint, role);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_gets_through_only_where_the_table_says(string endpoint, string role)
    {
        var clients = await ClientsAsync();
        var (method, pattern) = (endpoint[..endpoint.IndexOf(' ', StringComparison.Ordinal)], endpoint[(endpoint.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        var url = "/" + pattern.Replace("{segment}", "products", StringComparison.Ordinal)
            .Replace("{id:int}", "1", StringComparison.Ordinal).Replace("{id}", "no-such-account", StringComparison.Ordinal).Replace("{accountId}", "no-such-account", StringComparison.Ordinal)
            .Replace("{number:int}", "1", StringComparison.Ordinal)
            .Replace("{list}", "producers", StringComparison.Ordinal).Replace("{format}", "csv", StringComparison.Ordinal);
        // Posts carry no antiforgery token: a request that gets past the role check is refused by antiforgery (400)
        // and changes nothing.
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent([]);
        }
        var response = await clients[role].SendAsync(request);
        var location = response.Headers.Location?.OriginalString ?? "";

        var toLogin = response.StatusCode == HttpStatusCode.Redirect && location.Contains("/backoffice/login", StringComparison.Ordinal);
        var denied = response.StatusCode == HttpStatusCode.Redirect && location.Contains("/backoffice/denied", StringComparison.Ordinal);
        if (endpoint == "GET backoffice/denied")
        {
            // The page that tells someone they are refused answers 403 itself, to everyone.
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        else if (Table[endpoint].Contains(role))
        {
            Assert.False(toLogin || denied, $"{role} should get through {method} {url} but got {(int)response.StatusCode} {location}");
            Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        }
        else if (role == Anonymous)
        {
            Assert.True(toLogin, $"anonymous {method} {url} should go to the sign-in page but got {(int)response.StatusCode} {location}");
        }
        else
        {
            Assert.True(denied, $"{role} should be refused {method} {url} but got {(int)response.StatusCode} {location}");
            var page = await clients[role].GetAsync(location);
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        }
    }

    private HashSet<string> BackofficeEndpoints()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern.RawText?.TrimStart('/') ?? "";
            // Actions only: the backoffice's stylesheet and scripts are static files for anyone.
            if (!pattern.StartsWith("backoffice", StringComparison.Ordinal)
                || endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Controllers.ControllerActionDescriptor>() is null)
            {
                continue;
            }
            foreach (var method in endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
            {
                result.Add($"{method} {pattern}");
            }
        }
        return result;
    }

    private async Task<Dictionary<string, HttpClient>> ClientsAsync()
    {
        await SignInOnce.WaitAsync();
        try
        {
            if (_clients is null)
            {
                var clients = new Dictionary<string, HttpClient> { [Anonymous] = factory.CreateClient(new() { AllowAutoRedirect = false }) };
                foreach (var role in Everyone)
                {
                    clients[role] = await Editors.SignedInClientAsync(factory, role);
                }
                int producerId;
                using (var scope = factory.Services.CreateScope())
                {
                    producerId = scope.ServiceProvider.GetRequiredService<IkmCatalog.Data.IkmDbContext>().Producers.OrderBy(p => p.Id).Select(p => p.Id).First();
                }
                clients[EditorRoles.Producer] = await IkmCatalog.Tests.Portal.PortalAccounts.SignedInClientAsync(factory, producerId);
                _clients = clients;
            }
            return _clients;
        }
        finally
        {
            SignInOnce.Release();
        }
    }
}

/// <summary>Replacing a photo that published content shows puts the new photo live, so it is an Editor's decision.</summary>
[Collection(SiteCollection.Name)]
public class MediaReplaceRoleTests(IkmWebFactory factory)
{
    [Fact]
    public async Task A_writer_cannot_replace_a_photo_that_published_content_shows()
    {
        int mediaId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IkmCatalog.Data.IkmDbContext>();
            mediaId = db.PublicProducts(DateTime.UtcNow).SelectMany(p => p.Images).Select(i => i.MediaItemId).First();
        }
        var writer = await Editors.SignedInClientAsync(factory, EditorRoles.Writer);

        var response = await Forms.SubmitAsync(writer, $"/backoffice/media/{mediaId}", "form[action$='/replace']", new Dictionary<string, string>(),
            new FormFile("file", IkmCatalog.Tests.Media.TestImages.Jpeg(640, 480), "pengganti.jpg", "image/jpeg"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/backoffice/denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_writer_can_replace_a_photo_no_published_content_shows()
    {
        var writer = await Editors.SignedInClientAsync(factory, EditorRoles.Writer);
        var uploaded = await Forms.SubmitAsync(writer, "/backoffice/media", "form[action='/backoffice/media/upload']",
            new Dictionary<string, string> { ["Upload.AltIndonesian"] = "Foto uji" },
            new FormFile("file", IkmCatalog.Tests.Media.TestImages.Jpeg(800, 600), "foto-uji.jpg", "image/jpeg"));
        var edit = uploaded.Headers.Location!.OriginalString;

        var response = await Forms.SubmitAsync(writer, edit, "form[action$='/replace']", new Dictionary<string, string>(),
            new FormFile("file", IkmCatalog.Tests.Media.TestImages.Jpeg(640, 480), "pengganti.jpg", "image/jpeg"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith(edit, response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
