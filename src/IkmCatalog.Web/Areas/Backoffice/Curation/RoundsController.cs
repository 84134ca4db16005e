using System.Globalization;
using IkmCatalog.Content;
using IkmCatalog.Curation;
using IkmCatalog.Data;
using IkmCatalog.Web.Areas.Backoffice.QrCards;
using IkmCatalog.Web.Features;
using IkmCatalog.Web.Localization;
using IkmCatalog.Web.Views;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IkmCatalog.Web.Areas.Backoffice.Curation;

/// <summary>
/// Curation rounds such as "Kurasi TEI 2026", optionally for an event: the assessments made in the round, the
/// shortlist (passed products, best score first) with its spreadsheet and its sheet of QR cards.
/// </summary>
[Route("backoffice/curation/rounds")]
[Authorize(Roles = CurationRoles.Curators)]
public sealed class RoundsController(IkmDbContext db, OfficeTime time, IStringLocalizer<UiStrings> text) : BackofficeController
{
    private const string AuditType = "curation-round";
    private const int MaxName = 200;
    private const string EditPage = "~/Areas/Backoffice/Curation/RoundEdit.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var rounds = await db.CurationRounds.AsNoTracking().Include(r => r.Event)
            .OrderBy(r => r.Closed).ThenByDescending(r => r.CreatedAtUtc).ToListAsync(cancellationToken);
        var ids = rounds.Select(r => r.Id).ToList();
        var assessments = await db.CurationAssessments.AsNoTracking().Where(a => a.RoundId != null && ids.Contains(a.RoundId.Value))
            .Select(a => new { a.Id, a.RoundId, a.ProductId, a.AssessedAtUtc, a.Decision }).ToListAsync(cancellationToken);
        var summaries = rounds.Select(r =>
        {
            var latest = assessments.Where(a => a.RoundId == r.Id).GroupBy(a => a.ProductId)
                .Select(g => g.OrderByDescending(a => a.AssessedAtUtc).ThenByDescending(a => a.Id).First()).ToList();
            return new RoundSummary(r, latest.Count, latest.Count(a => a.Decision == CurationDecision.Passed));
        }).ToList();
        return View("~/Areas/Backoffice/Curation/Rounds.cshtml", summaries);
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View(EditPage, new RoundFormViewModel(null, new RoundForm(), await EventsAsync(cancellationToken)));

    [HttpPost("new")]
    public async Task<IActionResult> Create(RoundForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!await CheckAsync(form, cancellationToken))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(EditPage, new RoundFormViewModel(null, form, await EventsAsync(cancellationToken)));
        }
        var round = new CurationRound { CreatedAtUtc = time.UtcNow, CreatedBy = UserName };
        Apply(form, round);
        db.CurationRounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);
        Audit(round.Id, "round-create", round.Name.Indonesian);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = text["backoffice.rounds.created", round.Name.Indonesian].Value;
        return Redirect($"/backoffice/curation/rounds/{round.Id}");
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Round(int id, CancellationToken cancellationToken)
    {
        var round = await db.CurationRounds.AsNoTracking().Include(r => r.Event).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (round is null)
        {
            return NotFound();
        }
        var entries = await EntriesAsync(id, cancellationToken);
        return View("~/Areas/Backoffice/Curation/Round.cshtml", new RoundViewModel(round, entries, Shortlist(entries)));
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var round = await db.CurationRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return round is null ? NotFound() : View(EditPage, new RoundFormViewModel(id, RoundForm.From(round), await EventsAsync(cancellationToken)));
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, RoundForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var round = await db.CurationRounds.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (round is null)
        {
            return NotFound();
        }
        if (!await CheckAsync(form, cancellationToken))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(EditPage, new RoundFormViewModel(id, form, await EventsAsync(cancellationToken)));
        }
        Apply(form, round);
        Audit(id, "round-edit", round.Name.Indonesian);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = text["backoffice.rounds.saved", round.Name.Indonesian].Value;
        return Redirect($"/backoffice/curation/rounds/{id}");
    }

    [HttpPost("{id:int}/close")]
    public Task<IActionResult> Close(int id, CancellationToken cancellationToken) => SetClosedAsync(id, true, cancellationToken);

    [HttpPost("{id:int}/reopen")]
    public Task<IActionResult> Reopen(int id, CancellationToken cancellationToken) => SetClosedAsync(id, false, cancellationToken);

    [HttpGet("{id:int}/shortlist.csv")]
    public async Task<IActionResult> Export(int id, string? lang, CancellationToken cancellationToken)
    {
        var round = await db.CurationRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (round is null)
        {
            return NotFound();
        }
        var culture = lang is null ? ViewFormat.Culture : Cultures.Normalize(lang);
        var shortlist = Shortlist(await EntriesAsync(id, cancellationToken));
        var file = ShortlistCsv.Write(shortlist, culture, time.Today, key => text[key].Value,
            e => SiteUrls.Page(HttpContext, "product", culture, new { slug = e.Product.Slug }));
        return File(file, "text/csv; charset=utf-8", string.Create(CultureInfo.InvariantCulture, $"shortlist-{id}-{time.Today:yyyy-MM-dd}.csv"));
    }

    [HttpGet("{id:int}/cards")]
    public async Task<IActionResult> Cards(int id, string? lang, CancellationToken cancellationToken)
    {
        var round = await db.CurationRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (round is null)
        {
            return NotFound();
        }
        var culture = Cultures.Normalize(lang);
        var ids = Shortlist(await EntriesAsync(id, cancellationToken)).Select(e => e.Product.Id).ToList();
        var cards = await QrCardsController.CardsAsync(db, HttpContext, time.UtcNow, culture, ids, cancellationToken);
        return View(QrCardsController.SheetView, new QrCardSheet(text["backoffice.qr-cards.title", round.Name.For(ViewFormat.Culture)],
            $"/backoffice/curation/rounds/{id}", text["backoffice.qr-cards.back-round"], text["backoffice.qr-cards.none-round"], culture, cards));
    }

    /// <summary>Each product's latest assessment in the round, best score first.</summary>
    private async Task<List<RoundEntry>> EntriesAsync(int roundId, CancellationToken cancellationToken)
    {
        var assessments = await db.CurationAssessments.AsNoTracking().Where(a => a.RoundId == roundId)
            .Include(a => a.Product).ThenInclude(p => p.Producer).ThenInclude(p => p.Region)
            .Include(a => a.Product).ThenInclude(p => p.Producer).ThenInclude(p => p.Certifications)
            .Include(a => a.Product).ThenInclude(p => p.Certifications)
            .AsSplitQuery().ToListAsync(cancellationToken);
        return [.. assessments.GroupBy(a => a.ProductId)
            .Select(g => g.OrderByDescending(a => a.AssessedAtUtc).ThenByDescending(a => a.Id).First())
            .OrderByDescending(a => a.Score).ThenBy(a => a.Product.Name.Indonesian, StringComparer.CurrentCultureIgnoreCase)
            .Select(a => new RoundEntry(a, a.Product))];
    }

    private static List<RoundEntry> Shortlist(IEnumerable<RoundEntry> entries) =>
        [.. entries.Where(e => e.Assessment.Decision == CurationDecision.Passed)];

    private async Task<IActionResult> SetClosedAsync(int id, bool closed, CancellationToken cancellationToken)
    {
        var round = await db.CurationRounds.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (round is null)
        {
            return NotFound();
        }
        round.Closed = closed;
        Audit(id, closed ? "round-close" : "round-reopen", round.Name.Indonesian);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = text[closed ? "backoffice.rounds.closed-notice" : "backoffice.rounds.reopened", round.Name.Indonesian].Value;
        return Redirect($"/backoffice/curation/rounds/{id}");
    }

    private async Task<bool> CheckAsync(RoundForm form, CancellationToken cancellationToken)
    {
        // What could not be read as a date or an event (only binding has spoken so far) gets the office's wording.
        foreach (var field in new[] { nameof(form.OpensOn), nameof(form.ClosesOn), nameof(form.EventId) })
        {
            if (ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0)
            {
                entry.Errors.Clear();
                ModelState.AddModelError(field, text[field == nameof(form.EventId) ? "backoffice.rounds.error.event" : "backoffice.rounds.error.date"]);
            }
        }
        form.NameIndonesian = form.NameIndonesian?.Trim();
        form.NameEnglish = string.IsNullOrWhiteSpace(form.NameEnglish) ? null : form.NameEnglish.Trim();
        if (string.IsNullOrEmpty(form.NameIndonesian))
        {
            ModelState.AddModelError(nameof(form.NameIndonesian), text["backoffice.rounds.error.name-required"]);
        }
        else if (form.NameIndonesian.Length > MaxName)
        {
            ModelState.AddModelError(nameof(form.NameIndonesian), text["backoffice.rubric.error.too-long", MaxName]);
        }
        if (form.NameEnglish is { Length: > MaxName })
        {
            ModelState.AddModelError(nameof(form.NameEnglish), text["backoffice.rubric.error.too-long", MaxName]);
        }
        if (form.EventId is { } eventId && !await db.Events.AnyAsync(e => e.Id == eventId, cancellationToken))
        {
            ModelState.AddModelError(nameof(form.EventId), text["backoffice.rounds.error.event"]);
        }
        if (form.OpensOn is { } opens && form.ClosesOn is { } closes && closes < opens)
        {
            ModelState.AddModelError(nameof(form.ClosesOn), text["backoffice.rounds.error.dates"]);
        }
        return ModelState.IsValid;
    }

    private static void Apply(RoundForm form, CurationRound round)
    {
        round.Name = new LocalizedText(form.NameIndonesian!, form.NameEnglish);
        round.EventId = form.EventId;
        round.OpensOn = form.OpensOn;
        round.ClosesOn = form.ClosesOn;
    }

    private async Task<IReadOnlyList<Choice>> EventsAsync(CancellationToken cancellationToken)
    {
        var culture = ViewFormat.Culture;
        var events = await db.Events.AsNoTracking().OrderByDescending(e => e.StartsAtUtc).ToListAsync(cancellationToken);
        return [.. events.Select(e => new Choice(e.Id, $"{e.Title.For(culture)} ({ViewFormat.Date(time.ToLocal(e.StartsAtUtc))})"))];
    }

    private void Audit(int id, string action, string detail) =>
        db.AuditEntries.Add(new AuditEntry { DocumentType = AuditType, DocumentId = id, Action = action, User = UserName, AtUtc = time.UtcNow, Detail = detail });
}
