using IkmCatalog.Content;
using IkmCatalog.Curation;
using IkmCatalog.Data;
using IkmCatalog.Web.Features;
using IkmCatalog.Web.Localization;
using IkmCatalog.Web.Views;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;

namespace IkmCatalog.Web.Areas.Backoffice.Curation;

/// <summary>
/// Curation (kurasi): the products to curate, a product's assessment against the office's rubric and its history
/// of assessments. What an assessment changes is decided in <see cref="ProductCuration"/>.
/// </summary>
[Route("backoffice/curation")]
[Authorize(Roles = CurationRoles.Curators)]
public sealed class CurationController(
    IkmDbContext db, ProductCuration curation, CurationEmails emails, UserManager<IkmCatalog.Backoffice.Editor> users,
    IStringLocalizer<UiStrings> text) : BackofficeController
{
    private const int PageSize = 40;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] CurationFilter filter, int page = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Products.AsNoTracking();
        if (filter.Producer is { } producer)
        {
            query = query.Where(p => p.ProducerId == producer);
        }
        if (filter.Category is { } category)
        {
            query = query.Where(p => p.CategoryId == category || p.Category.ParentId == category);
        }
        if (filter.Pending)
        {
            query = query.Where(p => p.CuratedOn == null);
        }
        if (filter.Round is { } round)
        {
            query = query.Where(p => db.CurationAssessments.Any(a => a.ProductId == p.Id && a.RoundId == round));
        }
        var total = await query.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await query.OrderBy(p => p.CuratedOn != null).ThenBy(p => p.Producer.Name).ThenBy(p => p.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(p => new CurationProductRow(
                p.Id, new LocalizedText(p.Name.Indonesian, p.Name.English), p.Producer.Name,
                new LocalizedText(p.Category.Name.Indonesian, p.Category.Name.English), p.State, p.CurationGrade, p.CuratedOn,
                db.CurationAssessments.Where(a => a.ProductId == p.Id).Max(a => (DateTime?)a.AssessedAtUtc)))
            .ToListAsync(cancellationToken);

        var producers = (await db.Producers.AsNoTracking().Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken))
            .OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).Select(p => new Choice(p.Id, p.Name)).ToList();
        var culture = ViewFormat.Culture;
        var categories = (await db.Categories.AsNoTracking().ToListAsync(cancellationToken))
            .Select(c => new Choice(c.Id, c.Name.For(culture))).OrderBy(c => c.Label, StringComparer.CurrentCultureIgnoreCase).ToList();
        var rounds = await db.CurationRounds.AsNoTracking().OrderByDescending(r => r.CreatedAtUtc).ToListAsync(cancellationToken);
        var pager = new PagerModel(page, pages, "/backoffice/curation", new QueryCollection(Request.Query
            .Where(q => q.Key != "page").ToDictionary(q => q.Key, q => q.Value)));
        return View(new CurationIndexViewModel(filter, rows, total, pager, producers, categories, rounds));
    }

    [HttpGet("products/{id:int}")]
    public async Task<IActionResult> Product(int id, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking().Include(p => p.Producer).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null)
        {
            return NotFound();
        }
        return View(new ProductHistoryViewModel(product, await HistoryAsync(id, cancellationToken)));
    }

    [HttpGet("products/{id:int}/assess")]
    public async Task<IActionResult> Assess(int id, int? round, CancellationToken cancellationToken)
    {
        var model = await AssessModelAsync(id, new AssessForm { RoundId = round }, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("products/{id:int}/assess")]
    public async Task<IActionResult> Assess(int id, AssessForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var curatorId = users.GetUserId(User) ?? "";
        var curatorName = await db.Users.AsNoTracking().Where(u => u.Id == curatorId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var result = await curation.AssessAsync(form.ToInput(id), curatorId, string.IsNullOrWhiteSpace(curatorName) ? UserName : curatorName,
            outcome => emails.Result(outcome, SiteUrls.Page(HttpContext, "product", Cultures.Indonesian, new { slug = outcome.Product.Slug })),
            cancellationToken);
        switch (result.Status)
        {
            case AssessStatus.ProductNotFound:
                return NotFound();
            case AssessStatus.Invalid:
                foreach (var error in result.Errors!)
                {
                    ModelState.AddModelError(error.Field, text[error.Message, error.Arguments]);
                }
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return View(await AssessModelAsync(id, form, cancellationToken));
        }
        var outcome = result.Outcome!;
        TempData["Notice"] = text[outcome.Granted ? "backoffice.curation.saved-passed" : outcome.Withdrawn ? "backoffice.curation.saved-withdrawn" : "backoffice.curation.saved",
            outcome.Assessment.Grade, CurationViews.Score(outcome.Assessment.Score)].Value;
        return form.RoundId is { } roundId
            ? Redirect($"/backoffice/curation/rounds/{roundId}")
            : Redirect($"/backoffice/curation/products/{id}");
    }

    private async Task<AssessViewModel?> AssessModelAsync(int id, AssessForm form, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking().Include(p => p.Producer).Include(p => p.Category)
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null)
        {
            return null;
        }
        var criteria = await db.CurationCriteria.AsNoTracking().Where(c => c.Active).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var rounds = await db.CurationRounds.AsNoTracking().Where(r => !r.Closed || r.Id == form.RoundId).OrderByDescending(r => r.CreatedAtUtc).ToListAsync(cancellationToken);
        return new AssessViewModel(product, criteria, rounds, form, await HistoryAsync(id, cancellationToken));
    }

    private Task<List<CurationAssessment>> HistoryAsync(int productId, CancellationToken cancellationToken) =>
        db.CurationAssessments.AsNoTracking().Where(a => a.ProductId == productId)
            .Include(a => a.Round).Include(a => a.Scores).ThenInclude(s => s.Criterion)
            .OrderByDescending(a => a.AssessedAtUtc).ThenByDescending(a => a.Id).AsSplitQuery().ToListAsync(cancellationToken);
}
