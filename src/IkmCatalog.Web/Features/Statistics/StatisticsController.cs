using IkmCatalog.Statistics;
using Microsoft.AspNetCore.Mvc;

namespace IkmCatalog.Web.Features.Statistics;

/// <summary>
/// The programme in figures for anyone: published producers and products only, and no inquiry or order figures
/// (the office's commercial activity and money stay in the backoffice).
/// </summary>
public sealed class StatisticsController(ProgrammeStatistics statistics, TimeProvider clock) : SiteController(clock)
{
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await statistics.ProgrammeAsync(StatisticsScope.Public, cancellationToken));
}
