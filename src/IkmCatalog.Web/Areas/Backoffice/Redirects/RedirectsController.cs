using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using IkmCatalog.Backoffice;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Web.Localization;
using IkmCatalog.Web.Views;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IkmCatalog.Web.Areas.Backoffice.Redirects;

/// <summary>A new redirect as the editor types it: the old slug and the current slug of the document it leads to.</summary>
public sealed partial class RedirectForm
{
    [Display(Name = "backoffice.redirects.type")]
    public string? DocumentType { get; set; }

    [Required(ErrorMessage = "validation.required")]
    [StringLength(160, ErrorMessage = "validation.max-length")]
    [Display(Name = "backoffice.redirects.old-slug")]
    public string? OldSlug { get; set; }

    [Required(ErrorMessage = "validation.required")]
    [StringLength(160, ErrorMessage = "validation.max-length")]
    [Display(Name = "backoffice.redirects.target")]
    public string? TargetSlug { get; set; }

    public static bool IsSlug(string value) => SlugPattern().IsMatch(value);

    [GeneratedRegex("^[a-z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}

public sealed record RedirectRow(SlugRedirect Redirect, DocumentRef? Target);

public sealed record RedirectListViewModel(
    IReadOnlyList<RedirectRow> Rows, int Page, int Pages, int Total, string? Query, RedirectForm Add, bool CanEdit)
{
    /// <summary>The redirect whose removal was sent without the confirmation ticked.</summary>
    public int? Unconfirmed { get; init; }
}

/// <summary>
/// Old slugs of documents and where they lead: everyone may look, Admins and Editors add and remove. The public
/// site answers an old slug with a permanent redirect to the document's current address.
/// </summary>
[Route("backoffice/redirects")]
public sealed class RedirectsController(IkmDbContext db, TimeProvider clock, IStringLocalizer<UiStrings> text) : BackofficeController
{
    private const int PageSize = 40;
    private const string Publishers = $"{EditorRoles.Admin},{EditorRoles.Editor}";

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int page = 1, CancellationToken cancellationToken = default) =>
        View(await ListAsync(q, page, new RedirectForm(), cancellationToken));

    [HttpPost("add")]
    [Authorize(Roles = Publishers)]
    public async Task<IActionResult> Add([Bind(Prefix = "Add")] RedirectForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.OldSlug = form.OldSlug?.Trim();
        form.TargetSlug = form.TargetSlug?.Trim();
        var target = await CheckAsync(form, cancellationToken);
        if (target is null || !ModelState.IsValid)
        {
            return View(nameof(Index), await ListAsync(null, 1, form, cancellationToken));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.SlugRedirects.Add(new SlugRedirect { DocumentType = form.DocumentType!, OldSlug = form.OldSlug!, DocumentId = target.Id, CreatedAtUtc = now });
        db.AuditEntries.Add(new AuditEntry { DocumentType = form.DocumentType!, DocumentId = target.Id, Action = "redirect-add", User = UserName, AtUtc = now, Detail = form.OldSlug });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone else added the same old slug a moment ago and the unique index caught it; anything else is a bug.
            db.ChangeTracker.Clear();
            if (await AlreadyRedirectsAsync(DocumentTypes.Find(form.DocumentType)!, form.OldSlug!, cancellationToken) is not { } taken)
            {
                throw;
            }
            ModelState.AddModelError("Add.OldSlug", taken);
            return View(nameof(Index), await ListAsync(null, 1, form, cancellationToken));
        }
        TempData["Notice"] = text["backoffice.redirects.added", form.OldSlug!].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/delete")]
    [Authorize(Roles = Publishers)]
    public async Task<IActionResult> Remove(int id, bool confirm, string? q, int page = 1, CancellationToken cancellationToken = default)
    {
        var redirect = await db.SlugRedirects.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (redirect is null)
        {
            return NotFound();
        }
        if (!confirm)
        {
            ModelState.AddModelError("confirm", text["backoffice.redirects.confirm-required"]);
            return View(nameof(Index), await ListAsync(q, page, new RedirectForm(), cancellationToken) with { Unconfirmed = id });
        }
        db.SlugRedirects.Remove(redirect);
        db.AuditEntries.Add(new AuditEntry
        {
            DocumentType = redirect.DocumentType,
            DocumentId = redirect.DocumentId,
            Action = "redirect-remove",
            User = UserName,
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Detail = redirect.OldSlug,
        });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = text["backoffice.redirects.removed", redirect.OldSlug].Value;
        return RedirectToAction(nameof(Index), new { q = string.IsNullOrWhiteSpace(q) ? null : q, page = page > 1 ? page : (int?)null });
    }

    /// <summary>Adds a message next to each field that is wrong; the target when everything is right.</summary>
    private async Task<DocumentRef?> CheckAsync(RedirectForm form, CancellationToken cancellationToken)
    {
        var knownType = DocumentTypes.Find(form.DocumentType) is not null;
        if (!knownType)
        {
            ModelState.AddModelError("Add.DocumentType", text["backoffice.redirects.error.type"]);
        }
        var oldSlugChecked = ModelState.GetFieldValidationState("Add.OldSlug") != ModelValidationState.Invalid;
        if (oldSlugChecked && !RedirectForm.IsSlug(form.OldSlug!))
        {
            ModelState.AddModelError("Add.OldSlug", text["backoffice.redirects.error.slug"]);
            oldSlugChecked = false;
        }
        if (!knownType)
        {
            return null;
        }
        var type = DocumentTypes.Find(form.DocumentType)!;
        if (oldSlugChecked)
        {
            if (await type.FindBySlugAsync(db, form.OldSlug!, cancellationToken) is { } current)
            {
                ModelState.AddModelError("Add.OldSlug", text["backoffice.redirects.error.current", current.Title.For(ViewFormat.Culture)]);
            }
            else if (await AlreadyRedirectsAsync(type, form.OldSlug!, cancellationToken) is { } taken)
            {
                ModelState.AddModelError("Add.OldSlug", taken);
            }
        }
        if (ModelState.GetFieldValidationState("Add.TargetSlug") == ModelValidationState.Invalid)
        {
            return null;
        }
        var target = await type.FindBySlugAsync(db, form.TargetSlug!, cancellationToken);
        if (target is null)
        {
            ModelState.AddModelError("Add.TargetSlug", text["backoffice.redirects.error.target", form.TargetSlug!]);
        }
        return target;
    }

    /// <summary>The refusal for an old slug that already redirects, naming where it leads; null when it does not.</summary>
    private async Task<string?> AlreadyRedirectsAsync(DocumentType type, string oldSlug, CancellationToken cancellationToken)
    {
        var existing = await db.SlugRedirects.AsNoTracking().FirstOrDefaultAsync(r => r.DocumentType == type.Name && r.OldSlug == oldSlug, cancellationToken);
        if (existing is null)
        {
            return null;
        }
        var leadsTo = await type.FindRefAsync(db, existing.DocumentId, cancellationToken);
        return text["backoffice.redirects.error.exists", leadsTo?.Slug ?? $"#{existing.DocumentId}"];
    }

    private async Task<RedirectListViewModel> ListAsync(string? q, int page, RedirectForm add, CancellationToken cancellationToken)
    {
        var query = db.SlugRedirects.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            // Slugs are lower-case; LIKE is case-sensitive on PostgreSQL and not on SQLite.
            var pattern = LikePattern.Contains(q);
            query = query.Where(r => EF.Functions.Like(r.OldSlug, pattern, "\\"));
        }
        var total = await query.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var redirects = await query.OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);

        // The targets' current slugs and names, from the document-type registry.
        var targets = new Dictionary<(string, int), DocumentRef>();
        foreach (var redirect in redirects)
        {
            if (DocumentTypes.Find(redirect.DocumentType) is { } type && !targets.ContainsKey((type.Name, redirect.DocumentId))
                && await type.FindRefAsync(db, redirect.DocumentId, cancellationToken) is { } target)
            {
                targets[(type.Name, target.Id)] = target;
            }
        }
        var rows = redirects.Select(r => new RedirectRow(r, targets.GetValueOrDefault((r.DocumentType, r.DocumentId)))).ToList();
        var canEdit = User.IsInRole(EditorRoles.Admin) || User.IsInRole(EditorRoles.Editor);
        return new RedirectListViewModel(rows, page, pages, total, q, add, canEdit);
    }
}
