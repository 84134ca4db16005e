using System.Globalization;
using IkmCatalog.Content;
using IkmCatalog.Web.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace IkmCatalog.Web.Features.Errors;

public sealed record ErrorViewModel(int StatusCode, string Culture);

/// <summary>404 and 500 pages, in the language of the page that failed.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    [Route("error/{code:int}")]
    public IActionResult Status(int code)
    {
        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? Request.Path.Value ?? "/";
        var culture = CultureFromPath.IsEnglishPath(originalPath) ? Cultures.English : Cultures.Indonesian;
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        var status = code is 404 or 400 or 403 or 429 ? code : 500;
        Response.StatusCode = status;
        return View("Error", new ErrorViewModel(status, culture));
    }
}
