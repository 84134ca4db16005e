using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Email;
using IkmCatalog.Inquiries;
using IkmCatalog.Web.Infrastructure;
using IkmCatalog.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using IkmCatalog.Web.Theming;

namespace IkmCatalog.Web.Features.Inquiries;

/// <summary>
/// Requests for quotation: the public form, and the buyer's private status page (quotes, conversation, reply box).
/// An inquiry is saved before any email is attempted; the emails ride in the same transaction through the outbox.
/// </summary>
public sealed partial class InquiriesController(
    IkmDbContext db, TimeProvider clock, EmailOutbox outbox, FormGuard guard, UiStrings strings,
    IOptions<IkmCatalogOptions> options, ActiveTheme theme, IStringLocalizer<UiStrings> t, ILogger<InquiriesController> logger)
    : SiteController(clock)
{
    private readonly InquiryEmails emails = new(strings, options, theme);

    private const string SentKey = "rfq.sent";

    [HttpGet]
    public async Task<IActionResult> Index([FromQuery(Name = "product")] string[]? product, [FromQuery(Name = "producer")] string? producer, CancellationToken cancellationToken)
    {
        var form = new InquiryForm();
        var slugs = (product ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.Ordinal).Take(InquiryForm.MaxLines).ToList();
        if (!string.IsNullOrWhiteSpace(producer))
        {
            form.Producer = producer.Trim();
        }
        var offered = await OfferedAsync(form.Producer, slugs, cancellationToken);
        // Only products the public may see are prefilled; an old or mistyped link just leaves the line open.
        form.Lines = [.. slugs.Where(s => offered.Products.Any(p => p.Slug == s)).Select(s => new InquiryLineForm { ProductSlug = s })];
        return View("Index", new InquiryPageModel(form, offered.Products, offered.ProducerName, null));
    }

    [HttpPost]
    [ActionName("Index")]
    [EnableRateLimiting(RateLimits.PublicForms)]
    public async Task<IActionResult> Submit(InquiryForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Lines = [.. form.Lines.Take(InquiryForm.MaxLines)];
        var verdict = guard.Check(Request.Form);
        if (verdict != GuardVerdict.Accepted)
        {
            return await RefuseAsync(form, FormGuard.MessageKey(verdict), StatusCodes.Status400BadRequest, cancellationToken);
        }

        var lines = await ValidateAsync(form, cancellationToken);
        if (!ModelState.IsValid)
        {
            return await FormAgainAsync(form, null, StatusCodes.Status200OK, cancellationToken);
        }

        var now = NowUtc;
        var email = form.Email!.Trim();
        var sourceHash = PublicIds.HashAddress(HttpContext.Connection.RemoteIpAddress?.ToString());
        if (await TooManyAsync(sourceHash, email, now, cancellationToken))
        {
            return await RefuseAsync(form, FormGuard.TooManyKey, StatusCodes.Status429TooManyRequests, cancellationToken);
        }

        var token = PublicIds.NewToken();
        var inquiry = new Inquiry
        {
            // Unique until the id is known; replaced below in the same transaction.
            Reference = "new-" + token[..16],
            Token = token,
            Culture = Culture,
            BuyerName = form.Name!.Trim(),
            Company = Trimmed(form.Company),
            Country = form.Country!.Trim(),
            Email = email,
            Phone = Trimmed(form.Phone),
            Incoterm = form.Incoterm!,
            Destination = form.Destination!.Trim(),
            TargetDate = ParseDate(form.TargetDate),
            SamplesWanted = form.SamplesWanted,
            CertificatesRequired = Trimmed(form.CertificatesRequired),
            Message = Trimmed(form.Message),
            ConsentAtUtc = now,
            Status = InquiryStatus.New,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
            SourceHash = sourceHash,
            Lines = lines,
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Inquiries.Add(inquiry);
            await db.SaveChangesAsync(cancellationToken);
            inquiry.Reference = PublicIds.Reference("RFQ", Today.Year, inquiry.Id);
            var statusUrl = SiteUrls.Absolute(HttpContext, Url.Localized("rfq-status", new { token }, inquiry.Culture));
            var backofficeUrl = SiteUrls.Absolute(HttpContext, $"/backoffice/inquiries/{inquiry.Id}");
            // A refused address must not lose the inquiry: it is saved either way and the office sees it in the backoffice.
            Report(inquiry, "buyer acknowledgement", outbox.Enqueue(emails.BuyerAcknowledgement(inquiry, statusUrl)));
            Report(inquiry, "office notification", emails.OfficeNotification(inquiry, backofficeUrl) is { } notice ? outbox.Enqueue(notice) : null);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        TempData[SentKey] = "inquiry";
        return SeeOther(Url.Localized("rfq-status", new { token }));
    }

    [HttpGet]
    public async Task<IActionResult> Status(string token, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        var inquiry = await LoadAsync(token, cancellationToken);
        if (inquiry is null)
        {
            return NotFound();
        }
        var sent = TempData[SentKey] as string;
        return View("Status", StatusModel(inquiry, sent, null, null));
    }

    [HttpPost]
    [ActionName("Status")]
    [EnableRateLimiting(RateLimits.PublicForms)]
    public async Task<IActionResult> Reply(string token, [FromForm(Name = "reply")] string? reply, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        var inquiry = await LoadAsync(token, cancellationToken);
        if (inquiry is null)
        {
            return NotFound();
        }
        var verdict = guard.Check(Request.Form);
        if (verdict != GuardVerdict.Accepted)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Status", StatusModel(inquiry, null, reply, FormGuard.MessageKey(verdict)));
        }
        var body = reply?.Trim() ?? "";
        if (body.Length == 0)
        {
            ModelState.AddModelError("reply", t["validation.required", t["inquiry.status.reply"]]);
        }
        else if (body.Length > 5000)
        {
            ModelState.AddModelError("reply", t["validation.max-length", t["inquiry.status.reply"], 5000]);
        }
        if (!ModelState.IsValid)
        {
            return View("Status", StatusModel(inquiry, null, reply, null));
        }
        var now = NowUtc;
        var recent = await db.InquiryMessages.CountAsync(
            m => m.InquiryId == inquiry.Id && m.Kind == InquiryMessageKind.BuyerReply && m.AtUtc > now.AddHours(-1), cancellationToken);
        if (recent >= guard.Options.PerAddressPerHour)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return View("Status", StatusModel(inquiry, null, reply, FormGuard.TooManyKey));
        }
        var message = new InquiryMessage { InquiryId = inquiry.Id, Kind = InquiryMessageKind.BuyerReply, Body = body, Author = inquiry.BuyerName, AtUtc = now };
        db.InquiryMessages.Add(message);
        await db.Inquiries.Where(i => i.Id == inquiry.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.UpdatedAtUtc, now), cancellationToken);
        Report(inquiry, "office reply notification",
            emails.OfficeReplyNotification(inquiry, body, SiteUrls.Absolute(HttpContext, $"/backoffice/inquiries/{inquiry.Id}")) is { } notice ? outbox.Enqueue(notice) : null);
        await db.SaveChangesAsync(cancellationToken);
        TempData[SentKey] = "reply";
        return SeeOther(Url.Localized("rfq-status", new { token }));
    }

    private StatusCodeResult SeeOther(string url)
    {
        Response.Headers.Location = url;
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private Task<Inquiry?> LoadAsync(string token, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(token) || token.Length > 64
            ? Task.FromResult<Inquiry?>(null)
            : db.Inquiries.Where(i => i.Token == token)
                .Include(i => i.Lines).Include(i => i.Quotes).Include(i => i.Messages)
                .AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(cancellationToken);

    private InquiryStatusModel StatusModel(Inquiry inquiry, string? sent, string? reply, string? refusalKey)
    {
        // Internal notes and forwarding records are the office's own; the buyer sees only the two-way conversation.
        var conversation = inquiry.Messages
            .Where(m => m.Kind is InquiryMessageKind.BuyerReply or InquiryMessageKind.OfficeReply)
            .OrderBy(m => m.AtUtc).ThenBy(m => m.Id).ToList();
        return new InquiryStatusModel(inquiry, conversation, Today, sent, reply, refusalKey);
    }

    private void Report(Inquiry inquiry, string what, EnqueueResult? result)
    {
        if (result is null)
        {
            LogNoOfficeEmail(inquiry.Reference, what);
        }
        else if (result.Status != EnqueueStatus.Queued)
        {
            LogNotQueued(inquiry.Reference, what, result.Status);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inquiry {Reference}: no office email is configured, so the {What} was not queued (IkmCatalog:Office:Email).")]
    private partial void LogNoOfficeEmail(string reference, string what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inquiry {Reference}: the {What} was not queued ({Status}); the inquiry is saved.")]
    private partial void LogNotQueued(string reference, string what, EnqueueStatus status);

    private async Task<bool> TooManyAsync(string sourceHash, string email, DateTime now, CancellationToken cancellationToken)
    {
        var options = guard.Options;
        var hourAgo = now.AddHours(-1);
        var fromAddress = await db.Inquiries.CountAsync(i => i.SourceHash == sourceHash && i.CreatedAtUtc > hourAgo, cancellationToken);
        if (fromAddress >= options.PerAddressPerHour)
        {
            return true;
        }
        var dayAgo = now.AddDays(-1);
        var lowered = email.ToLowerInvariant();
#pragma warning disable CA1862 // translated to SQL, where lower() on both sides is what works on SQLite and PostgreSQL alike
        var fromEmail = await db.Inquiries.CountAsync(i => i.Email.ToLower() == lowered && i.CreatedAtUtc > dayAgo, cancellationToken);
#pragma warning restore CA1862
        return fromEmail >= options.PerEmailPerDay;
    }

    private async Task<IActionResult> RefuseAsync(InquiryForm form, string key, int status, CancellationToken cancellationToken)
    {
        // The person sees what they typed and one message at the top; per-field messages would only distract.
        ModelState.Clear();
        return await FormAgainAsync(form, key, status, cancellationToken);
    }

    private async Task<IActionResult> FormAgainAsync(InquiryForm form, string? refusalKey, int status, CancellationToken cancellationToken)
    {
        var slugs = form.Lines.Select(l => l.ProductSlug).OfType<string>().Where(s => s.Length > 0).ToList();
        var offered = await OfferedAsync(form.Producer, slugs, cancellationToken);
        Response.StatusCode = status;
        return View("Index", new InquiryPageModel(form, offered.Products, offered.ProducerName, refusalKey));
    }

    /// <summary>
    /// The products the form lists: the producer's when the buyer came from a producer's page (plus any product
    /// already chosen), otherwise every public product.
    /// </summary>
    private async Task<(IReadOnlyList<OfferedProduct> Products, string? ProducerName)> OfferedAsync(string? producerSlug, IReadOnlyCollection<string> slugs, CancellationToken cancellationToken)
    {
        var now = NowUtc;
        var query = db.PublicProducts(now);
        string? producerName = null;
        if (!string.IsNullOrWhiteSpace(producerSlug))
        {
            var producer = await db.Producers.Published(now).Where(p => p.Slug == producerSlug)
                .Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(cancellationToken);
            if (producer is not null)
            {
                producerName = producer.Name;
                query = query.Where(p => p.ProducerId == producer.Id || slugs.Contains(p.Slug));
            }
        }
        var rows = await query
            .Select(p => new { p.Id, p.ProducerId, p.Slug, p.Name, ProducerName = p.Producer.Name, p.Moq, p.MoqUnit })
            .AsNoTracking().ToListAsync(cancellationToken);
        var culture = Culture;
        var products = rows
            .Select(r => new OfferedProduct(r.Id, r.ProducerId, r.Slug, r.Name.For(culture), r.ProducerName, r.Moq, r.MoqUnit.For(culture)))
            .OrderBy(p => p.ProducerName, StringComparer.CurrentCulture).ThenBy(p => p.Name, StringComparer.CurrentCulture)
            .ToList();
        return (products, producerName);
    }

    /// <summary>Checks what annotations cannot, and turns the filled lines into inquiry lines.</summary>
    private async Task<List<InquiryLine>> ValidateAsync(InquiryForm form, CancellationToken cancellationToken)
    {
        var culture = Culture;
        if (!string.IsNullOrWhiteSpace(form.Email) && ModelState.GetFieldValidationState(nameof(form.Email)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            var email = form.Email.Trim();
            if (!MailAddress.TryCreate(email, out var address) || address.Address != email || !address.Host.Contains('.', StringComparison.Ordinal))
            {
                ModelState.AddModelError(nameof(form.Email), t["validation.email", t["inquiry.form.email"]]);
            }
        }
        if (!string.IsNullOrWhiteSpace(form.Phone) && !PhonePattern().IsMatch(form.Phone.Trim()))
        {
            ModelState.AddModelError(nameof(form.Phone), t["inquiry.validation.phone"]);
        }
        if (!string.IsNullOrEmpty(form.Incoterm) && !Incoterms.IsKnown(form.Incoterm))
        {
            ModelState.AddModelError(nameof(form.Incoterm), t["inquiry.validation.incoterm"]);
        }
        if (!string.IsNullOrWhiteSpace(form.TargetDate))
        {
            if (ParseDate(form.TargetDate) is not { } date)
            {
                ModelState.AddModelError(nameof(form.TargetDate), t["inquiry.validation.date"]);
            }
            else if (date < Today)
            {
                ModelState.AddModelError(nameof(form.TargetDate), t["inquiry.validation.date-past"]);
            }
        }
        if (!form.Consent)
        {
            ModelState.AddModelError(nameof(form.Consent), t["inquiry.validation.consent"]);
        }

        var lines = new List<InquiryLine>();
        var now = NowUtc;
        for (var i = 0; i < form.Lines.Count; i++)
        {
            var line = form.Lines[i];
            if (line.IsBlank)
            {
                continue;
            }
            var key = $"{nameof(form.Lines)}[{i}].";
            var slug = line.ProductSlug?.Trim();
            var name = line.ProductName?.Trim();
            var product = !string.IsNullOrEmpty(slug)
                ? await db.PublicProducts(now).Where(p => p.Slug == slug).Select(p => new { p.Id, p.ProducerId, p.Name, p.Moq, p.MoqUnit }).FirstOrDefaultAsync(cancellationToken)
                : null;
            if (!string.IsNullOrEmpty(slug) && product is null)
            {
                ModelState.AddModelError(key + nameof(line.ProductSlug), t["inquiry.validation.unknown-product"]);
                continue;
            }
            if (product is null && !string.IsNullOrEmpty(name))
            {
                // A product typed by its exact name is the listed one.
                var lowered = name.ToLowerInvariant();
#pragma warning disable CA1862 // translated to SQL (see TooManyAsync)
                product = await db.PublicProducts(now).Where(p => p.Name.Indonesian.ToLower() == lowered || (p.Name.English != null && p.Name.English.ToLower() == lowered))
                    .Select(p => new { p.Id, p.ProducerId, p.Name, p.Moq, p.MoqUnit }).FirstOrDefaultAsync(cancellationToken);
#pragma warning restore CA1862
            }
            if (product is null && string.IsNullOrEmpty(name))
            {
                ModelState.AddModelError(key + nameof(line.ProductName), t["inquiry.validation.product"]);
            }
            int? quantity = null;
            var quantityText = line.Quantity?.Replace(" ", "", StringComparison.Ordinal);
            if (string.IsNullOrEmpty(quantityText))
            {
                ModelState.AddModelError(key + nameof(line.Quantity), t["validation.required", t["inquiry.form.line.quantity"]]);
            }
            else if (!int.TryParse(quantityText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed is < 1 or > 100_000_000)
            {
                ModelState.AddModelError(key + nameof(line.Quantity), t["inquiry.validation.quantity"]);
            }
            else if (product is not null && parsed < product.Moq)
            {
                ModelState.AddModelError(key + nameof(line.Quantity), t["inquiry.validation.below-moq", product.Moq, product.MoqUnit.For(culture)]);
            }
            else
            {
                quantity = parsed;
            }
            var unit = product is not null ? product.MoqUnit.For(culture) : line.Unit?.Trim();
            if (string.IsNullOrEmpty(unit))
            {
                ModelState.AddModelError(key + nameof(line.Unit), t["validation.required", t["inquiry.form.line.unit"]]);
            }
            if (quantity is { } q && !string.IsNullOrEmpty(unit) && (product is not null || !string.IsNullOrEmpty(name)))
            {
                lines.Add(new InquiryLine
                {
                    ProductId = product?.Id,
                    ProducerId = product?.ProducerId,
                    ProductName = product?.Name.For(culture) ?? name!,
                    Quantity = q,
                    Unit = unit,
                });
            }
        }
        if (form.Lines.All(l => l.IsBlank))
        {
            ModelState.AddModelError(nameof(form.Lines), t["inquiry.validation.no-products"]);
        }
        return lines;
    }

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Digits with the usual separators and an optional leading +, at least six digits.</summary>
    [GeneratedRegex(@"^\+?(?=(?:\D*\d){6})[0-9 ()\-./]{6,39}$")]
    private static partial Regex PhonePattern();
}
