using IkmCatalog.Backoffice;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IkmCatalog.Web.Areas.Backoffice;

/// <summary>
/// Base of every page behind the backoffice sign-in (office staff and producers' portal accounts alike): signed-in
/// people only, views from Areas/Backoffice, never cached by browsers or proxies, never in the public API description.
/// </summary>
[Area("Backoffice")]
[Authorize]
[ApiExplorerSettings(IgnoreApi = true)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public abstract class SignedInController : Controller
{
    protected string UserName => User.Identity?.Name ?? "";
}

/// <summary>Base of every office page: staff holding one of the office roles; a producer's account never gets in.</summary>
[Authorize(Policy = BackofficePolicies.Office)]
public abstract class BackofficeController : SignedInController;

public static class BackofficePolicies
{
    /// <summary>Any office role (<see cref="EditorRoles.All"/>).</summary>
    public const string Office = "Office";

    /// <summary>A producer's portal account.</summary>
    public const string Producer = "Producer";
}
