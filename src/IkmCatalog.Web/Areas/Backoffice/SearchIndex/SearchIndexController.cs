using IkmCatalog.Backoffice;
using IkmCatalog.Data;
using IkmCatalog.Search;
using IkmCatalog.Web.Features.Search;
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
    IReadOnlyList<SearchNodeState> Nodes,
    string Synonyms);

/// <summary>The search index of this node and of the others, and the "rebuild" button.</summary>
[Route("backoffice/search-index")]
public sealed class SearchIndexController(
    IkmDbContext db, IkmCatalog.Search.SearchIndex index, SearchNodeName node, IStringLocalizer<UiStrings> text) : BackofficeController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await ModelAsync(null, cancellationToken));

    /// <summary>Saves the editors' synonym list; every server searches with it within seconds.</summary>
    [HttpPost("synonyms")]
    [Authorize(Roles = $"{EditorRoles.Admin},{EditorRoles.Editor}")]
    public async Task<IActionResult> Synonyms([FromForm] string? synonyms, [FromServices] TimeProvider clock, CancellationToken cancellationToken)
    {
        var list = synonyms ?? "";
        if (list.Length > EditorsSynonyms.MaxLength)
        {
            ModelState.AddModelError("synonyms", text["backoffice.search.synonyms-too-long", EditorsSynonyms.MaxLength].Value);
            return View(nameof(Index), await ModelAsync(list, cancellationToken));
        }
        await EditorsSynonyms.SaveAsync(db, list, User.Identity?.Name ?? "", clock.GetUtcNow().UtcDateTime, cancellationToken);
        TempData["Notice"] = text["backoffice.search.synonyms-saved"].Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task<SearchIndexViewModel> ModelAsync(string? synonyms, CancellationToken cancellationToken) => new(
        node.Name,
        index.Read(searcher => searcher.IndexReader.NumDocs),
        index.SizeInBytes(),
        await db.IndexJournal.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0,
        await db.SearchNodes.AsNoTracking().OrderBy(n => n.NodeName).ToListAsync(cancellationToken),
        synonyms ?? await EditorsSynonyms.LoadAsync(db, cancellationToken));

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
