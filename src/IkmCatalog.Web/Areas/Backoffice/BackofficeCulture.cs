using IkmCatalog.Content;
using Microsoft.AspNetCore.Localization;

namespace IkmCatalog.Web.Areas.Backoffice;

/// <summary>
/// The backoffice speaks the language each person chose (a cookie set at sign-in and by the language switch),
/// Indonesian until they choose; public pages keep deciding by their path.
/// </summary>
public sealed class BackofficeCulture : RequestCultureProvider
{
    public static bool IsBackofficePath(PathString path) =>
        path.StartsWithSegments("/backoffice", StringComparison.OrdinalIgnoreCase);

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!IsBackofficePath(httpContext.Request.Path))
        {
            return NullProviderCultureResult;
        }
        if (httpContext.Request.Path.Value?.EndsWith("/preview", StringComparison.Ordinal) == true)
        {
            // A draft's preview speaks the public site's language it previews (?culture=en), Indonesian by default.
            return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(Cultures.Normalize(httpContext.Request.Query["culture"])));
        }
        var chosen = httpContext.Request.Cookies[BackofficeServices.CultureCookie];
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(Cultures.Normalize(chosen)));
    }

    public static void Remember(HttpResponse response, string culture)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Append(BackofficeServices.CultureCookie, Cultures.Normalize(culture), new CookieOptions
        {
            Path = "/backoffice",
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = response.HttpContext.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
    }
}
