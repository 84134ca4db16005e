using IkmCatalog.Backoffice;
using IkmCatalog.Catalog;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Media;
using IkmCatalog.Web.Areas.Backoffice.MediaLibrary;
using IkmCatalog.Web.Features;
using IkmCatalog.Web.Localization;
using IkmCatalog.Web.Media;
using IkmCatalog.Web.Views;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IkmCatalog.Web.Areas.Backoffice.Content;

/// <summary>
/// Editing every document type: lists, the edit form (both languages side by side), drafts, send to publish,
/// publish, unpublish, schedules, delete, preview, history with diff and rollback. The type comes from the URL
/// (<c>/backoffice/content/{segment}</c>) through <see cref="DocumentTypes"/>.
/// </summary>
[Route("backoffice/content/{segment}")]
[Authorize(Roles = ContentRoles.Writers)]
public sealed class ContentController(
    IkmDbContext db,
    ContentPublisher publisher,
    OfficeTime time,
    IkmCatalog.Media.MediaLibrary library,
    IStringLocalizer<UiStrings> text) : BackofficeController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string segment, [FromQuery] ContentListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (DocumentTypes.ForSegment(segment) is not { } type)
        {
            return NotFound();
        }
        var (rows, total, page) = await ContentList.FindAsync(db, type, query, time.Today, cancellationToken);
        query.Page = page;
        var lookups = await EditorLookups.ForFiltersAsync(db, cancellationToken);
        return View(new ContentListViewModel(type, query, rows, total, page, Math.Max(1, (total + ContentList.PageSize - 1) / ContentList.PageSize), lookups, time));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(string segment, CancellationToken cancellationToken)
    {
        if (DocumentTypes.ForSegment(segment) is not { } type)
        {
            return NotFound();
        }
        var draft = type.DraftOf(type.Create());
        return View("Edit", await EditModelAsync(type, null, draft, 0, cancellationToken));
    }

    [HttpPost("new")]
    [UploadSizeLimit]
    public Task<IActionResult> Create(string segment, string? intent, CancellationToken cancellationToken) =>
        SubmitAsync(segment, null, intent, cancellationToken);

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(string segment, int id, CancellationToken cancellationToken)
    {
        if (DocumentTypes.ForSegment(segment) is not { } type)
        {
            return NotFound();
        }
        var document = await type.LoadAsync(db, id, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }
        var pending = await publisher.PendingDraftAsync(type, id, cancellationToken);
        var draft = pending is null ? type.DraftOf(document) : type.ReadDraft(pending.Snapshot);
        var latest = await publisher.LatestNumberAsync(type, id, cancellationToken);
        return View(await EditModelAsync(type, id, draft, latest, cancellationToken));
    }

    [HttpPost("{id:int}")]
    [UploadSizeLimit]
    public Task<IActionResult> Update(string segment, int id, string? intent, CancellationToken cancellationToken) =>
        SubmitAsync(segment, id, intent, cancellationToken);

    [HttpPost("{id:int}/publish")]
    [Authorize(Roles = ContentRoles.Publishers)]
    public Task<IActionResult> Publish(string segment, int id, CancellationToken cancellationToken) =>
        WorkflowAsync(segment, id, type => publisher.PublishAsync(type, id, UserName, cancellationToken), cancellationToken);

    [HttpPost("{id:int}/unpublish")]
    [Authorize(Roles = ContentRoles.Publishers)]
    public Task<IActionResult> Unpublish(string segment, int id, CancellationToken cancellationToken) =>
        WorkflowAsync(segment, id, type => publisher.UnpublishAsync(type, id, UserName, cancellationToken), cancellationToken);

    [HttpPost("{id:int}/send")]
    public Task<IActionResult> Send(string segment, int id, CancellationToken cancellationToken) =>
        WorkflowAsync(segment, id, type => publisher.SendForReviewAsync(type, id, UserName, cancellationToken), cancellationToken);

    [HttpPost("{id:int}/return")]
    [Authorize(Roles = ContentRoles.Publishers)]
    public Task<IActionResult> Return(string segment, int id, string? comment, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(comment)
            ? WorkflowAsync(segment, id, _ => Task.FromResult(new PublishResult(PublishStatus.Invalid, DocumentId: id, Errors: [new DraftError("comment", "content.error.comment-required")])), cancellationToken)
            : WorkflowAsync(segment, id, type => publisher.ReturnAsync(type, id, UserName, comment, cancellationToken), cancellationToken);

    [HttpPost("{id:int}/schedule")]
    [Authorize(Roles = ContentRoles.Publishers)]
    public Task<IActionResult> Schedule(string segment, int id, DateTime? publishAt, DateTime? unpublishAt, CancellationToken cancellationToken) =>
        !ModelState.IsValid
            // A time that cannot be read must not pass for "no time" (which cancels the schedule).
            ? WorkflowAsync(segment, id, _ => Task.FromResult(new PublishResult(PublishStatus.Invalid, DocumentId: id, Errors: [new DraftError("publishAt", "content.error.invalid-value")])), cancellationToken)
            : WorkflowAsync(segment, id, type => publisher.ScheduleAsync(type, id,
            publishAt is { } p ? time.ToUtc(p) : null, unpublishAt is { } u ? time.ToUtc(u) : null, UserName, cancellationToken), cancellationToken);

    [HttpPost("{id:int}/delete")]
    [Authorize(Roles = ContentRoles.Publishers)]
    public async Task<IActionResult> Delete(string segment, int id, bool confirm, CancellationToken cancellationToken)
    {
        if (DocumentTypes.ForSegment(segment) is not { } type)
        {
            return NotFound();
        }
        if (!confirm)
        {
            TempData["Error"] = text["content.error.confirm-delete"].Value;
            return RedirectToAction(nameof(Edit), new { segment, id });
        }
        var result = await publisher.DeleteAsync(type, id, UserName, cancellationToken);
        if (result.Status == PublishStatus.NotFound)
        {
            return NotFound();
        }
        if (!result.Succeeded)
        {
            TempData["Error"] = text["content.status." + result.Status].Value;
            return RedirectToAction(nameof(Edit), new { segment, id });
        }
        TempData["Notice"] = text["content.status.Deleted"].Value;
        return RedirectToAction(nameof(Index), new { segment });
    }

    /// <summary>The draft exactly as the public will see it: the public page's view in the active theme, never cached or indexed.</summary>
    [HttpGet("{id:int}/preview")]
    public async Task<IActionResult> Preview(string segment, int id, int? version, CancellationToken cancellationToken)
    {
        if (DocumentTypes.ForSegment(segment) is not { } type)
        {
            return NotFound();
        }
        var snapshot = version is { } number
            ? (await db.ContentVersions.AsNoTracking().FirstOrDefaultAsync(v => v.DocumentType == type.Name && v.DocumentId == id && v.Number == number, cancellationToken))?.Snapshot
            : (await publisher.PendingDraftAsync(type, id, cancellationToken))?.Snapshot;
        var page = await DraftPreview.BuildAsync(db, type, id, snapshot, time.UtcNow, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }
        // Public views resolve as the public controller's would (theme overrides included).
        RouteData.Values.Remove("area");
        RouteData.Values["controller"] = page.Controller;
        ViewData["NoIndex"] = true;
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        return View(page.View, page.Model);
    }

    [HttpGet("{id:int}/history")]
    public async Task<IActionResult> History(string segment, int id, int? number, CancellationToken cancellationToken)
    {
        if (DocumentTypes.ForSegment(segment) is not { } type || await type.FindRefAsync(db, id, cancellationToken) is not { } document)
        {
            return NotFound();
        }
        var versions = await db.ContentVersions.AsNoTracking().Where(v => v.DocumentType == type.Name && v.DocumentId == id)
            .OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        var selected = number is { } n ? versions.FirstOrDefault(v => v.Number == n) : versions.FirstOrDefault();
        var previous = selected is null ? null : versions.FirstOrDefault(v => v.Number < selected.Number);
        var diff = selected is null ? [] : VersionDiff.Compare(previous?.Snapshot, selected.Snapshot);
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.DocumentType == type.Name && a.DocumentId == id)
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Take(100).ToListAsync(cancellationToken);
        return View(new ContentHistoryViewModel(type, document, versions, selected, previous, diff, audit, time));
    }

    [HttpPost("{id:int}/history/{number:int}/rollback")]
    [Authorize(Roles = ContentRoles.Publishers)]
    public Task<IActionResult> Rollback(string segment, int id, int number, CancellationToken cancellationToken) =>
        WorkflowAsync(segment, id, type => publisher.RollbackAsync(type, id, number, UserName, cancellationToken), cancellationToken);

    private bool IsPublisher => User.IsInRole(EditorRoles.Admin) || User.IsInRole(EditorRoles.Editor);

#pragma warning disable IDE0060 // the token is the action's; each workflow call passes it on itself
    private async Task<IActionResult> WorkflowAsync(string segment, int id, Func<DocumentType, Task<PublishResult>> action, CancellationToken cancellationToken)
#pragma warning restore IDE0060
    {
        if (DocumentTypes.ForSegment(segment) is not { } type)
        {
            return NotFound();
        }
        var result = await action(type);
        if (result.Status == PublishStatus.NotFound)
        {
            return NotFound();
        }
        if (result.Succeeded)
        {
            TempData["Notice"] = text["content.status." + result.Status, result.Version].Value;
        }
        else
        {
            TempData["Error"] = string.Join(" ", new[] { text["content.status." + result.Status].Value }
                .Concat((result.Errors ?? []).Select(e => Describe(e))));
        }
        return RedirectToAction(nameof(Edit), new { segment, id });
    }

    /// <summary>
    /// Every submit of the edit form: binds the draft, applies form actions that only change the form (add a
    /// certificate, move or remove a photo, add photos from the library or uploads), then saves, sends or
    /// publishes — or shows the form again with the messages next to the fields and everything typed kept.
    /// </summary>
    private async Task<IActionResult> SubmitAsync(string segment, int? id, string? intent, CancellationToken cancellationToken)
    {
        if (DocumentTypes.ForSegment(segment) is not { } type)
        {
            return NotFound();
        }
        intent ??= "save";
        if (intent == "publish" && !IsPublisher)
        {
            return Forbid();
        }
        var draft = (IDraft)Activator.CreateInstance(type.DraftType)!;
        await TryUpdateModelAsync(draft, type.DraftType, "Draft");
        BlankFields.Restore(draft);
        LocalizeBindingErrors();
        _ = int.TryParse(Request.Form["BasedOn"], out var basedOn);
        if (draft is Events.EventDraft e)
        {
            // Typed as the venue's wall-clock time in the zone chosen beside it.
            e.StartsAtUtc = EventTime(Request.Form["StartsLocal"], e.UtcOffsetMinutes, "StartsLocal");
            e.EndsAtUtc = EventTime(Request.Form["EndsLocal"], e.UtcOffsetMinutes, "EndsLocal");
            e.RegistrationClosesAtUtc = EventTime(Request.Form["RegistrationClosesLocal"], e.UtcOffsetMinutes, "RegistrationClosesLocal") is var closes && closes != default ? closes : null;
        }

        await AddPhotosAsync(draft, cancellationToken);
        if (FormAction(draft, intent))
        {
            ModelState.Clear(); // the form changed shape: show it again without stale messages
            return View("Edit", await EditModelAsync(type, id, draft, basedOn, cancellationToken));
        }
        if (!ModelState.IsValid)
        {
            // Every message at once: the draft's own rules for the fields that could be read.
            AddDraftErrors(await publisher.ValidateAsync(type, id ?? 0, draft, cancellationToken));
            return View("Edit", await EditModelAsync(type, id, draft, basedOn, cancellationToken));
        }

        var saved = await publisher.SaveDraftAsync(type, id, draft, UserName, id is null ? null : basedOn, cancellationToken);
        if (saved.Status == PublishStatus.NotFound)
        {
            return NotFound();
        }
        if (saved.Status == PublishStatus.Conflict)
        {
            var latest = await db.ContentVersions.AsNoTracking().Where(v => v.DocumentType == type.Name && v.DocumentId == id)
                .OrderByDescending(v => v.Number).FirstAsync(cancellationToken);
            ModelState.AddModelError("", text["content.error.conflict", latest.CreatedBy, time.ToLocal(latest.CreatedAtUtc).ToString("HH.mm", ViewFormat.Format), time.ZoneName]);
            // The editor's text stays in the form; saving again (after a look at the history) goes on from the latest version.
            return View("Edit", await EditModelAsync(type, id, draft, latest.Number, cancellationToken));
        }
        if (!saved.Succeeded)
        {
            AddDraftErrors(saved.Errors ?? []);
            return View("Edit", await EditModelAsync(type, id, draft, basedOn, cancellationToken));
        }

        var followUp = intent switch
        {
            "publish" => await publisher.PublishAsync(type, saved.DocumentId, UserName, cancellationToken),
            "send" => await publisher.SendForReviewAsync(type, saved.DocumentId, UserName, cancellationToken),
            _ => saved,
        };
        TempData[followUp.Succeeded ? "Notice" : "Error"] = text["content.status." + followUp.Status, followUp.Version].Value;
        return RedirectToAction(nameof(Edit), new { segment, id = saved.DocumentId });
    }

    /// <summary>Photos ticked in the library list or uploaded with the form join the draft (products: at the end; others: as the image).</summary>
    private async Task AddPhotosAsync(IDraft draft, CancellationToken cancellationToken)
    {
        var picked = Request.Form["AddMedia"].Select(v => int.TryParse(v, out var m) ? m : 0).Where(m => m > 0).ToList();
        foreach (var file in Request.Form.Files.Where(f => f.Name == "Uploads" && f.Length > 0))
        {
            await using var content = file.OpenReadStream();
            var result = await library.UploadAsync(new MediaUpload(content, file.FileName, UserName)
            {
                DeclaredContentType = file.ContentType,
                Alt = draft.Title,
            }, cancellationToken);
            if (result.Succeeded && result.Item!.Kind == MediaKind.Image)
            {
                picked.Add(result.Item.Id);
            }
            else
            {
                ModelState.AddModelError("Uploads", result.Succeeded ? text["content.error.photo-expected"].Value : $"{file.FileName}: {result.Describe(text)}");
            }
        }
        foreach (var media in picked)
        {
            switch (draft)
            {
                case ProductDraft p when p.Images.All(i => i.MediaItemId != media):
                    p.Images.Add(new ImageDraft { MediaItemId = media });
                    break;
                case Producers.ProducerDraft p:
                    p.ImageId = media;
                    break;
                case Stories.StoryDraft s:
                    s.ImageId = media;
                    break;
                case Events.EventDraft e:
                    e.ImageId = media;
                    break;
            }
        }
    }

    /// <summary>Buttons that change the form without saving; true when <paramref name="intent"/> was one.</summary>
    private static bool FormAction(IDraft draft, string intent)
    {
        var images = (draft as ProductDraft)?.Images;
        var (verb, index) = intent.LastIndexOf(':') is var colon and > 0 && int.TryParse(intent[(colon + 1)..], out var i)
            ? (intent[..colon], i) : (intent, -1);
        switch (verb)
        {
            case "add-photos":
                return true;
            case "image-up" when images is not null && index > 0 && index < images.Count:
                (images[index - 1], images[index]) = (images[index], images[index - 1]);
                return true;
            case "image-down" when images is not null && index >= 0 && index < images.Count - 1:
                (images[index + 1], images[index]) = (images[index], images[index + 1]);
                return true;
            case "image-remove" when images is not null && index >= 0 && index < images.Count:
                images.RemoveAt(index);
                return true;
            case "image-clear" when draft is Producers.ProducerDraft p:
                p.ImageId = null;
                return true;
            case "image-clear" when draft is Stories.StoryDraft s:
                s.ImageId = null;
                return true;
            case "image-clear" when draft is Events.EventDraft e:
                e.ImageId = null;
                return true;
            default:
                return false;
        }
    }

    private void LocalizeBindingErrors() => BindingMessages.Localize(ModelState, text["content.error.invalid-value"].Value);

    /// <summary>The draft's rule messages next to their fields (event times next to the local-time inputs); a field that already has a message keeps it.</summary>
    private void AddDraftErrors(IEnumerable<DraftError> errors)
    {
        foreach (var error in errors)
        {
            var key = error.Field switch
            {
                "" => "",
                "StartsAtUtc" => "StartsLocal",
                "EndsAtUtc" => "EndsLocal",
                "RegistrationClosesAtUtc" => "RegistrationClosesLocal",
                _ => "Draft." + error.Field,
            };
            if (key.Length == 0 || ModelState.GetFieldValidationState(key) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                ModelState.AddModelError(key, Describe(error));
            }
        }
    }

    private DateTime EventTime(string? local, int offsetMinutes, string field)
    {
        if (string.IsNullOrWhiteSpace(local))
        {
            return default;
        }
        if (!DateTime.TryParse(local, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
        {
            ModelState.AddModelError(field, text["content.error.invalid-value"]);
            return default;
        }
        return DateTime.SpecifyKind(parsed.AddMinutes(-offsetMinutes), DateTimeKind.Utc);
    }

    private string Describe(DraftError error) =>
        text[error.Message, error.Arguments].Value;

    private async Task<ContentEditViewModel> EditModelAsync(DocumentType type, int? id, IDraft draft, int basedOn, CancellationToken cancellationToken)
    {
        ContentStatus? status = null;
        string? publicUrl = null;
        if (id is { } documentId && await type.FindRefAsync(db, documentId, cancellationToken) is { } document)
        {
            status = await StatusAsync(type, documentId, cancellationToken);
            if (status.Public)
            {
                publicUrl = Url.Localized(type.RouteName, new { slug = document.Slug }, Cultures.Indonesian);
            }
        }
        return new ContentEditViewModel(type, id, draft, basedOn, status, await EditorLookups.LoadAsync(db, draft, cancellationToken), publicUrl, time);
    }

    private async Task<ContentStatus> StatusAsync(DocumentType type, int id, CancellationToken cancellationToken)
    {
        var state = await type.StateAsync(db, id, cancellationToken);
        var isPublic = await type.IsPublicAsync(db, id, time.UtcNow, cancellationToken);
        var schedules = await db.ScheduledActions.AsNoTracking().Where(a => a.DocumentType == type.Name && a.DocumentId == id && a.CompletedAtUtc == null)
            .OrderBy(a => a.DueAtUtc).ToListAsync(cancellationToken);
        return new ContentStatus(state, isPublic, await publisher.PendingDraftAsync(type, id, cancellationToken), schedules,
            await publisher.LatestNumberAsync(type, id, cancellationToken));
    }
}
