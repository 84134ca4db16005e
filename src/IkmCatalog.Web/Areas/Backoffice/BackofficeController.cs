using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IkmCatalog.Web.Areas.Backoffice;

/// <summary>
/// Base of every backoffice controller: signed-in office staff only, views from Areas/Backoffice, never
/// cached by browsers or proxies, never in the public API description.
/// </summary>
[Area("Backoffice")]
[Authorize]
[ApiExplorerSettings(IgnoreApi = true)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public abstract class BackofficeController : Controller
{
    protected string UserName => User.Identity?.Name ?? "";
}
