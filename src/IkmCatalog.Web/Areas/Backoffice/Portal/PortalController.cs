using System.Globalization;
using IkmCatalog.Catalog;
using IkmCatalog.Certifications;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Inquiries;
using IkmCatalog.Media;
using IkmCatalog.Producers;
using IkmCatalog.Web.Areas.Backoffice.Account;
using IkmCatalog.Web.Areas.Backoffice.Content;
using IkmCatalog.Web.Areas.Backoffice.MediaLibrary;
using IkmCatalog.Web.Localization;
using IkmCatalog.Web.Media;
using IkmCatalog.Web.Views;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IkmCatalog.Web.Areas.Backoffice.Portal;

/// <summary>
/// A producer's portal: its page, its products, its certificates and the inquiries the office forwarded to it. Every
/// query is limited to the producer of the signed-in account (its claim, never an id from the form), and every edit
/// is saved as a draft and sent to the office for publishing: nothing here puts anything live.
/// </summary>
[Route("backoffice/portal")]
[Authorize(Policy = BackofficePolicies.Producer)]
public sealed class PortalController(
    IkmDbContext db, ContentPublisher publisher, IkmCatalog.Media.MediaLibrary library, CertificateRegistry registry, OfficeTime time,
    IStringLocalizer<UiStrings> text) : SignedInController
{
    private static readonly DocumentType ProducerType = DocumentTypes.Producer;
    private static readonly DocumentType ProductType = DocumentTypes.Product;

    /// <summary>The policy guarantees the claim; this producer is the only one the portal shows.</summary>
    private int ProducerId => ProducerClaims.ProducerIdOf(User) ?? throw new InvalidOperationException("A portal request without a producer.");

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var producer = await db.Producers.AsNoTracking().Where(p => p.Id == ProducerId).Select(p => new { p.Name, p.Slug }).FirstOrDefaultAsync(cancellationToken);
        if (producer is null)
        {
            return NotFound();
        }
        var products = await db.Products.AsNoTracking().Where(p => p.ProducerId == ProducerId).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        var rows = new List<PortalProductRow>();
        foreach (var product in products)
        {
            rows.Add(new PortalProductRow(product.Id, product.Name, await StatusAsync(ProductType, product.Id, cancellationToken)));
        }
        var inquiries = await ForwardedInquiriesAsync(cancellationToken);
        return View(new PortalHomeViewModel(producer.Name, producer.Slug, await StatusAsync(ProducerType, ProducerId, cancellationToken), rows,
            await CertificatesAsync(cancellationToken), inquiries, time.Today));
    }

    // ---- The producer's page ----

    [HttpGet("page")]
    public async Task<IActionResult> Page(CancellationToken cancellationToken)
    {
        var (draft, basedOn) = await CurrentAsync<ProducerDraft>(ProducerType, ProducerId, cancellationToken);
        return draft is null ? NotFound() : View(await ProducerModelAsync(draft, PortalProducerForm.From(draft, basedOn), cancellationToken));
    }

    [HttpPost("page")]
    [UploadSizeLimit]
    public async Task<IActionResult> Page(IFormFile? photo, CancellationToken cancellationToken)
    {
        var (draft, _) = await CurrentAsync<ProducerDraft>(ProducerType, ProducerId, cancellationToken);
        if (draft is null)
        {
            return NotFound();
        }
        var form = new PortalProducerForm();
        await TryUpdateModelAsync(form, "");
        BlankFields.Restore(form);
        LocalizeBindingErrors();
        form.ApplyTo(draft);
        if (ModelState.IsValid)
        {
            AddDraftErrors(await publisher.ValidateAsync(ProducerType, ProducerId, draft, cancellationToken));
        }
        if (ModelState.IsValid && photo is { Length: > 0 } && await UploadPhotoAsync(photo, new LocalizedText(draft.Name, null), "photo", cancellationToken) is { } photoId)
        {
            draft.ImageId = photoId;
        }
        if (!ModelState.IsValid)
        {
            return View(await ProducerModelAsync(draft, form, cancellationToken));
        }
        return await SaveAndSendAsync(ProducerType, ProducerId, draft, form.BasedOn, "portal.sent.page",
            () => ProducerModelAsync(draft, form, cancellationToken), cancellationToken, rebase: n => form.BasedOn = n);
    }

    // ---- Products ----

    [HttpGet("products/new")]
    public async Task<IActionResult> NewProduct(CancellationToken cancellationToken) =>
        View("Product", await ProductModelAsync(null, new ProductDraft { ProducerId = ProducerId }, new PortalProductForm(), cancellationToken));

    [HttpPost("products/new")]
    [UploadSizeLimit]
    public Task<IActionResult> NewProduct(List<IFormFile>? photos, CancellationToken cancellationToken) =>
        SubmitProductAsync(null, photos, cancellationToken);

    [HttpGet("products/{id:int}")]
    public async Task<IActionResult> Product(int id, CancellationToken cancellationToken)
    {
        if (await OwnProductDraftAsync(id, cancellationToken) is not ({ } draft, var basedOn))
        {
            return NotFound();
        }
        return View(await ProductModelAsync(id, draft, PortalProductForm.From(draft, basedOn), cancellationToken));
    }

    [HttpPost("products/{id:int}")]
    [UploadSizeLimit]
    public Task<IActionResult> Product(int id, List<IFormFile>? photos, CancellationToken cancellationToken) =>
        SubmitProductAsync(id, photos, cancellationToken);

    private async Task<IActionResult> SubmitProductAsync(int? id, List<IFormFile>? photos, CancellationToken cancellationToken)
    {
        ProductDraft draft;
        if (id is { } productId)
        {
            if (await OwnProductDraftAsync(productId, cancellationToken) is not ({ } current, _))
            {
                return NotFound();
            }
            draft = current;
        }
        else
        {
            draft = new ProductDraft { ProducerId = ProducerId };
        }
        var form = new PortalProductForm();
        await TryUpdateModelAsync(form, "");
        BlankFields.Restore(form);
        LocalizeBindingErrors();
        form.ApplyTo(draft, isNew: id is null);
        draft.ProducerId = id is null ? ProducerId : draft.ProducerId; // never from the form
        if (ModelState.IsValid)
        {
            AddDraftErrors(await publisher.ValidateAsync(ProductType, id ?? 0, draft, cancellationToken));
        }
        if (ModelState.IsValid)
        {
            foreach (var photo in (photos ?? []).Where(p => p.Length > 0))
            {
                if (await UploadPhotoAsync(photo, draft.Name, "photos", cancellationToken) is { } mediaId && draft.Images.All(i => i.MediaItemId != mediaId))
                {
                    draft.Images.Add(new ImageDraft { MediaItemId = mediaId });
                }
            }
        }
        if (!ModelState.IsValid)
        {
            return View("Product", await ProductModelAsync(id, draft, form, cancellationToken));
        }
        return await SaveAndSendAsync(ProductType, id, draft, id is null ? null : form.BasedOn, "portal.sent.product",
            () => ProductModelAsync(id, draft, form, cancellationToken), cancellationToken, "Product", n => form.BasedOn = n);
    }

    // ---- Certificates ----

    [HttpGet("certificates")]
    public async Task<IActionResult> Certificates(CancellationToken cancellationToken) =>
        View(await CertificatesModelAsync(new PortalCertificateForm(), cancellationToken));

    /// <summary>
    /// A new certificate goes into the office's certificate registry at once, unverified and entered by this account:
    /// nothing shows publicly until an officer verifies it (<see cref="Certification.IsPublicOn"/>).
    /// </summary>
    [HttpPost("certificates")]
    [UploadSizeLimit]
    public async Task<IActionResult> Certificates([Bind(Prefix = "Certificate")] PortalCertificateForm form, IFormFile? scan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        BlankFields.Restore(form);
        LocalizeBindingErrors();
        int? productId = null;
        if (form.For != "producer")
        {
            if (int.TryParse(form.For, NumberStyles.None, CultureInfo.InvariantCulture, out var chosen)
                && await db.Products.AnyAsync(p => p.Id == chosen && p.ProducerId == ProducerId, cancellationToken))
            {
                productId = chosen;
            }
            else
            {
                ModelState.AddModelError("Certificate.For", text["content.error.choice-missing"]);
            }
        }
        var input = new CertificateInput(form.Type, form.Number, form.Issuer, form.IssuedOn, form.ExpiresOn,
            ProductId: productId, ProducerId: productId is null ? ProducerId : null);
        foreach (var error in await registry.ValidateAsync(input, cancellationToken))
        {
            var key = "Certificate." + (error.Field == "Owner" ? "For" : error.Field);
            if (ModelState.GetFieldValidationState(key) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                ModelState.AddModelError(key, text[error.Message, error.Arguments].Value);
            }
        }
        int? scanId = null;
        if (ModelState.IsValid && scan is { Length: > 0 })
        {
            await using var content = scan.OpenReadStream();
            var uploaded = await library.UploadAsync(new MediaUpload(content, scan.FileName, UserName) { DeclaredContentType = scan.ContentType }, cancellationToken);
            if (uploaded.Succeeded)
            {
                scanId = uploaded.Item!.Id;
            }
            else
            {
                ModelState.AddModelError("scan", $"{scan.FileName}: {uploaded.Describe(text)}");
            }
        }
        if (!ModelState.IsValid)
        {
            return View(await CertificatesModelAsync(form, cancellationToken));
        }
        var added = await registry.StageAsync(input, UserName, cancellationToken);
        if (!added.Succeeded)
        {
            ModelState.AddModelError("", text["content.error.invalid-value"]);
            return View(await CertificatesModelAsync(form, cancellationToken));
        }
        added.Certificate!.DocumentMediaId = scanId;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = text["portal.sent.certificate"].Value;
        return RedirectToAction(nameof(Index));
    }

    // ---- Inquiries ----

    [HttpGet("inquiries")]
    public async Task<IActionResult> Inquiries(CancellationToken cancellationToken) =>
        View(await ForwardedInquiriesAsync(cancellationToken));

    [HttpGet("inquiries/{id:int}")]
    public async Task<IActionResult> Inquiry(int id, CancellationToken cancellationToken)
    {
        var forward = await db.InquiryMessages.AsNoTracking()
            .Where(m => m.InquiryId == id && m.Kind == InquiryMessageKind.Forwarded && m.ProducerId == ProducerId)
            .OrderByDescending(m => m.AtUtc).FirstOrDefaultAsync(cancellationToken);
        if (forward is null)
        {
            return NotFound();
        }
        var inquiry = await db.Inquiries.AsNoTracking().Include(i => i.Lines).FirstAsync(i => i.Id == id, cancellationToken);
        // The forward's record reads "Name <email>", then the officer's note for the producer after a blank line.
        var note = forward.Body.IndexOf("\n\n", StringComparison.Ordinal) is var split and >= 0 ? forward.Body[(split + 2)..] : null;
        return View(new PortalInquiryViewModel(inquiry, forward.AtUtc, note));
    }

    // ---- Shared steps ----

    /// <summary>Saves the draft and sends it to the office's review queue; a refusal shows the form again with the reason.</summary>
    private async Task<IActionResult> SaveAndSendAsync(DocumentType type, int? id, IDraft draft, int? basedOn, string noticeKey,
        Func<Task<object>> redisplay, CancellationToken cancellationToken, string? view = null, Action<int>? rebase = null)
    {
        var saved = await publisher.SaveDraftAsync(type, id, draft, UserName, basedOn, cancellationToken);
        if (saved.Status == PublishStatus.NotFound)
        {
            return NotFound();
        }
        if (!saved.Succeeded)
        {
            if (saved.Status == PublishStatus.Conflict && id is { } changed)
            {
                // Sending again goes on from the office's latest version; the producer's text stays in the form.
                rebase?.Invoke(await publisher.LatestNumberAsync(type, changed, cancellationToken));
                ModelState.AddModelError("", text["portal.error.conflict"]);
            }
            AddDraftErrors(saved.Errors ?? []);
            if (ModelState.IsValid)
            {
                ModelState.AddModelError("", text["content.status." + saved.Status]);
            }
            return view is null ? View(await redisplay()) : View(view, await redisplay());
        }
        var sent = await publisher.SendForReviewAsync(type, saved.DocumentId, UserName, cancellationToken);
        TempData["Notice"] = text[sent.Succeeded ? noticeKey : "content.status." + sent.Status].Value;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>The latest draft (pending, else what is live) and the version number the form is based on.</summary>
    private async Task<(T? Draft, int BasedOn)> CurrentAsync<T>(DocumentType type, int id, CancellationToken cancellationToken) where T : class, IDraft
    {
        var basedOn = await publisher.LatestNumberAsync(type, id, cancellationToken);
        if (await publisher.PendingDraftAsync(type, id, cancellationToken) is { } pending)
        {
            return (type.ReadDraft(pending.Snapshot) as T, basedOn);
        }
        var document = await type.LoadAsync(db, id, cancellationToken);
        // Loaded only to read it: nothing of it is saved from here.
        var draft = document is null ? null : type.DraftOf(document) as T;
        db.ChangeTracker.Clear();
        return (draft, basedOn);
    }

    /// <summary>One of this producer's products (its row and its latest draft both), else nothing: another producer's id finds nothing.</summary>
    private async Task<(ProductDraft? Draft, int BasedOn)> OwnProductDraftAsync(int id, CancellationToken cancellationToken)
    {
        if (!await db.Products.AnyAsync(p => p.Id == id && p.ProducerId == ProducerId, cancellationToken))
        {
            return (null, 0);
        }
        var (draft, basedOn) = await CurrentAsync<ProductDraft>(ProductType, id, cancellationToken);
        return draft?.ProducerId == ProducerId ? (draft, basedOn) : (null, 0);
    }

    private async Task<PortalStatus> StatusAsync(DocumentType type, int id, CancellationToken cancellationToken)
    {
        var pending = await publisher.PendingDraftAsync(type, id, cancellationToken);
        return new PortalStatus(
            await type.IsPublicAsync(db, id, time.UtcNow, cancellationToken),
            await type.StateAsync(db, id, cancellationToken),
            pending?.Review,
            pending?.Review == ReviewState.Returned ? pending.ReviewComment : null);
    }

    private async Task<int?> UploadPhotoAsync(IFormFile file, LocalizedText alt, string field, CancellationToken cancellationToken)
    {
        await using var content = file.OpenReadStream();
        var result = await library.UploadAsync(new MediaUpload(content, file.FileName, UserName) { DeclaredContentType = file.ContentType, Alt = alt }, cancellationToken);
        if (result.Succeeded && result.Item!.Kind == MediaKind.Image)
        {
            return result.Item.Id;
        }
        ModelState.AddModelError(field, result.Succeeded ? text["content.error.photo-expected"].Value : $"{file.FileName}: {result.Describe(text)}");
        return null;
    }

    /// <summary>Certificates of the producer and its products, from the registry (waiting for verification, verified or rejected).</summary>
    private async Task<List<PortalCertificateRow>> CertificatesAsync(CancellationToken cancellationToken)
    {
        var products = await db.Products.AsNoTracking().Where(p => p.ProducerId == ProducerId).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        var names = products.ToDictionary(p => p.Id, p => p.Name.For(ViewFormat.Culture));
        var producerName = await db.Producers.Where(p => p.Id == ProducerId).Select(p => p.Name).FirstAsync(cancellationToken);
        var productIds = names.Keys.ToList();
        var live = await db.Certifications.AsNoTracking()
            .Where(c => c.ProducerId == ProducerId || (c.ProductId != null && productIds.Contains(c.ProductId.Value)))
            .OrderBy(c => c.ExpiresOn == null).ThenBy(c => c.ExpiresOn).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var rows = live.Select(c => new PortalCertificateRow(c, c.ProductId is { } p && names.TryGetValue(p, out var n) ? n : producerName,
            Pending: c.VerifiedAtUtc is null && c.RejectedAtUtc is null)).ToList();

        return rows;
    }

    private async Task<List<PortalInquiryRow>> ForwardedInquiriesAsync(CancellationToken cancellationToken)
    {
        var forwards = await db.InquiryMessages.AsNoTracking()
            .Where(m => m.Kind == InquiryMessageKind.Forwarded && m.ProducerId == ProducerId)
            .GroupBy(m => m.InquiryId).Select(g => new { InquiryId = g.Key, AtUtc = g.Max(m => m.AtUtc) })
            .ToListAsync(cancellationToken);
        var ids = forwards.Select(f => f.InquiryId).ToList();
        var inquiries = await db.Inquiries.AsNoTracking().Include(i => i.Lines).Where(i => ids.Contains(i.Id)).ToListAsync(cancellationToken);
        return [.. inquiries.Select(i => new PortalInquiryRow(i.Id, i.Reference, i.CreatedAtUtc, forwards.First(f => f.InquiryId == i.Id).AtUtc, i.Status, i.Lines))
            .OrderByDescending(r => r.ForwardedAtUtc)];
    }

    private async Task<object> ProducerModelAsync(ProducerDraft draft, PortalProducerForm form, CancellationToken cancellationToken) =>
        new PortalProducerViewModel(draft.Name, form, await StatusAsync(ProducerType, ProducerId, cancellationToken),
            draft.ImageId is { } image ? await db.Media.AsNoTracking().FirstOrDefaultAsync(m => m.Id == image, cancellationToken) : null);

    private async Task<object> ProductModelAsync(int? id, ProductDraft draft, PortalProductForm form, CancellationToken cancellationToken)
    {
        var imageIds = draft.Images.Select(i => i.MediaItemId).ToList();
        var media = await db.Media.AsNoTracking().Where(m => imageIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        var lookups = await EditorLookups.ForFiltersAsync(db, cancellationToken);
        return new PortalProductViewModel(id, form, id is { } productId ? await StatusAsync(ProductType, productId, cancellationToken) : null,
            [.. imageIds.Where(media.ContainsKey).Select(m => media[m])], lookups.Categories);
    }

    private async Task<object> CertificatesModelAsync(PortalCertificateForm form, CancellationToken cancellationToken)
    {
        var products = (await db.Products.AsNoTracking().Where(p => p.ProducerId == ProducerId).OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken))
            .Select(p => (p.Id, p.Name.For(ViewFormat.Culture))).ToList();
        return new PortalCertificatesViewModel(await CertificatesAsync(cancellationToken), form, products, time.Today);
    }

    private void LocalizeBindingErrors() => BindingMessages.Localize(ModelState, text["content.error.invalid-value"].Value);

    /// <summary>The draft's rules next to the portal's fields; rules about fields the office keeps go to the top of the form.</summary>
    private void AddDraftErrors(IEnumerable<DraftError> errors)
    {
        foreach (var error in errors)
        {
            var key = Editable.Any(f => error.Field == f || error.Field.StartsWith(f + ".", StringComparison.Ordinal)) ? error.Field : "";
            var message = text[error.Message, error.Arguments].Value;
            if (key.Length == 0)
            {
                ModelState.AddModelError("", text["portal.error.office-field", message]);
            }
            else if (ModelState.GetFieldValidationState(key) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                ModelState.AddModelError(key, message);
            }
        }
    }

    private static readonly string[] Editable =
    [
        nameof(PortalProducerForm.Summary), nameof(PortalProducerForm.Story), nameof(PortalProducerForm.Capacity), nameof(PortalProducerForm.Workforce),
        nameof(PortalProducerForm.WhatsApp), nameof(PortalProducerForm.Email), nameof(PortalProducerForm.Address),
        nameof(PortalProductForm.Name), nameof(PortalProductForm.Description), nameof(PortalProductForm.PriceIdr), nameof(PortalProductForm.Unit),
        nameof(PortalProductForm.Moq), nameof(PortalProductForm.MoqUnit), nameof(PortalProductForm.Packaging), nameof(PortalProductForm.WeightGrams),
        nameof(PortalProductForm.Availability), nameof(PortalProductForm.CategoryId),
    ];
}
