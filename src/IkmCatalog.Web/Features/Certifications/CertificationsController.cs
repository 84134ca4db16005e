using IkmCatalog.Web.Published;
using Microsoft.AspNetCore.Mvc;

namespace IkmCatalog.Web.Features.Certifications;

/// <summary>Explains each certification badge, so a buyer knows what PIRT, BPOM MD, Halal or SNI promise.</summary>
public sealed class CertificationsController(PublishedContent published, TimeProvider clock) : SiteController(clock)
{
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View((await published.AtAsync(NowUtc, cancellationToken)).CertificationTypes);
}
