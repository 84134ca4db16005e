using System.Globalization;
using IkmCatalog.Content;
using IkmCatalog.Web.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace IkmCatalog.Web.Features.Errors;

public sealed record ErrorViewModel(int StatusCode, string Culture)
{
    /// <summary>
    /// Statuses with a page of their own (a wrong method, an upload too large, too many requests …); any other code is
    /// shown as the 500 page.
    /// </summary>
    public static readonly IReadOnlySet<int> Known = new HashSet<int> { 400, 403, 404, 405, 413, 429 };

    public string Key => (Known.Contains(StatusCode) ? StatusCode : 500).ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Error pages in the language of the page that failed: the client errors people meet by name, the rest as 500.
/// The API's errors are application/problem+json instead. Any method reaches it: the page of a 405 is shown for a
/// DELETE or a PUT, which carries no antiforgery token.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorsController : Controller
{
    [Route("error/{code:int}")]
    public IActionResult Status(int code)
    {
        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? Request.Path.Value ?? "/";
        if (originalPath.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            var apiStatus = code is >= 400 and <= 599 ? code : 500;
            return Problem(statusCode: apiStatus, title: ReasonPhrases.GetReasonPhrase(apiStatus));
        }
        var culture = CultureFromPath.IsEnglishPath(originalPath) ? Cultures.English : Cultures.Indonesian;
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        var status = ErrorViewModel.Known.Contains(code) ? code : 500;
        Response.StatusCode = status;
        return View("Error", new ErrorViewModel(status, culture));
    }
}
