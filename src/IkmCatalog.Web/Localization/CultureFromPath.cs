using IkmCatalog.Content;
using Microsoft.AspNetCore.Localization;

namespace IkmCatalog.Web.Localization;

/// <summary>Indonesian lives at "/", English under "/en/": the path alone decides, so every URL is shareable.</summary>
public sealed class CultureFromPath : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var culture = IsEnglishPath(httpContext.Request.Path) ? Cultures.English : Cultures.Indonesian;
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture));
    }

    public static bool IsEnglishPath(PathString path) =>
        path.StartsWithSegments("/en", StringComparison.OrdinalIgnoreCase);
}
