using IkmCatalog.Content;
using IkmCatalog.Web.Features;
using IkmCatalog.Web.Localization;
using IkmCatalog.Web.Theming;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.Primitives;

namespace IkmCatalog.Web.Infrastructure.OutputCaching;

/// <summary>
/// Which requests the output cache answers: anonymous GET and HEAD of the public pages anyone may see (not forms,
/// carts, orders or private status pages), <c>robots.txt</c>, the sitemap and the delivery API. It runs before
/// routing, so it recognises those pages by path, from the same route table the site maps. An entry varies by the
/// whole query string, the language (from the path, as the site resolves it) and the theme, and is kept only for a
/// 200 answer that sets no cookie.
/// </summary>
public sealed class PublicPagePolicy : IOutputCachePolicy
{
    /// <summary>The tag of every entry: content changes evict them all (pages show each other's content: menus, cards, counts).</summary>
    public const string Tag = "public-content";

    /// <summary>Pages that show the same thing to everyone; forms, the cart, orders and private status pages are left out.</summary>
    public static readonly IReadOnlyList<string> CachedRoutes =
        ["home", "catalog", "product", "search", "producers", "producer", "stories", "story", "events", "event", "certifications", "statistics", "page"];

    private static readonly string[] CachedFiles = ["/robots.txt", "/sitemap.xml"];

    private readonly TemplateMatcher[] _pages;
    private readonly string _theme;
    private readonly TimeSpan _expiry;

    public PublicPagePolicy(ActiveTheme theme, TimeSpan expiry)
    {
        ArgumentNullException.ThrowIfNull(theme);
        _theme = theme.Name;
        _expiry = expiry;
        _pages =
        [
            .. SiteRoutes.All.Where(r => CachedRoutes.Contains(r.Name))
                .SelectMany(r => new[] { r.Indonesian, r.English })
                .Select(pattern => new TemplateMatcher(TemplateParser.Parse(pattern), new RouteValueDictionary())),
        ];
    }

    /// <summary>Whether the output cache may answer this request (before anything about the response is known).</summary>
    public bool IsCacheable(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || request.Headers.ContainsKey("Authorization"))
        {
            return false;
        }
        var path = request.Path;
        if (path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (CachedFiles.Any(f => path.Equals(f, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }
        var values = new RouteValueDictionary();
        foreach (var page in _pages)
        {
            if (page.TryMatch(path, values))
            {
                return true;
            }
            values.Clear();
        }
        return false;
    }

    /// <summary>Whether this request's answer is an HTML page (whose form holes are filled per visitor).</summary>
    public static bool IsPage(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !CachedFiles.Any(f => request.Path.Equals(f, StringComparison.OrdinalIgnoreCase));

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        if (!IsCacheable(request))
        {
            return ValueTask.CompletedTask;
        }
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true; // a burst on a cold page renders it once
        context.ResponseExpirationTimeSpan = _expiry;
        context.Tags.Add(Tag);
        var vary = context.CacheVaryByRules;
        vary.QueryKeys = "*";
        vary.VaryByValues["culture"] = CultureFromPath.IsEnglishPath(request.Path) ? Cultures.English : Cultures.Indonesian;
        vary.VaryByValues["theme"] = _theme;
        FormHoles.MarkCacheable(context.HttpContext);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        // Only a complete, public answer: no errors or redirects (a 404 is re-executed into the error page anyway),
        // nothing that sets a cookie (a visitor's cart or token must never reach another), nothing marked private.
        if (response.StatusCode != StatusCodes.Status200OK
            || !StringValues.IsNullOrEmpty(response.Headers.SetCookie)
            || response.Headers.CacheControl.Any(v => v is not null
                && (v.Contains("private", StringComparison.OrdinalIgnoreCase) || v.Contains("no-store", StringComparison.OrdinalIgnoreCase))))
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }
}
