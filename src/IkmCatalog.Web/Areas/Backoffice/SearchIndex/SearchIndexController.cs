using IkmCatalog.Backoffice;
using IkmCatalog.Data;
using IkmCatalog.Search;
using IkmCatalog.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IkmCatalog.Web.Areas.Backoffice.SearchIndex;

public sealed record SearchIndexViewModel(
    string NodeName,
    int Documents,
    long SizeBytes,
    long LatestJournalId,
    IReadOnlyList<SearchNodeState> Nodes);

/// <summary>The search index of this node and of the others, and the "rebuild" button.</summary>
[Route("backoffice/search-index")]
public sealed class SearchIndexController(
    IkmDbContext db, IkmCatalog.Search.SearchIndex index, SearchNodeName node, IStringLocalizer<UiStrings> text) : BackofficeController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var model = new SearchIndexViewModel(
            node.Name,
            index.Read(searcher => searcher.IndexReader.NumDocs),
            index.SizeInBytes(),
            await db.IndexJournal.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0,
            await db.SearchNodes.AsNoTracking().OrderBy(n => n.NodeName).ToListAsync(cancellationToken));
        return View(model);
    }

    /// <summary>Rebuilds this node's index now and journals a rebuild that every other node follows.</summary>
    [HttpPost("rebuild")]
    [Authorize(Roles = $"{EditorRoles.Admin},{EditorRoles.Editor}")]
    public async Task<IActionResult> Rebuild([FromServices] SearchIndexer indexer, CancellationToken cancellationToken)
    {
        var result = await indexer.RebuildAsync(cancellationToken);
        TempData["Notice"] = text["backoffice.search.rebuilt", result.Products, result.Producers, result.Stories,
            result.Elapsed.TotalSeconds.ToString("0.0", Views.ViewFormat.Format)].Value;
        return RedirectToAction(nameof(Index));
    }
}
