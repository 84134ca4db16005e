using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Producers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using IkmCatalog.Web.Localization;

namespace IkmCatalog.Web.Areas.Backoffice.Applications;

public sealed record ProgrammeViewModel(Producer Producer, IReadOnlyList<ProducerStatusChange> History, int? ApplicationId)
{
    public string? To { get; init; }

    public string? Note { get; init; }
}

/// <summary>A producer's place in the programme (registered, fostered, curated): where it stands, how it got there, and a change with a note.</summary>
[Route("backoffice/producers/{id:int}/programme")]
[Authorize(Roles = ApplicationsController.Programme)]
public sealed class ProgrammeController(IkmDbContext db, TimeProvider clock, IStringLocalizer<UiStrings> t) : BackofficeController
{
    // Beside the applications it grows from, rather than in a folder of its own.
    private const string ViewPath = "~/Areas/Backoffice/Applications/Programme.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index(int id, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(id, cancellationToken);
        return model is null ? NotFound() : View(ViewPath, model);
    }

    [HttpPost("")]
    [ActionName("Index")]
    public async Task<IActionResult> Change(int id, string? to, string? note, CancellationToken cancellationToken)
    {
        var producer = await db.Producers.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (producer is null)
        {
            return NotFound();
        }
        var target = Enum.TryParse<ProducerStatus>(to, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) ? parsed : (ProducerStatus?)null;
        if (target is null)
        {
            ModelState.AddModelError("to", t["backoffice.programme.error.status"]);
        }
        else if (target == producer.Status)
        {
            ModelState.AddModelError("to", t["backoffice.programme.error.same", t["programme.status." + target.Value.ToString().ToLowerInvariant()]]);
        }
        if (note?.Trim().Length > 1000)
        {
            ModelState.AddModelError("note", t["validation.max-length", t["backoffice.programme.note"], 1000]);
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(ViewPath, (await ModelAsync(id, cancellationToken))! with { To = to, Note = note });
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var from = producer.Status;
        ProducerProgramme.ChangeStatus(db, producer, target!.Value, UserName, note, now);
        db.AuditEntries.Add(new AuditEntry
        {
            DocumentType = DocumentTypes.Producer.Name, DocumentId = id, Action = "programme-status", User = UserName, AtUtc = now,
            Detail = $"{from} → {target}",
        });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = t["backoffice.programme.changed", producer.Name, t["programme.status." + target.Value.ToString().ToLowerInvariant()]].Value;
        return RedirectToAction(nameof(Index), new { id });
    }

    private async Task<ProgrammeViewModel?> ModelAsync(int id, CancellationToken cancellationToken)
    {
        var producer = await db.Producers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (producer is null)
        {
            return null;
        }
        var history = await db.ProducerStatusChanges.AsNoTracking().Where(c => c.ProducerId == id)
            .OrderByDescending(c => c.AtUtc).ThenByDescending(c => c.Id).ToListAsync(cancellationToken);
        var application = await db.ProducerApplications.Where(a => a.ProducerId == id).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
        return new ProgrammeViewModel(producer, history, application);
    }
}
