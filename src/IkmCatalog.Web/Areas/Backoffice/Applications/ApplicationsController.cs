using IkmCatalog.Backoffice;
using IkmCatalog.Catalog;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Email;
using IkmCatalog.Producers;
using IkmCatalog.Web.Features;
using IkmCatalog.Web.Features.Registration;
using IkmCatalog.Web.Infrastructure;
using IkmCatalog.Web.Localization;
using IkmCatalog.Web.Theming;
using IkmCatalog.Web.Views;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Areas.Backoffice.Applications;

public sealed record ApplicationListViewModel(IReadOnlyList<ProducerApplication> Rows, IReadOnlyDictionary<ApplicationStatus, int> Counts, ApplicationStatus? Status);

/// <summary>Another application or a producer with the same NIB or email as the one on screen.</summary>
public sealed record DuplicateFound(string Kind, int Id, string Name, string? Reference, string Matches, string Link);

public sealed record ApplicationDetailViewModel(
    ProducerApplication Application,
    IReadOnlyList<DuplicateFound> Duplicates,
    IReadOnlyList<AuditEntry> History,
    IReadOnlyList<Category> Categories)
{
    public int? CategoryId { get; init; }

    public string? Comment { get; init; }

    public string? Reason { get; init; }

    public string? Note { get; init; }

    /// <summary>Why accepting did not go through (draft rules), as UI string keys with arguments.</summary>
    public IReadOnlyList<DraftError> AcceptErrors { get; init; } = [];
}

/// <summary>
/// Producers' applications: the list by status, everything an application holds, and the office's decision (accept,
/// return for correction, decline). Each decision is audited and emailed to the applicant in their language.
/// Accepting creates the producer, its products and certificates as drafts waiting for an Editor.
/// </summary>
[Route("backoffice/applications")]
[Authorize(Roles = Programme)]
public sealed class ApplicationsController(
    IkmDbContext db, TimeProvider clock, ContentPublisher publisher, EmailOutbox outbox, UiStrings strings,
    IOptions<IkmCatalogOptions> options, ActiveTheme theme, PortalAccess.ProducerPortalAccess portalAccess, IStringLocalizer<UiStrings> t) : BackofficeController
{
    /// <summary>Who runs the programme: registrations, producer status, curation.</summary>
    public const string Programme = IkmCatalog.Backoffice.EditorRoles.Programme;

    private const int PageSize = 100;

    private readonly RegistrationEmails emails = new(strings, options, theme);

    [HttpGet("")]
    public async Task<IActionResult> Index(string? status, CancellationToken cancellationToken)
    {
        ApplicationStatus? filter = status == "all" ? null
            : Enum.TryParse<ApplicationStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
            : ApplicationStatus.Submitted;
        var counts = await db.ProducerApplications.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var query = db.ProducerApplications.AsNoTracking().Include(a => a.Region).AsQueryable();
        if (filter is { } only)
        {
            query = query.Where(a => a.Status == only);
        }
        // Waiting ones oldest first (first come, first served); decided ones newest first.
        query = filter is ApplicationStatus.Submitted or ApplicationStatus.Returned
            ? query.OrderBy(a => a.UpdatedAtUtc).ThenBy(a => a.Id)
            : query.OrderByDescending(a => a.UpdatedAtUtc).ThenByDescending(a => a.Id);
        var rows = await query.Take(PageSize).ToListAsync(cancellationToken);
        return View(new ApplicationListViewModel(rows, counts, filter));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Detail(int id, CancellationToken cancellationToken)
    {
        var model = await DetailModelAsync(id, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("{id:int}/accept")]
    public async Task<IActionResult> Accept(int id, int? categoryId, string? note, CancellationToken cancellationToken)
    {
        var application = await LoadAsync(id, cancellationToken);
        if (application is null)
        {
            return NotFound();
        }
        if (application.Status != ApplicationStatus.Submitted)
        {
            return await RefuseAsync(id, "categoryId", t["backoffice.applications.error.not-waiting"], m => m with { CategoryId = categoryId, Note = note }, cancellationToken);
        }
        if (categoryId is not { } category || !await db.Categories.AnyAsync(c => c.Id == category, cancellationToken))
        {
            return await RefuseAsync(id, "categoryId", t["validation.required", t["backoffice.applications.category"]], m => m with { Note = note }, cancellationToken);
        }
        if (note?.Trim().Length > 4000)
        {
            return await RefuseAsync(id, "note", t["validation.max-length", t["backoffice.applications.note"], 4000], m => m with { CategoryId = categoryId, Note = note }, cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        AcceptanceResult result;
        var invited = false;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            result = await new ApplicationAcceptance(db, publisher).AcceptAsync(application, category, UserName, now, cancellationToken);
            if (result.Succeeded)
            {
                Decide(application, ApplicationStatus.Accepted, note, now);
                Audit(application.Id, "accepted", $"Producer {result.ProducerId}");
                outbox.Enqueue(emails.Decision(application, StatusUrl(application)));
                await db.SaveChangesAsync(cancellationToken);
                // The accepted producer gets its portal sign-in at once: an account for the application's email and an
                // invitation to choose a password, in the same transaction. An address the portal cannot take (a staff
                // account's, say) leaves the invitation to the office, from the producer's portal access page.
                invited = (await portalAccess.InviteAsync(result.ProducerId!.Value, application.Email, application.Culture, UserName, cancellationToken)).Status
                    is PortalAccess.InviteStatus.Invited or PortalAccess.InviteStatus.Resent;
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }
        if (!result.Succeeded)
        {
            var model = await DetailModelAsync(id, cancellationToken);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Detail), model! with { CategoryId = categoryId, Note = note, AcceptErrors = result.Errors });
        }
        TempData["Notice"] = t["backoffice.applications.accepted", application.BusinessName].Value + " "
            + t[invited ? "backoffice.applications.portal-invited" : "backoffice.applications.portal-not-invited", application.Email].Value;
        return RedirectToAction(nameof(Detail), new { id });
    }

    [HttpPost("{id:int}/return")]
    public async Task<IActionResult> Return(int id, string? comment, CancellationToken cancellationToken)
    {
        var application = await LoadAsync(id, cancellationToken);
        if (application is null)
        {
            return NotFound();
        }
        var error = application.Status != ApplicationStatus.Submitted ? t["backoffice.applications.error.not-waiting"].Value
            : string.IsNullOrWhiteSpace(comment) ? t["backoffice.applications.error.comment-required"].Value
            : comment.Trim().Length > 4000 ? t["validation.max-length", t["backoffice.applications.comment"], 4000].Value
            : null;
        if (error is not null)
        {
            return await RefuseAsync(id, "comment", error, m => m with { Comment = comment }, cancellationToken);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        Decide(application, ApplicationStatus.Returned, comment, now);
        Audit(application.Id, "returned", application.OfficeComment);
        outbox.Enqueue(emails.Decision(application, StatusUrl(application)));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = t["backoffice.applications.returned", application.BusinessName].Value;
        return RedirectToAction(nameof(Detail), new { id });
    }

    [HttpPost("{id:int}/decline")]
    public async Task<IActionResult> Decline(int id, string? reason, CancellationToken cancellationToken)
    {
        var application = await LoadAsync(id, cancellationToken);
        if (application is null)
        {
            return NotFound();
        }
        var error = application.Status is not (ApplicationStatus.Submitted or ApplicationStatus.Returned) ? t["backoffice.applications.error.not-waiting"].Value
            : string.IsNullOrWhiteSpace(reason) ? t["backoffice.applications.error.reason-required"].Value
            : reason.Trim().Length > 4000 ? t["validation.max-length", t["backoffice.applications.reason"], 4000].Value
            : null;
        if (error is not null)
        {
            return await RefuseAsync(id, "reason", error, m => m with { Reason = reason }, cancellationToken);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        Decide(application, ApplicationStatus.Declined, reason, now);
        Audit(application.Id, "declined", application.OfficeComment);
        outbox.Enqueue(emails.Decision(application, StatusUrl(application)));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = t["backoffice.applications.declined", application.BusinessName].Value;
        return RedirectToAction(nameof(Detail), new { id });
    }

    private void Decide(ProducerApplication application, ApplicationStatus status, string? comment, DateTime now)
    {
        application.Status = status;
        application.OfficeComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        application.DecidedAtUtc = now;
        application.DecidedBy = UserName;
        application.UpdatedAtUtc = now;
    }

    private void Audit(int id, string action, string? detail) =>
        db.AuditEntries.Add(new AuditEntry
        {
            DocumentType = RegistrationController.AuditType, DocumentId = id, Action = action, User = UserName,
            AtUtc = clock.GetUtcNow().UtcDateTime, Detail = detail is { Length: > 400 } ? detail[..400] : detail,
        });

    private string StatusUrl(ProducerApplication application) =>
        SiteUrls.Page(HttpContext, "registration-status", application.Culture, new { token = application.Token });

    private Task<ProducerApplication?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.ProducerApplications.Include(a => a.Products).Include(a => a.Certificates).AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    private async Task<IActionResult> RefuseAsync(int id, string field, string message, Func<ApplicationDetailViewModel, ApplicationDetailViewModel> typed, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        ModelState.AddModelError(field, message);
        var model = await DetailModelAsync(id, cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Detail), typed(model!));
    }

    private async Task<ApplicationDetailViewModel?> DetailModelAsync(int id, CancellationToken cancellationToken)
    {
        var application = await db.ProducerApplications.AsNoTracking().Include(a => a.Region).Include(a => a.Producer)
            .Include(a => a.Products).ThenInclude(p => p.PhotoMedia)
            .Include(a => a.Certificates).ThenInclude(c => c.ScanMedia)
            .AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
        {
            return null;
        }
        var history = await db.AuditEntries.AsNoTracking().Where(a => a.DocumentType == RegistrationController.AuditType && a.DocumentId == id)
            .OrderBy(a => a.AtUtc).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        return new ApplicationDetailViewModel(application, await DuplicatesAsync(application, cancellationToken), history, categories);
    }

    /// <summary>Other applications and producers sharing this one's NIB or email: the officer decides what they mean.</summary>
    private async Task<List<DuplicateFound>> DuplicatesAsync(ProducerApplication application, CancellationToken cancellationToken)
    {
        var email = application.Email.ToLowerInvariant();
        var nib = application.Nib;
#pragma warning disable CA1862 // translated to SQL, where lower() on both sides is what works on SQLite and PostgreSQL alike
        var applications = await db.ProducerApplications.AsNoTracking()
            .Where(a => a.Id != application.Id && (a.Email.ToLower() == email || (nib != null && a.Nib == nib)))
            .Select(a => new { a.Id, a.BusinessName, a.Reference, a.Nib, a.Email, a.Status }).Take(20).ToListAsync(cancellationToken);
        var producers = await db.Producers.AsNoTracking()
            .Where(p => p.Id != application.ProducerId && ((p.Email != null && p.Email.ToLower() == email) || (nib != null && p.Nib == nib)))
            .Select(p => new { p.Id, p.Name, p.Nib, p.Email }).Take(20).ToListAsync(cancellationToken);
#pragma warning restore CA1862
        string Matches(string? otherNib) => nib is not null && otherNib == nib ? "NIB" : "email";
        return
        [
            .. applications.Select(a => new DuplicateFound("application", a.Id, a.BusinessName, a.Reference, Matches(a.Nib), $"/backoffice/applications/{a.Id}")),
            .. producers.Select(p => new DuplicateFound("producer", p.Id, p.Name, null, Matches(p.Nib), $"/backoffice/content/producers/{p.Id}")),
        ];
    }
}
