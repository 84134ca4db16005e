namespace IkmCatalog.Web.Infrastructure;

/// <summary>Security headers on every response: no framing, no sniffing, a strict content security policy.</summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    // Scripts and styles come from this site only; images may be data: URIs (SVG placeholders).
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; font-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string FormTargetKey = "IkmCatalog.SecurityHeaders.FormTarget";

    /// <summary>
    /// Lets this page's forms lead to one more origin: browsers apply form-action to the redirects that follow a form
    /// post, and checkout's post is answered with a redirect to the payment provider's page.
    /// </summary>
    public static void AllowFormTarget(HttpContext context, string origin)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
        {
            context.Items[FormTargetKey] = uri.GetLeftPart(UriPartial.Authority);
        }
    }

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(self)";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!headers.ContainsKey("Content-Security-Policy"))
            {
                headers.ContentSecurityPolicy = context.Items[FormTargetKey] is string target
                    ? ContentSecurityPolicy.Replace("form-action 'self'", $"form-action 'self' {target}", StringComparison.Ordinal)
                    : ContentSecurityPolicy;
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}
