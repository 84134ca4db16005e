using Microsoft.AspNetCore.Mvc;

namespace IkmCatalog.Web.Features;

/// <summary>A 303 See Other: after a POST, the browser GETs the next page (and a reload does not post again).</summary>
public sealed class SeeOtherResult(string url) : IActionResult
{
    public string Url { get; } = url;

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.HttpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.HttpContext.Response.Headers.Location = Url;
        return Task.CompletedTask;
    }
}
