using System.Globalization;
using IkmCatalog.Backoffice;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Events;
using IkmCatalog.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IkmCatalog.Web.Areas.Backoffice.EventRegistrations;

/// <summary>An event's registrations as the office sees them: places, the waiting list in order, the cancelled.</summary>
public sealed record RegistrationListViewModel(
    Event Event, IReadOnlyList<EventRegistration> Confirmed, IReadOnlyList<EventRegistration> Waitlisted, IReadOnlyList<EventRegistration> Cancelled)
{
    public int? PlacesLeft => Event.Capacity is { } capacity ? Math.Max(0, capacity - Confirmed.Count) : null;
}

/// <summary>An event taking registrations, in the overview.</summary>
public sealed record RegistrationEventRow(Event Event, int Confirmed, int Waitlisted);

/// <summary>
/// Registrations for the office's events (Admins, Editors and Curators, who run trainings and curation days): the
/// list with places against capacity, cancelling a place (the first waiting moves up), attendance, a CSV export.
/// Opening the list also gives free places (a capacity raised since) to those waiting, in order.
/// </summary>
[Route("backoffice/events")]
[Authorize(Roles = Programme)]
public sealed class EventRegistrationsController(
    IkmDbContext db, IkmCatalog.Events.EventRegistrations registrations, OfficeTime time, IStringLocalizer<UiStrings> text) : BackofficeController
{
    public const string Programme = IkmCatalog.Backoffice.EditorRoles.Programme;

    [HttpGet("registrations")]
    public async Task<IActionResult> Overview(CancellationToken cancellationToken)
    {
        var events = await db.Events.AsNoTracking().Where(e => e.RegistrationMode != EventRegistrationMode.None)
            .OrderByDescending(e => e.StartsAtUtc).Take(200).ToListAsync(cancellationToken);
        var ids = events.Select(e => e.Id).ToList();
        var counts = await db.EventRegistrations.Where(r => ids.Contains(r.EventId) && r.Status != RegistrationStatus.Cancelled)
            .GroupBy(r => new { r.EventId, r.Status }).Select(g => new { g.Key.EventId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(int id, RegistrationStatus status) => counts.FirstOrDefault(c => c.EventId == id && c.Status == status)?.Count ?? 0;
        return View(events.Select(e => new RegistrationEventRow(e, Count(e.Id, RegistrationStatus.Confirmed), Count(e.Id, RegistrationStatus.Waitlisted))).ToList());
    }

    [HttpGet("{id:int}/registrations")]
    public async Task<IActionResult> Index(int id, CancellationToken cancellationToken)
    {
        var promoted = await registrations.PromoteAsync(id, UserName, cancellationToken);
        if (promoted.Count > 0)
        {
            TempData["Notice"] = text["backoffice.registrations.promoted", promoted.Count, string.Join(", ", promoted.Select(p => p.Name))].Value;
        }
        var model = await LoadAsync(id, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("{id:int}/registrations/cancel")]
    public async Task<IActionResult> Cancel(int id, [FromForm(Name = "registration")] int registrationId, CancellationToken cancellationToken)
    {
        var result = await registrations.CancelAsync(id, registrationId, UserName, cancellationToken);
        switch (result.Outcome)
        {
            case CancelOutcome.NotFound:
                return NotFound();
            case CancelOutcome.AlreadyCancelled:
                TempData["Notice"] = text["backoffice.registrations.already-cancelled", result.Registration!.Name].Value;
                break;
            default:
                TempData["Notice"] = text["backoffice.registrations.cancelled", result.Registration!.Name].Value
                    + (result.Promoted.Count > 0 ? " " + text["backoffice.registrations.promoted", result.Promoted.Count, string.Join(", ", result.Promoted.Select(p => p.Name))].Value : "");
                break;
        }
        return RedirectToAction(nameof(Index), new { id });
    }

    /// <summary>The checklist: one "attendance-{registration id}" field per confirmed person: "present", "absent" or "" (not recorded).</summary>
    [HttpPost("{id:int}/registrations/attendance")]
    public async Task<IActionResult> Attendance(int id, CancellationToken cancellationToken)
    {
        if (!await db.Events.AnyAsync(e => e.Id == id, cancellationToken))
        {
            return NotFound();
        }
        var marks = new Dictionary<int, bool?>();
        foreach (var (key, value) in Request.Form)
        {
            if (key.StartsWith("attendance-", StringComparison.Ordinal)
                && int.TryParse(key.AsSpan("attendance-".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var registrationId))
            {
                marks[registrationId] = value.ToString() switch { "present" => true, "absent" => false, _ => null };
            }
        }
        var changed = await registrations.RecordAttendanceAsync(id, marks, UserName, cancellationToken);
        TempData["Notice"] = text["backoffice.registrations.attendance-saved", changed].Value;
        return RedirectToAction(nameof(Index), new { id });
    }

    [HttpGet("{id:int}/registrations/export.csv")]
    public async Task<IActionResult> Export(int id, CancellationToken cancellationToken)
    {
        var model = await LoadAsync(id, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }
        var rows = model.Confirmed.Concat(model.Waitlisted).Concat(model.Cancelled);
        var file = RegistrationCsv.Write(rows, time, key => text[key].Value);
        var name = string.Create(CultureInfo.InvariantCulture, $"registrations-{model.Event.Slug}-{time.Today:yyyy-MM-dd}.csv");
        return File(file, "text/csv; charset=utf-8", name);
    }

    private async Task<RegistrationListViewModel?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var item = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (item is null)
        {
            return null;
        }
        var all = await db.EventRegistrations.AsNoTracking().Include(r => r.Producer).Where(r => r.EventId == id)
            .OrderBy(r => r.RegisteredAtUtc).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        return new RegistrationListViewModel(item,
            [.. all.Where(r => r.Status == RegistrationStatus.Confirmed)],
            [.. all.Where(r => r.Status == RegistrationStatus.Waitlisted)],
            [.. all.Where(r => r.Status == RegistrationStatus.Cancelled).OrderByDescending(r => r.CancelledAtUtc)]);
    }
}
