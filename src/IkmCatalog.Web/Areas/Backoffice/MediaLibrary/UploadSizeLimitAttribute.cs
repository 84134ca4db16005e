using IkmCatalog.Web.Localization;
using IkmCatalog.Web.Media;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Areas.Backoffice.MediaLibrary;

/// <summary>
/// Caps an upload's body at the configured media limit (plus room for the other fields) before anything reads it:
/// a larger declared body is answered at once, back on the page it came from, with the limit in the editor's
/// language, instead of being received first.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UploadSizeLimitAttribute : Attribute, IAsyncResourceFilter
{
    public const string ErrorKey = "UploadError";

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<MediaOptions>>().Value;
        var limit = options.MaxUploadBytes + 1024 * 1024;
        if (http.Request.ContentLength > limit)
        {
            var text = http.RequestServices.GetRequiredService<IStringLocalizer<UiStrings>>();
            var tempData = http.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http);
            tempData[ErrorKey] = text["media.error.too-large", (options.MaxUploadBytes / (1024.0 * 1024)).ToString("0.#", Views.ViewFormat.Format)].Value;
            // Back to the page the form was on: a media item's (…/replace), a certificate's (…/scan), or the library.
            var path = http.Request.Path.Value!;
            var back = path.EndsWith("/replace", StringComparison.Ordinal) ? path[..^"/replace".Length]
                : path.EndsWith("/scan", StringComparison.Ordinal) ? path[..^"/scan".Length]
                : "/backoffice/media";
            context.Result = new RedirectResult(back);
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }
        await next();
    }
}
