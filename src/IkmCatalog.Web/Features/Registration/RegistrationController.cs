using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using IkmCatalog.Catalog;
using IkmCatalog.Certifications;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Email;
using IkmCatalog.Media;
using IkmCatalog.Producers;
using IkmCatalog.Web.Infrastructure;
using IkmCatalog.Web.Localization;
using IkmCatalog.Web.Theming;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Features.Registration;

/// <summary>
/// Producer registration: the public form, and the applicant's private status page (by token) where a returned
/// application is corrected and sent again. An application is saved before any email is attempted; the emails ride
/// in the same transaction through the outbox. Photos and scans go through the media library's checks.
/// </summary>
public sealed partial class RegistrationController(
    IkmDbContext db, TimeProvider clock, EmailOutbox outbox, FormGuard guard, MediaLibrary media, UiStrings strings,
    IOptions<IkmCatalogOptions> options, ActiveTheme theme, IDataProtectionProvider protection, IStringLocalizer<UiStrings> t,
    ILogger<RegistrationController> logger)
    : SiteController(clock)
{
    /// <summary>Each photo or scan: small enough for a phone's upload, large enough for a sharp photo.</summary>
    public const long MaxFileBytes = 5 * 1024 * 1024;

    private const long MaxRequestBytes = (RegistrationForm.MaxProducts + RegistrationForm.MaxCertificates) * MaxFileBytes + 1024 * 1024;

    /// <summary>AuditEntry.DocumentType of everything done to an application.</summary>
    public const string AuditType = "application";

    public const string Applicant = "applicant";

    private const string SentKey = "registration.sent";

    private readonly RegistrationEmails emails = new(strings, options, theme);
    private readonly UploadTickets tickets = new(protection);

    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Index", await PageModelAsync(new RegistrationForm(), Url.Localized("registration"), null, correction: false, cancellationToken));

    [HttpPost]
    [ActionName("Index")]
    [EnableRateLimiting(RateLimits.PublicForms)]
    [RequestSizeLimit(MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
    public async Task<IActionResult> Submit(RegistrationForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var action = Url.Localized("registration");
        var refused = await CheckAsync(form, null, cancellationToken);
        if (refused is { } refusal)
        {
            return await FormAgainAsync(form, action, refusal.Key, refusal.Status, false, cancellationToken);
        }
        var parsed = Parse(form);
        var now = NowUtc;
        var addressHash = PublicIds.HashAddress(HttpContext.Connection.RemoteIpAddress?.ToString());
        if (await db.ProducerApplications.CountAsync(a => a.AddressHash == addressHash && a.SubmittedAtUtc > now.AddHours(-1), cancellationToken) >= guard.Options.PerAddressPerHour)
        {
            return await FormAgainAsync(form, action, FormGuard.TooManyKey, StatusCodes.Status429TooManyRequests, false, cancellationToken);
        }

        var token = PublicIds.NewToken();
        parsed.Token = token;
        // Unique until the id is known; replaced below in the same transaction.
        parsed.Reference = "new-" + token[..16];
        parsed.Culture = Culture;
        parsed.Status = ApplicationStatus.Submitted;
        parsed.Revision = 1;
        parsed.SubmittedAtUtc = now;
        parsed.UpdatedAtUtc = now;
        parsed.AddressHash = addressHash;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.ProducerApplications.Add(parsed);
            await db.SaveChangesAsync(cancellationToken);
            parsed.Reference = PublicIds.Reference("REG", Today.Year, parsed.Id);
            Audit(parsed.Id, "submitted", parsed.Reference);
            Notify(parsed, outbox.Enqueue(emails.Acknowledgement(parsed, StatusUrl(parsed))), "applicant acknowledgement");
            await NotifyOfficeAsync(parsed, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        TempData[SentKey] = "submitted";
        return new SeeOtherResult(Url.Localized("registration-status", new { token }));
    }

    [HttpGet]
    public async Task<IActionResult> Status(string token, CancellationToken cancellationToken)
    {
        var application = await LoadAsync(token, tracked: false, cancellationToken);
        if (application is null)
        {
            return NotFound();
        }
        RegistrationPageModel? correction = null;
        if (application.Status == ApplicationStatus.Returned)
        {
            var form = RegistrationForm.From(application);
            IssueTickets(form);
            correction = await PageModelAsync(form, Url.Localized("registration-status", new { token }), null, correction: true, cancellationToken);
        }
        return StatusPage(application, TempData[SentKey] as string, correction);
    }

    /// <summary>The applicant sends a returned application again, corrected.</summary>
    [HttpPost]
    [ActionName("Status")]
    [EnableRateLimiting(RateLimits.PublicForms)]
    [RequestSizeLimit(MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
    public async Task<IActionResult> Correct(string token, RegistrationForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var application = await LoadAsync(token, tracked: true, cancellationToken);
        if (application is null)
        {
            return NotFound();
        }
        if (application.Status != ApplicationStatus.Returned)
        {
            // Already sent again, or decided meanwhile: the page says where it stands.
            return new SeeOtherResult(Url.Localized("registration-status", new { token }));
        }
        var action = Url.Localized("registration-status", new { token });
        var refused = await CheckAsync(form, application.Id, cancellationToken);
        if (refused is { } refusal)
        {
            var again = await FormAgainAsync(form, action, refusal.Key, refusal.Status, true, cancellationToken);
            return StatusPage(application, null, (RegistrationPageModel)again.Model!, refusal.Status);
        }
        var parsed = Parse(form);
        var now = NowUtc;
        CopyValues(parsed, application);
        db.ApplicationProducts.RemoveRange(application.Products);
        db.ApplicationCertificates.RemoveRange(application.Certificates);
        application.Products = parsed.Products;
        application.Certificates = parsed.Certificates;
        application.Revision++;
        application.Status = ApplicationStatus.Submitted;
        application.UpdatedAtUtc = now;
        Audit(application.Id, "resubmitted", $"r{application.Revision}");
        await NotifyOfficeAsync(application, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData[SentKey] = "corrected";
        return new SeeOtherResult(Url.Localized("registration-status", new { token }));
    }

    private ViewResult StatusPage(ProducerApplication application, string? sent, RegistrationPageModel? correction, int status = StatusCodes.Status200OK)
    {
        // A private page: not indexed, not kept by shared caches or the browser's history cache.
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        Response.StatusCode = status;
        return View("Status", new RegistrationStatusModel(application, application.Region?.Name ?? "", sent, correction));
    }

    private async Task<ProducerApplication?> LoadAsync(string token, bool tracked, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return null;
        }
        var query = db.ProducerApplications.Where(a => a.Token == token).Include(a => a.Region)
            .Include(a => a.Products).ThenInclude(p => p.PhotoMedia)
            .Include(a => a.Certificates).ThenInclude(c => c.ScanMedia)
            .AsSplitQuery();
        return await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(cancellationToken);
    }

    private string StatusUrl(ProducerApplication application) =>
        SiteUrls.Page(HttpContext, "registration-status", application.Culture, new { token = application.Token });

    private async Task NotifyOfficeAsync(ProducerApplication application, CancellationToken cancellationToken)
    {
        var region = await db.Regions.Where(r => r.Id == application.RegionId).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        var notice = emails.OfficeNotice(application, region, SiteUrls.Absolute(HttpContext, $"/backoffice/applications/{application.Id}"));
        Notify(application, notice is null ? null : outbox.Enqueue(notice), "office notice");
    }

    private void Audit(int id, string what, string? detail) =>
        db.AuditEntries.Add(new AuditEntry { DocumentType = AuditType, DocumentId = id, Action = what, User = Applicant, AtUtc = NowUtc, Detail = detail });

    private void Notify(ProducerApplication application, EnqueueResult? result, string what)
    {
        if (result is null)
        {
            LogNoOfficeEmail(application.Reference, what);
        }
        else if (result.Status != EnqueueStatus.Queued)
        {
            LogNotQueued(application.Reference, what, result.Status);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Application {Reference}: no office email is configured, so the {What} was not queued (IkmCatalog:Office:Email).")]
    private partial void LogNoOfficeEmail(string reference, string what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Application {Reference}: the {What} was not queued ({Status}); the application is saved.")]
    private partial void LogNotQueued(string reference, string what, EnqueueStatus status);

    /// <summary>
    /// Robot checks, uploads, field checks and duplicates, in that order; null when the form may be saved, otherwise
    /// the page-level message (a UI string key, null for field messages only) and the status to answer with.
    /// </summary>
    private async Task<(string? Key, int Status)?> CheckAsync(RegistrationForm form, int? exceptApplicationId, CancellationToken cancellationToken)
    {
        form.Products = [.. form.Products.Take(RegistrationForm.MaxProducts)];
        form.Certificates = [.. form.Certificates.Take(RegistrationForm.MaxCertificates)];
        var verdict = guard.Check(Request.Form);
        if (verdict != GuardVerdict.Accepted)
        {
            // The person sees what they typed (uploads kept) and one message at the top; nothing new is stored.
            ModelState.Clear();
            await RedeemTicketsAsync(form, cancellationToken);
            return (FormGuard.MessageKey(verdict), StatusCodes.Status400BadRequest);
        }
        await RedeemTicketsAsync(form, cancellationToken);
        await TakeUploadsAsync(form, cancellationToken);
        await ValidateAsync(form, cancellationToken);
        if (!ModelState.IsValid)
        {
            return (null, StatusCodes.Status200OK);
        }
        if (await DuplicateAsync(form, exceptApplicationId, cancellationToken))
        {
            return ("registration.error.duplicate", StatusCodes.Status409Conflict);
        }
        return null;
    }

    private async Task<RegistrationPageModel> PageModelAsync(RegistrationForm form, string action, string? refusalKey, bool correction, CancellationToken cancellationToken)
    {
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
        return new RegistrationPageModel(form, regions, action, refusalKey, correction);
    }

    private async Task<ViewResult> FormAgainAsync(RegistrationForm form, string action, string? refusalKey, int status, bool correction, CancellationToken cancellationToken)
    {
        IssueTickets(form);
        Response.StatusCode = status;
        return View("Index", await PageModelAsync(form, action, refusalKey, correction, cancellationToken));
    }

    private void IssueTickets(RegistrationForm form)
    {
        foreach (var product in form.Products)
        {
            product.PhotoTicket = product.PhotoId is { } id ? tickets.Issue(id) : null;
            product.RemovePhoto = false;
        }
        foreach (var certificate in form.Certificates)
        {
            certificate.ScanTicket = certificate.ScanId is { } id ? tickets.Issue(id) : null;
            certificate.RemoveScan = false;
        }
    }

    /// <summary>Takes back the uploads kept from an earlier try (only those this server signed), unless the applicant removed them.</summary>
    private async Task RedeemTicketsAsync(RegistrationForm form, CancellationToken cancellationToken)
    {
        foreach (var product in form.Products)
        {
            product.PhotoId = product.RemovePhoto ? null : tickets.Redeem(product.PhotoTicket);
        }
        foreach (var certificate in form.Certificates)
        {
            certificate.ScanId = certificate.RemoveScan ? null : tickets.Redeem(certificate.ScanTicket);
        }
        var ids = form.Products.Select(p => p.PhotoId).Concat(form.Certificates.Select(c => c.ScanId)).OfType<int>().Distinct().ToList();
        var names = ids.Count == 0 ? [] : await db.Media.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.OriginalFileName, m.Kind }).ToDictionaryAsync(m => m.Id, cancellationToken);
        foreach (var product in form.Products)
        {
            product.PhotoName = product.PhotoId is { } id && names.TryGetValue(id, out var found) && found.Kind == MediaKind.Image ? found.OriginalFileName : null;
            product.PhotoId = product.PhotoName is null ? null : product.PhotoId;
        }
        foreach (var certificate in form.Certificates)
        {
            certificate.ScanName = certificate.ScanId is { } id && names.TryGetValue(id, out var found) ? found.OriginalFileName : null;
            certificate.ScanId = certificate.ScanName is null ? null : certificate.ScanId;
        }
    }

    /// <summary>Stores each newly chosen file through the media library's checks; a refused one gets its message next to its field.</summary>
    private async Task TakeUploadsAsync(RegistrationForm form, CancellationToken cancellationToken)
    {
        for (var i = 0; i < form.Products.Count; i++)
        {
            var product = form.Products[i];
            if (product.Photo is { Length: > 0 } photo && await UploadAsync(photo, $"Products[{i}].Photo", photoOnly: true, product.Name, cancellationToken) is { } item)
            {
                (product.PhotoId, product.PhotoName) = (item.Id, item.OriginalFileName);
            }
        }
        for (var i = 0; i < form.Certificates.Count; i++)
        {
            var certificate = form.Certificates[i];
            if (certificate.Scan is { Length: > 0 } scan && await UploadAsync(scan, $"Certificates[{i}].Scan", photoOnly: false, null, cancellationToken) is { } item)
            {
                (certificate.ScanId, certificate.ScanName) = (item.Id, item.OriginalFileName);
            }
        }
    }

    private async Task<MediaItem?> UploadAsync(IFormFile file, string field, bool photoOnly, string? alt, CancellationToken cancellationToken)
    {
        if (file.Length > MaxFileBytes)
        {
            ModelState.AddModelError(field, t["registration.error.file-too-large", MaxFileBytes / (1024 * 1024)]);
            return null;
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var sniffed = MediaSniffer.Inspect(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        if (sniffed.Type == SniffedType.Unknown || (photoOnly && !sniffed.IsImage))
        {
            ModelState.AddModelError(field, t[photoOnly ? "registration.error.photo-type" : "registration.error.scan-type"]);
            return null;
        }
        buffer.Position = 0;
        var result = await media.UploadAsync(new MediaUpload(buffer, file.FileName, Applicant)
        {
            DeclaredContentType = file.ContentType,
            Alt = new LocalizedText(alt?.Trim() is { Length: > 0 and <= 300 } text ? text : "", null),
        }, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(field, t[result.MessageKey!, [.. result.MessageArgs]]);
            return null;
        }
        return result.Item;
    }

    /// <summary>Checks what annotations cannot; each message goes next to its field, in the page's language.</summary>
    private async Task ValidateAsync(RegistrationForm form, CancellationToken cancellationToken)
    {
        bool Unchecked(string key) => ModelState.GetFieldValidationState(key) != ModelValidationState.Invalid;

        if (!string.IsNullOrWhiteSpace(form.Nib) && Unchecked(nameof(form.Nib)) && NibOf(form.Nib) is null)
        {
            ModelState.AddModelError(nameof(form.Nib), t["registration.error.nib"]);
        }
        if (!string.IsNullOrWhiteSpace(form.KbliCode) && KbliSectors.Find(form.KbliCode) is null)
        {
            ModelState.AddModelError(nameof(form.KbliCode), t["registration.error.kbli"]);
        }
        if (!string.IsNullOrWhiteSpace(form.RegionId) && Unchecked(nameof(form.RegionId)))
        {
            var regionId = Number(form.RegionId);
            if (regionId is null || !await db.Regions.AnyAsync(r => r.Id == regionId, cancellationToken))
            {
                ModelState.AddModelError(nameof(form.RegionId), t["registration.error.region"]);
            }
        }
        if (!string.IsNullOrWhiteSpace(form.FoundedYear) && Unchecked(nameof(form.FoundedYear)) && !IsYear(Number(form.FoundedYear), Today.Year))
        {
            ModelState.AddModelError(nameof(form.FoundedYear), t["registration.error.year", Today.Year]);
        }
        if (!string.IsNullOrWhiteSpace(form.Workforce) && Unchecked(nameof(form.Workforce)) && Number(form.Workforce) is not (>= 1 and <= 100_000))
        {
            ModelState.AddModelError(nameof(form.Workforce), t["registration.error.workforce"]);
        }
        if (!string.IsNullOrWhiteSpace(form.Email) && Unchecked(nameof(form.Email)))
        {
            var email = form.Email.Trim();
            if (!MailAddress.TryCreate(email, out var address) || address.Address != email || !address.Host.Contains('.', StringComparison.Ordinal))
            {
                ModelState.AddModelError(nameof(form.Email), t["validation.email", t["registration.form.email"]]);
            }
        }
        if (!string.IsNullOrWhiteSpace(form.Phone) && Unchecked(nameof(form.Phone)) && !PhonePattern().IsMatch(form.Phone.Trim()))
        {
            ModelState.AddModelError(nameof(form.Phone), t["registration.error.phone"]);
        }
        if (!string.IsNullOrWhiteSpace(form.WebsiteUrl) && Unchecked(nameof(form.WebsiteUrl)) && WebAddress(form.WebsiteUrl) is null)
        {
            ModelState.AddModelError(nameof(form.WebsiteUrl), t["registration.error.website"]);
        }
        if (!form.Consent)
        {
            ModelState.AddModelError(nameof(form.Consent), t["registration.error.consent"]);
        }

        for (var i = 0; i < form.Products.Count; i++)
        {
            var product = form.Products[i];
            if (product.IsBlank)
            {
                continue;
            }
            var prefix = $"Products[{i}].";
            if (string.IsNullOrWhiteSpace(product.Name))
            {
                ModelState.AddModelError(prefix + nameof(product.Name), t["validation.required", t["registration.product.name"]]);
            }
            if (!string.IsNullOrWhiteSpace(product.Price) && Unchecked(prefix + nameof(product.Price)))
            {
                if (Price(product.Price) is null)
                {
                    ModelState.AddModelError(prefix + nameof(product.Price), t["registration.error.price"]);
                }
                else if (string.IsNullOrWhiteSpace(product.Unit))
                {
                    ModelState.AddModelError(prefix + nameof(product.Unit), t["registration.error.unit-with-price"]);
                }
            }
        }
        if (form.Products.All(p => p.IsBlank))
        {
            ModelState.AddModelError(nameof(form.Products), t["registration.error.no-products"]);
        }

        for (var i = 0; i < form.Certificates.Count; i++)
        {
            var certificate = form.Certificates[i];
            if (certificate.IsBlank)
            {
                continue;
            }
            var prefix = $"Certificates[{i}].";
            var type = Certification.FromCode(certificate.Type);
            if (type is null)
            {
                ModelState.AddModelError(prefix + nameof(certificate.Type), t["registration.error.certificate-type"]);
            }
            if (string.IsNullOrWhiteSpace(certificate.Number))
            {
                ModelState.AddModelError(prefix + nameof(certificate.Number), t["validation.required", t["registration.certificate.number"]]);
            }
            else if (type is { } known && Unchecked(prefix + nameof(certificate.Number)) && !Certification.IsWellFormedNumber(known, certificate.Number.Trim()))
            {
                ModelState.AddModelError(prefix + nameof(certificate.Number), t["registration.error.certificate-number." + Certification.Code(known)]);
            }
            if (string.IsNullOrWhiteSpace(certificate.Issuer))
            {
                ModelState.AddModelError(prefix + nameof(certificate.Issuer), t["validation.required", t["registration.certificate.issuer"]]);
            }
            var issued = Date(certificate.IssuedOn);
            if (string.IsNullOrWhiteSpace(certificate.IssuedOn))
            {
                ModelState.AddModelError(prefix + nameof(certificate.IssuedOn), t["validation.required", t["registration.certificate.issued-on"]]);
            }
            else if (issued is null || issued > Today)
            {
                ModelState.AddModelError(prefix + nameof(certificate.IssuedOn), t["registration.error.issued-on"]);
            }
            if (!string.IsNullOrWhiteSpace(certificate.ExpiresOn))
            {
                var expires = Date(certificate.ExpiresOn);
                if (expires is null)
                {
                    ModelState.AddModelError(prefix + nameof(certificate.ExpiresOn), t["registration.error.date"]);
                }
                else if (issued is { } from && expires <= from)
                {
                    ModelState.AddModelError(prefix + nameof(certificate.ExpiresOn), t["registration.error.expires-before-issued"]);
                }
            }
        }
    }

    /// <summary>
    /// Same NIB or same email as a producer the office knows or an application still open or accepted: explained next
    /// to the field, never saved twice. A declined application does not stand in the way of a new one.
    /// </summary>
    private async Task<bool> DuplicateAsync(RegistrationForm form, int? exceptApplicationId, CancellationToken cancellationToken)
    {
        var email = form.Email!.Trim().ToLowerInvariant();
        var nib = NibOf(form.Nib);
        var except = exceptApplicationId ?? 0;
#pragma warning disable CA1862 // translated to SQL, where lower() on both sides is what works on SQLite and PostgreSQL alike
        var applications = db.ProducerApplications.Where(a => a.Id != except && a.Status != ApplicationStatus.Declined);
        var producers = db.Producers.AsQueryable();
        var found = false;
        if (nib is not null && (await applications.AnyAsync(a => a.Nib == nib, cancellationToken) || await producers.AnyAsync(p => p.Nib == nib, cancellationToken)))
        {
            ModelState.AddModelError(nameof(form.Nib), t["registration.error.duplicate-nib"]);
            found = true;
        }
        if (await applications.AnyAsync(a => a.Email.ToLower() == email, cancellationToken)
            || await producers.AnyAsync(p => p.Email != null && p.Email.ToLower() == email, cancellationToken))
        {
            ModelState.AddModelError(nameof(form.Email), t["registration.error.duplicate-email"]);
            found = true;
        }
#pragma warning restore CA1862
        return found;
    }

    /// <summary>The checked form as an application (values, products and certificates, blank ones left out).</summary>
    private static ProducerApplication Parse(RegistrationForm form)
    {
        var products = form.Products.Where(p => !p.IsBlank).Select((p, i) => new ApplicationProduct
        {
            SortOrder = i,
            Name = p.Name!.Trim(),
            Description = p.Description?.Trim() ?? "",
            PriceIdr = Price(p.Price),
            Unit = Trimmed(p.Unit),
            PhotoMediaId = p.PhotoId,
        }).ToList();
        var certificates = form.Certificates.Where(c => !c.IsBlank).Select(c => new ApplicationCertificate
        {
            Type = Certification.FromCode(c.Type)!.Value,
            Number = c.Number!.Trim(),
            Issuer = Trimmed(c.Issuer),
            IssuedOn = Date(c.IssuedOn),
            ExpiresOn = Date(c.ExpiresOn),
            ScanMediaId = c.ScanId,
        }).ToList();
        return new ProducerApplication
        {
            BusinessName = form.BusinessName!.Trim(),
            OwnerName = form.OwnerName!.Trim(),
            Nib = NibOf(form.Nib),
            KbliCode = KbliSectors.Find(form.KbliCode)!.Code,
            RegionId = Number(form.RegionId)!.Value,
            Address = form.Address!.Trim(),
            FoundedYear = Number(form.FoundedYear),
            Workforce = Number(form.Workforce)!.Value,
            Capacity = form.Capacity!.Trim(),
            Email = form.Email!.Trim(),
            Phone = form.Phone!.Trim(),
            Website = WebAddress(form.WebsiteUrl),
            About = Trimmed(form.About),
            Products = products,
            Certificates = certificates,
        };
    }

    private static void CopyValues(ProducerApplication from, ProducerApplication to)
    {
        to.BusinessName = from.BusinessName;
        to.OwnerName = from.OwnerName;
        to.Nib = from.Nib;
        to.KbliCode = from.KbliCode;
        to.RegionId = from.RegionId;
        to.Address = from.Address;
        to.FoundedYear = from.FoundedYear;
        to.Workforce = from.Workforce;
        to.Capacity = from.Capacity;
        to.Email = from.Email;
        to.Phone = from.Phone;
        to.Website = from.Website;
        to.About = from.About;
    }

    /// <summary>13 digits (spaces and dots people type between groups ignored), or null.</summary>
    private static string? NibOf(string? text)
    {
        var digits = new string((text ?? "").Where(c => c is not (' ' or '.' or '-')).ToArray());
        return digits.Length == 13 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    private static bool IsYear(int? year, int thisYear) => year is { } y && y >= 1900 && y <= thisYear;

    private static int? Number(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Rupiah as people write them: "15000", "15.000" or "15,000".</summary>
    private static long? Price(string? text)
    {
        var cleaned = (text ?? "").Trim();
        if (cleaned.StartsWith("Rp", StringComparison.OrdinalIgnoreCase))
        {
            cleaned = cleaned[2..].Trim();
        }
        return PricePattern().IsMatch(cleaned)
            && long.TryParse(cleaned.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            && value <= 1_000_000_000_000 ? value : null;
    }

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>An http(s) address; "www.example.com" is taken as https.</summary>
    private static string? WebAddress(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (!value.Contains("://", StringComparison.Ordinal))
        {
            value = "https://" + value;
        }
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Contains('.', StringComparison.Ordinal) && value.Length <= 300
            ? value : null;
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Digits with the usual separators and an optional leading +, at least eight digits.</summary>
    [GeneratedRegex(@"^\+?(?=(?:\D*\d){8})[0-9 ()\-.]{8,29}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^\d{1,3}([.,]\d{3})*$|^\d+$")]
    private static partial Regex PricePattern();
}
