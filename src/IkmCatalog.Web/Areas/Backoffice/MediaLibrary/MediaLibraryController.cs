using System.ComponentModel.DataAnnotations;
using IkmCatalog.Backoffice;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Media;
using IkmCatalog.Web.Localization;
using IkmCatalog.Web.Media;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Areas.Backoffice.MediaLibrary;

/// <summary>Alt text and credits as the editor types them; the focal point in percent of width and height.</summary>
public sealed class MediaDetailsForm
{
    [StringLength(300, ErrorMessage = "validation.max-length")]
    [Display(Name = "backoffice.media.alt-id")]
    public string? AltIndonesian { get; set; }

    [StringLength(300, ErrorMessage = "validation.max-length")]
    [Display(Name = "backoffice.media.alt-en")]
    public string? AltEnglish { get; set; }

    [Range(0, 100, ErrorMessage = "validation.range")]
    [Display(Name = "backoffice.media.focal-x")]
    public double FocalXPercent { get; set; } = 50;

    [Range(0, 100, ErrorMessage = "validation.range")]
    [Display(Name = "backoffice.media.focal-y")]
    public double FocalYPercent { get; set; } = 50;

    [StringLength(200, ErrorMessage = "validation.max-length")]
    [Display(Name = "backoffice.media.credit")]
    public string? Credit { get; set; }

    [StringLength(200, ErrorMessage = "validation.max-length")]
    [Display(Name = "backoffice.media.licence")]
    public string? Licence { get; set; }

    public LocalizedText Alt => new((AltIndonesian ?? "").Trim(), string.IsNullOrWhiteSpace(AltEnglish) ? null : AltEnglish.Trim());

    public static MediaDetailsForm From(MediaItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new()
        {
            AltIndonesian = item.Alt.Indonesian,
            AltEnglish = item.Alt.English,
            FocalXPercent = Math.Round(item.FocalX * 100, 1),
            FocalYPercent = Math.Round(item.FocalY * 100, 1),
            Credit = item.Credit,
            Licence = item.Licence,
        };
    }
}

public sealed record MediaUsage(string Kind, string Name);

public sealed record MediaListViewModel(IReadOnlyList<MediaItem> Items, int Page, int Pages, int Total, string? Query, MediaDetailsForm Upload, long MaxUploadBytes);

public sealed record MediaEditViewModel(MediaItem Item, MediaDetailsForm Details, IReadOnlyList<MediaUsage> UsedBy);

/// <summary>
/// The media library: every photo and certificate scan, upload with content checks, alt text and focal point,
/// replace, delete. Refusals come back from <see cref="IkmCatalog.Media.MediaLibrary"/> as messages in the editor's language.
/// </summary>
[Route("backoffice/media")]
public sealed class MediaLibraryController(
    IkmDbContext db,
    IkmCatalog.Media.MediaLibrary library,
    IOptions<MediaOptions> options,
    IStringLocalizer<UiStrings> text) : BackofficeController
{
    private const int PageSize = 40;
    private const string Writers = $"{EditorRoles.Admin},{EditorRoles.Editor},{EditorRoles.Writer},{EditorRoles.Curator}";
    private const string Publishers = $"{EditorRoles.Admin},{EditorRoles.Editor}";

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int page = 1, CancellationToken cancellationToken = default)
    {
        AddRedirectedUploadError("file");
        return View(await ListAsync(q, page, new MediaDetailsForm(), cancellationToken));
    }

    [HttpPost("upload")]
    [Authorize(Roles = Writers)]
    [UploadSizeLimit]
    public async Task<IActionResult> Upload(IFormFile? file, [Bind(Prefix = "Upload")] MediaDetailsForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", text["media.error.empty"]);
        }
        if (!ModelState.IsValid)
        {
            return View(nameof(Index), await ListAsync(null, 1, form, cancellationToken));
        }
        await using var content = file!.OpenReadStream();
        var result = await library.UploadAsync(new MediaUpload(content, file.FileName, UserName)
        {
            DeclaredContentType = file.ContentType,
            Alt = form.Alt,
            Credit = form.Credit,
            Licence = form.Licence,
            FocalX = form.FocalXPercent / 100,
            FocalY = form.FocalYPercent / 100,
        }, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("file", result.Describe(text)!);
            return View(nameof(Index), await ListAsync(null, 1, form, cancellationToken));
        }
        TempData["Notice"] = text["backoffice.media.uploaded", result.Item!.FileName].Value;
        return RedirectToAction(nameof(Edit), new { id = result.Item.Id });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        AddRedirectedUploadError("replace");
        var item = await FindAsync(id, cancellationToken);
        return item is null ? NotFound() : View(await EditModelAsync(item, MediaDetailsForm.From(item), cancellationToken));
    }

    [HttpPost("{id:int}")]
    [Authorize(Roles = Writers)]
    public async Task<IActionResult> Edit(int id, [Bind(Prefix = "Details")] MediaDetailsForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (ModelState.IsValid)
        {
            var result = await library.UpdateDetailsAsync(id, new MediaDetails(form.Alt, form.FocalXPercent / 100, form.FocalYPercent / 100, form.Credit, form.Licence), UserName, cancellationToken);
            if (result.Status == MediaStatus.NotFound)
            {
                return NotFound();
            }
            if (result.Succeeded)
            {
                TempData["Notice"] = text["backoffice.media.saved"].Value;
                return RedirectToAction(nameof(Edit), new { id });
            }
            ModelState.AddModelError("", result.Describe(text)!);
        }
        var item = await FindAsync(id, cancellationToken);
        return item is null ? NotFound() : View(await EditModelAsync(item, form, cancellationToken));
    }

    [HttpPost("{id:int}/replace")]
    [Authorize(Roles = Writers)]
    [UploadSizeLimit]
    public async Task<IActionResult> Replace(int id, IFormFile? file, CancellationToken cancellationToken)
    {
        var item = await FindAsync(id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }
        if (!User.IsInRole(EditorRoles.Admin) && !User.IsInRole(EditorRoles.Editor) && await UsedByPublicContentAsync(id, cancellationToken))
        {
            // Replacing a photo that published content shows puts the new one live: that is publishing.
            return Forbid();
        }
        string? error;
        if (file is null || file.Length == 0)
        {
            error = text["media.error.empty"];
        }
        else
        {
            await using var content = file.OpenReadStream();
            var result = await library.ReplaceAsync(id, content, file.FileName, UserName, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Notice"] = text["backoffice.media.replaced"].Value;
                return RedirectToAction(nameof(Edit), new { id });
            }
            error = result.Describe(text);
        }
        ModelState.AddModelError("replace", error!);
        return View(nameof(Edit), await EditModelAsync(item, MediaDetailsForm.From(item), cancellationToken));
    }

    [HttpPost("{id:int}/delete")]
    [Authorize(Roles = Publishers)]
    public async Task<IActionResult> Delete(int id, bool confirm, CancellationToken cancellationToken)
    {
        var item = await FindAsync(id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }
        if (!confirm)
        {
            ModelState.AddModelError("confirm", text["backoffice.media.confirm-required"]);
            return View(nameof(Edit), await EditModelAsync(item, MediaDetailsForm.From(item), cancellationToken));
        }
        var result = await library.DeleteAsync(id, UserName, cancellationToken);
        TempData["Notice"] = result.Succeeded ? text["backoffice.media.deleted", item.FileName].Value : result.Describe(text);
        return RedirectToAction(nameof(Index));
    }

    private async Task<bool> UsedByPublicContentAsync(int id, CancellationToken cancellationToken)
    {
        foreach (var type in DocumentTypes.All)
        {
            foreach (var document in await type.UsingMediaAsync(db, id, cancellationToken))
            {
                if (await type.IsPublicAsync(db, document.Id, DateTime.UtcNow, cancellationToken))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private Task<MediaItem?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Media.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);

    /// <summary>An upload refused before it was read (<see cref="UploadSizeLimitAttribute"/>) comes back here.</summary>
    private void AddRedirectedUploadError(string field)
    {
        if (TempData[UploadSizeLimitAttribute.ErrorKey] is string error)
        {
            ModelState.AddModelError(field, error);
        }
    }

    private async Task<MediaListViewModel> ListAsync(string? q, int page, MediaDetailsForm upload, CancellationToken cancellationToken)
    {
        var query = db.Media.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            // Lower-cased on both sides: LIKE is case-sensitive on PostgreSQL and not on SQLite.
            var pattern = LikePattern.Contains(q);
            query = query.Where(m => EF.Functions.Like(m.FileName, pattern, "\\")
                || EF.Functions.Like(m.OriginalFileName.ToLower(), pattern, "\\")
                || EF.Functions.Like(m.Alt.Indonesian.ToLower(), pattern, "\\")
                || (m.Alt.English != null && EF.Functions.Like(m.Alt.English.ToLower(), pattern, "\\")));
        }
        var total = await query.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var items = await query.OrderByDescending(m => m.UploadedAtUtc).ThenByDescending(m => m.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new MediaListViewModel(items, page, pages, total, q, upload, options.Value.MaxUploadBytes);
    }

    /// <summary>Where the item appears, so nobody deletes a photo a product page still shows without knowing.</summary>
    private async Task<MediaEditViewModel> EditModelAsync(MediaItem item, MediaDetailsForm form, CancellationToken cancellationToken)
    {
        var usedBy = new List<MediaUsage>();
        foreach (var type in DocumentTypes.All)
        {
            usedBy.AddRange((await type.UsingMediaAsync(db, item.Id, cancellationToken)).Select(d => new MediaUsage(type.Name.ToLowerInvariant(), d.Title.Indonesian)));
        }
        return new MediaEditViewModel(item, form, usedBy);
    }
}
