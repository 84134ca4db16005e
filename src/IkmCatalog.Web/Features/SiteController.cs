using System.Globalization;
using IkmCatalog.Content;
using Microsoft.AspNetCore.Mvc;

namespace IkmCatalog.Web.Features;

/// <summary>Base for the public site's controllers: the request's culture and clock.</summary>
public abstract class SiteController(TimeProvider clock) : Controller
{
    protected string Culture => Cultures.Normalize(CultureInfo.CurrentUICulture.Name);

    protected DateTime NowUtc => clock.GetUtcNow().UtcDateTime;

    protected DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
}
