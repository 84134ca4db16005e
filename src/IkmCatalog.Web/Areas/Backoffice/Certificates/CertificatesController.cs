using IkmCatalog.Backoffice;
using IkmCatalog.Certifications;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Media;
using IkmCatalog.Web.Areas.Backoffice.MediaLibrary;
using IkmCatalog.Web.Localization;
using IkmCatalog.Web.Media;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IkmCatalog.Web.Areas.Backoffice.Certificates;

/// <summary>
/// The certification registry: every certificate of every product and producer, entered by the office or by the
/// producer, with its scan; officers verify or reject them, and only verified, valid ones are shown publicly.
/// Admins, Editors and Curators work here; verifying and rejecting is for Admins and Curators.
/// </summary>
[Route("backoffice/certificates")]
[Authorize(Roles = CertificateRoles.Programme)]
public sealed class CertificatesController(
    IkmDbContext db, CertificateRegistry registry, IkmCatalog.Media.MediaLibrary library, IMediaStore store, OfficeTime time, IStringLocalizer<UiStrings> text)
    : BackofficeController
{
    private const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] CertificateFilter filter, CancellationToken cancellationToken) =>
        View(await CertificateList.BuildAsync(db, filter, time.Today, PageSize, cancellationToken));

    [HttpGet("add")]
    public async Task<IActionResult> Add(int? productId, int? producerId, CancellationToken cancellationToken)
    {
        var form = new CertificateForm { Owner = productId is { } p ? $"product:{p}" : producerId is { } q ? $"producer:{q}" : null };
        return View(await FormModelAsync(form, null, cancellationToken));
    }

    [HttpPost("add")]
    public async Task<IActionResult> Add([FromForm] CertificateForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (productId, producerId) = form.OwnerIds();
        var result = await registry.AddAsync(form.ToInput(productId, producerId), UserName, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return View(await FormModelAsync(form, null, cancellationToken));
        }
        TempData["Notice"] = text["certificates.added"].Value;
        return RedirectToAction(nameof(Detail), new { id = result.Certificate!.Id });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Detail(int id, CancellationToken cancellationToken)
    {
        if (TempData[UploadSizeLimitAttribute.ErrorKey] is string uploadError)
        {
            ModelState.AddModelError("file", uploadError);
        }
        var certificate = await LoadAsync(id, cancellationToken);
        return certificate is null ? NotFound() : View(await FormModelAsync(CertificateForm.From(certificate), certificate, cancellationToken));
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Edit(int id, [FromForm] CertificateForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await registry.UpdateAsync(id, form.ToInput(null, null), UserName, cancellationToken);
        if (result.Status == CertificateStatus.NotFound)
        {
            return NotFound();
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors.Where(e => e.Field != "Owner"));
            db.ChangeTracker.Clear();
            return View(nameof(Detail), await FormModelAsync(form, await LoadAsync(id, cancellationToken), cancellationToken));
        }
        TempData["Notice"] = text["certificates.saved"].Value;
        return RedirectToAction(nameof(Detail), new { id });
    }

    [HttpPost("{id:int}/scan")]
    [UploadSizeLimit]
    public async Task<IActionResult> Scan(int id, IFormFile? file, CancellationToken cancellationToken)
    {
        var certificate = await LoadAsync(id, cancellationToken);
        if (certificate is null)
        {
            return NotFound();
        }
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", text["media.error.empty"]);
            return View(nameof(Detail), await FormModelAsync(CertificateForm.From(certificate), certificate, cancellationToken));
        }
        await using var content = file.OpenReadStream();
        var uploaded = await library.UploadAsync(new MediaUpload(content, file.FileName, UserName)
        {
            DeclaredContentType = file.ContentType,
            Alt = new LocalizedText(text["certificates.scan-alt", Certification.Code(certificate.Type).ToUpperInvariant(), certificate.Number].Value, null),
        }, cancellationToken);
        if (!uploaded.Succeeded)
        {
            ModelState.AddModelError("file", uploaded.Describe(text)!);
            return View(nameof(Detail), await FormModelAsync(CertificateForm.From(certificate), certificate, cancellationToken));
        }
        db.ChangeTracker.Clear();
        await registry.AttachScanAsync(id, uploaded.Item!.Id, UserName, cancellationToken);
        TempData["Notice"] = text["certificates.scan-saved"].Value;
        return RedirectToAction(nameof(Detail), new { id });
    }

    /// <summary>The scan, for signed-in office staff only: it is never linked from, nor served to, the public site.</summary>
    [HttpGet("{id:int}/scan")]
    public async Task<IActionResult> ViewScan(int id, CancellationToken cancellationToken)
    {
        var media = await db.Certifications.AsNoTracking().Where(c => c.Id == id).Select(c => c.DocumentMedia).FirstOrDefaultAsync(cancellationToken);
        if (media is null || await store.OpenReadAsync(media.StorageKey, cancellationToken) is not { } stream)
        {
            return NotFound();
        }
        Response.Headers.ContentDisposition = $"inline; filename=\"{media.FileName}\"";
        return File(stream, media.ContentType);
    }

    [HttpPost("{id:int}/verify")]
    [Authorize(Roles = CertificateRoles.Curators)]
    public async Task<IActionResult> Verify(int id, CancellationToken cancellationToken)
    {
        var result = await registry.VerifyAsync(id, UserName, cancellationToken);
        if (!result.Succeeded)
        {
            return NotFound();
        }
        TempData["Notice"] = text["certificates.verified"].Value;
        return RedirectToAction(nameof(Detail), new { id });
    }

    [HttpPost("{id:int}/reject")]
    [Authorize(Roles = CertificateRoles.Curators)]
    public async Task<IActionResult> Reject(int id, string? note, CancellationToken cancellationToken)
    {
        var result = await registry.RejectAsync(id, note, UserName, cancellationToken);
        if (result.Status == CertificateStatus.NotFound)
        {
            return NotFound();
        }
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            db.ChangeTracker.Clear();
            var certificate = (await LoadAsync(id, cancellationToken))!;
            return View(nameof(Detail), await FormModelAsync(CertificateForm.From(certificate), certificate, cancellationToken));
        }
        TempData["Notice"] = text["certificates.rejected"].Value;
        return RedirectToAction(nameof(Detail), new { id });
    }

    private Task<Certification?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.Certifications.AsNoTracking()
            .Include(c => c.Product).ThenInclude(p => p!.Producer).ThenInclude(p => p.Region)
            .Include(c => c.Producer).ThenInclude(p => p!.Region)
            .Include(c => c.DocumentMedia)
            .AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    private async Task<CertificateFormViewModel> FormModelAsync(CertificateForm form, Certification? certificate, CancellationToken cancellationToken)
    {
        var types = await db.CertificationTypes.AsNoTracking().ToDictionaryAsync(t => t.Type, t => t.NumberExample, cancellationToken);
        IReadOnlyList<OwnerOption> owners = [];
        if (certificate is null)
        {
            var producers = await db.Producers.AsNoTracking().OrderBy(p => p.Name)
                .Select(p => new OwnerOption($"producer:{p.Id}", p.Name, null)).ToListAsync(cancellationToken);
            var products = await db.Products.AsNoTracking().OrderBy(p => p.Producer.Name).ThenBy(p => p.Name.Indonesian)
                .Select(p => new OwnerOption($"product:{p.Id}", p.Name.Indonesian, p.Producer.Name)).ToListAsync(cancellationToken);
            owners = [.. producers, .. products];
        }
        var canReview = User.IsInRole(EditorRoles.Admin) || User.IsInRole(EditorRoles.Curator);
        return new CertificateFormViewModel(form, certificate, owners, types, canReview, time.Today, time);
    }

    private void AddErrors(IEnumerable<DraftError> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, text[error.Message, error.Arguments]);
        }
    }
}
