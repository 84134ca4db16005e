using System.Globalization;
using IkmCatalog.Backoffice;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Email;
using IkmCatalog.Inquiries;
using IkmCatalog.Producers;
using IkmCatalog.Web.Features;
using IkmCatalog.Web.Infrastructure;
using IkmCatalog.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Areas.Backoffice.Inquiries;

/// <summary>
/// The sales officers' inbox of buyers' requests for quotation: the list with its filters and export, and each
/// inquiry with what the office does about it. Every action writes an audit entry; a status only changes if it is
/// still the one the officer saw, so two officers acting at once cannot undo each other's work.
/// </summary>
[Route("backoffice/inquiries")]
[Authorize(Roles = $"{EditorRoles.Admin},{EditorRoles.SalesOfficer}")]
public sealed class InquiriesController(
    IkmDbContext db,
    OfficeTime time,
    EmailOutbox outbox,
    UserManager<Editor> users,
    UiStrings strings,
    IOptions<IkmCatalogOptions> options,
    IkmCatalog.Web.Theming.ActiveTheme theme,
    IStringLocalizer<UiStrings> text) : BackofficeController
{
    public const string AuditType = "inquiry";

    private const int MaxMessage = 5000;
    private const int MaxNote = 2000;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] InquiryFilterInput input, int page = 1, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var filter = InquiryFilter.Read(input, errors);
        var model = await new InquiryList(db, time).PageAsync(filter, errors, users.GetUserId(User), page, cancellationToken);
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return View(model);
    }

    [HttpGet("export.csv")]
    public async Task<IActionResult> Export([FromQuery] InquiryFilterInput input, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var filter = InquiryFilter.Read(input, errors);
        if (errors.Count > 0)
        {
            // An export of something other than what was asked for would mislead: show the list with the messages.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), await new InquiryList(db, time).PageAsync(filter, errors, users.GetUserId(User), 1, cancellationToken));
        }
        var rows = await new InquiryList(db, time).AllAsync(filter, users.GetUserId(User), cancellationToken);
        var file = InquiryCsv.Write(rows, time, key => text[key].Value);
        var name = string.Create(CultureInfo.InvariantCulture, $"inquiries-{time.Today:yyyy-MM-dd}.csv");
        return File(file, "text/csv; charset=utf-8", name);
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Detail(int id, CancellationToken cancellationToken)
    {
        var model = await DetailAsync(id, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("{id:int}/assign")]
    public async Task<IActionResult> Assign(int id, [Bind(Prefix = "Assign")] AssignForm form, bool me, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var inquiry = await FindAsync(id, cancellationToken);
        if (inquiry is null)
        {
            return NotFound();
        }
        var officers = await OfficersAsync();
        var assignee = me ? users.GetUserId(User) : form.AssigneeId;
        var officer = officers.FirstOrDefault(o => o.Id == assignee);
        if (officer is null && !string.IsNullOrEmpty(assignee))
        {
            ModelState.AddModelError("Assign.AssigneeId", text["backoffice.inquiries.assign.error"]);
            return await RedisplayAsync(id, m => m with { Assign = form }, cancellationToken);
        }
        var now = time.UtcNow;
        var officerId = officer?.Id;
        await db.Inquiries.Where(i => i.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AssignedToId, officerId).SetProperty(i => i.UpdatedAtUtc, now), cancellationToken);
        Audit(id, officer is null ? "unassign" : "assign", now, officer?.Name);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = officer is null
            ? text["backoffice.inquiries.assign.cleared"].Value
            : text["backoffice.inquiries.assign.done", officer.Name].Value;
        return RedirectToAction(nameof(Detail), new { id });
    }

    [HttpPost("{id:int}/forward")]
    public async Task<IActionResult> Forward(int id, [Bind(Prefix = "Forward")] ForwardForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var inquiry = await FindAsync(id, cancellationToken);
        if (inquiry is null)
        {
            return NotFound();
        }
        form.Note = form.Note?.Trim();
        Producer? producer = null;
        string? whatsApp = null;
        if (!InquiryStates.IsOpen(inquiry.Status))
        {
            ModelState.AddModelError("Forward.ProducerId", text["backoffice.inquiries.error.not-open"]);
        }
        else if (!int.TryParse(form.ProducerId, NumberStyles.None, CultureInfo.InvariantCulture, out var producerId)
            || (producer = await db.Producers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == producerId, cancellationToken)) is null)
        {
            ModelState.AddModelError("Forward.ProducerId", text["backoffice.inquiries.forward.error.producer"]);
        }
        else if (string.IsNullOrWhiteSpace(producer.Email))
        {
            whatsApp = ProducerContact.WhatsAppLink(producer.WhatsApp, text["backoffice.inquiries.forward.whatsapp-text", inquiry.Reference].Value);
            ModelState.AddModelError("Forward.ProducerId", whatsApp is null
                ? text["backoffice.inquiries.forward.error.no-contact", producer.Name]
                : text["backoffice.inquiries.forward.error.no-email", producer.Name]);
        }
        if (form.Note is { Length: > MaxNote })
        {
            ModelState.AddModelError("Forward.Note", text["validation.max-length", text["backoffice.inquiries.forward.note"].Value, MaxNote]);
        }
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(id, m => m with { Forward = form, ForwardWhatsApp = whatsApp }, cancellationToken);
        }

        var officer = await OfficerAsync(cancellationToken);
        var email = Emails().Forward(inquiry, producer!, form.Note, officer);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.UtcNow;
        if (!await ClaimAsync(id, inquiry.Status, InquiryStates.AfterForward(inquiry.Status), now, respond: true, cancellationToken))
        {
            return ChangedMeanwhile(id);
        }
        if (outbox.Enqueue(email).Status != EnqueueStatus.Queued)
        {
            await transaction.RollbackAsync(cancellationToken);
            ModelState.AddModelError("Forward.ProducerId", text["backoffice.inquiries.forward.error.bad-email", producer!.Name, producer.Email!]);
            return await RedisplayAsync(id, m => m with { Forward = form }, cancellationToken);
        }
        db.InquiryMessages.Add(new InquiryMessage
        {
            InquiryId = id, Kind = InquiryMessageKind.Forwarded, Author = officer, AtUtc = now, ProducerId = producer!.Id,
            Body = string.IsNullOrEmpty(form.Note) ? $"{producer!.Name} <{email.To}>" : $"{producer!.Name} <{email.To}>\n\n{form.Note}",
        });
        Audit(id, "forward", now, producer.Name);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData["Notice"] = text["backoffice.inquiries.forward.done", producer.Name].Value;
        return RedirectToAction(nameof(Detail), new { id });
    }

    [HttpPost("{id:int}/quote")]
    public async Task<IActionResult> Quote(int id, [Bind(Prefix = "Quote")] QuoteForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var inquiry = await FindAsync(id, cancellationToken);
        if (inquiry is null)
        {
            return NotFound();
        }
        var quote = CheckQuote(form, inquiry.Status);
        if (quote is null)
        {
            return await RedisplayAsync(id, m => m with { Quote = form }, cancellationToken);
        }

        var officer = await OfficerAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.UtcNow;
        if (!await ClaimAsync(id, inquiry.Status, InquiryStatus.Quoted, now, respond: true, cancellationToken))
        {
            return ChangedMeanwhile(id);
        }
        quote.InquiryId = id;
        quote.CreatedBy = officer;
        quote.CreatedAtUtc = now;
        db.InquiryQuotes.Add(quote);
        var sent = outbox.Enqueue(Emails().Quote(inquiry, quote, StatusUrl(inquiry))).Status == EnqueueStatus.Queued;
        Audit(id, "quote", now, InquiryEmails.Price(quote.Price, quote.Currency, CultureInfo.InvariantCulture) + " / " + quote.PriceUnit + " " + quote.Incoterm);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData["Notice"] = sent ? text["backoffice.inquiries.quote.done"].Value : text["backoffice.inquiries.quote.done-no-email", inquiry.Email].Value;
        return RedirectToAction(nameof(Detail), new { id });
    }

    [HttpPost("{id:int}/reply")]
    public async Task<IActionResult> Reply(int id, [Bind(Prefix = "Reply")] MessageForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var inquiry = await FindAsync(id, cancellationToken);
        if (inquiry is null)
        {
            return NotFound();
        }
        form.Body = form.Body?.Trim();
        if (!CheckMessage(form, "Reply.Body", "backoffice.inquiries.reply.body"))
        {
            return await RedisplayAsync(id, m => m with { Reply = form }, cancellationToken);
        }

        var officer = await OfficerAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.UtcNow;
        // The status stays as it is; claiming it still sets the first response once and no other.
        if (!await ClaimAsync(id, inquiry.Status, inquiry.Status, now, respond: true, cancellationToken))
        {
            return ChangedMeanwhile(id);
        }
        db.InquiryMessages.Add(new InquiryMessage { InquiryId = id, Kind = InquiryMessageKind.OfficeReply, Body = form.Body!, Author = officer, AtUtc = now });
        var sent = outbox.Enqueue(Emails().Reply(inquiry, form.Body!, officer, StatusUrl(inquiry))).Status == EnqueueStatus.Queued;
        Audit(id, "reply", now, null);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData["Notice"] = sent ? text["backoffice.inquiries.reply.done"].Value : text["backoffice.inquiries.reply.done-no-email", inquiry.Email].Value;
        return RedirectToAction(nameof(Detail), new { id });
    }

    [HttpPost("{id:int}/note")]
    public async Task<IActionResult> Note(int id, [Bind(Prefix = "Note")] MessageForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!await db.Inquiries.AnyAsync(i => i.Id == id, cancellationToken))
        {
            return NotFound();
        }
        form.Body = form.Body?.Trim();
        if (!CheckMessage(form, "Note.Body", "backoffice.inquiries.note.body"))
        {
            return await RedisplayAsync(id, m => m with { Note = form }, cancellationToken);
        }
        var officer = await OfficerAsync(cancellationToken);
        var now = time.UtcNow;
        db.InquiryMessages.Add(new InquiryMessage { InquiryId = id, Kind = InquiryMessageKind.Note, Body = form.Body!, Author = officer, AtUtc = now });
        Audit(id, "note", now, null);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = text["backoffice.inquiries.note.done"].Value;
        return RedirectToAction(nameof(Detail), new { id });
    }

    [HttpPost("{id:int}/status")]
    public async Task<IActionResult> Status(int id, [Bind(Prefix = "Status")] StatusForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var inquiry = await db.Inquiries.AsNoTracking().Include(i => i.Quotes).Include(i => i.Messages).AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (inquiry is null)
        {
            return NotFound();
        }
        var from = inquiry.Status;
        InquiryStatus? to = form.Next switch
        {
            "reopen" when InquiryStates.CanReopen(from) =>
                InquiryStates.Reopened(inquiry.Quotes.Count > 0, inquiry.Messages.Any(m => m.Kind == InquiryMessageKind.Forwarded)),
            "won" or "lost" or "closed" when Enum.Parse<InquiryStatus>(form.Next, ignoreCase: true) is var wanted && InquiryStates.CanMove(from, wanted) => wanted,
            _ => null,
        };
        if (to is null)
        {
            var wanted = form.Next is "won" or "lost" or "closed" or "reopen" ? text["backoffice.inquiries.action." + form.Next].Value : form.Next ?? "";
            ModelState.AddModelError("Status.Next", text["backoffice.inquiries.status.error", wanted, text["backoffice.inquiries.status." + StatusKey(from)].Value]);
            return await RedisplayAsync(id, m => m with { Status = form }, cancellationToken);
        }

        var now = time.UtcNow;
        if (!await ClaimAsync(id, from, to.Value, now, respond: false, cancellationToken))
        {
            return ChangedMeanwhile(id);
        }
        Audit(id, form.Next == "reopen" ? "reopen" : StatusKey(to.Value), now, $"{StatusKey(from)} → {StatusKey(to.Value)}");
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = text["backoffice.inquiries.status.done", text["backoffice.inquiries.status." + StatusKey(to.Value)].Value].Value;
        return RedirectToAction(nameof(Detail), new { id });
    }

    public static string StatusKey(InquiryStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>The signed-in officer's name as buyers and producers read it.</summary>
    private async Task<string> OfficerAsync(CancellationToken cancellationToken)
    {
        var name = await db.Users.AsNoTracking().Where(u => u.UserName == UserName).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(name) ? UserName : name;
    }

    private InquiryEmails Emails() =>
        new(strings, options.Value.OfficeFor(theme).Name is { Length: > 0 } office ? office : strings.Text(Cultures.Indonesian, "inquiry-mail.office"));

    /// <summary>The buyer's private status page, absolute, in the buyer's language.</summary>
    private string StatusUrl(Inquiry inquiry) =>
        SiteUrls.Page(HttpContext, "rfq-status", Cultures.Normalize(inquiry.Culture), new { token = inquiry.Token });

    /// <summary>
    /// Moves the inquiry from <paramref name="from"/> to <paramref name="to"/> only if it is still at
    /// <paramref name="from"/>; with <paramref name="respond"/>, also records the first response if none is yet.
    /// </summary>
    private async Task<bool> ClaimAsync(int id, InquiryStatus from, InquiryStatus to, DateTime now, bool respond, CancellationToken cancellationToken)
    {
        var row = db.Inquiries.Where(i => i.Id == id && i.Status == from);
        var changed = respond
            ? await row.ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, to).SetProperty(i => i.UpdatedAtUtc, now)
                .SetProperty(i => i.FirstResponseAtUtc, i => i.FirstResponseAtUtc ?? now), cancellationToken)
            : await row.ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, to).SetProperty(i => i.UpdatedAtUtc, now), cancellationToken);
        return changed == 1;
    }

    private RedirectToActionResult ChangedMeanwhile(int id)
    {
        TempData["Alert"] = text["backoffice.inquiries.error.changed"].Value;
        return RedirectToAction(nameof(Detail), new { id });
    }

    private void Audit(int id, string action, DateTime now, string? detail) =>
        db.AuditEntries.Add(new AuditEntry
        {
            DocumentType = AuditType, DocumentId = id, Action = action, User = UserName, AtUtc = now,
            Detail = detail is { Length: > 1000 } ? detail[..1000] : detail,
        });

    private bool CheckMessage(MessageForm form, string field, string label)
    {
        if (string.IsNullOrEmpty(form.Body))
        {
            ModelState.AddModelError(field, text["validation.required", text[label].Value]);
        }
        else if (form.Body.Length > MaxMessage)
        {
            ModelState.AddModelError(field, text["validation.max-length", text[label].Value, MaxMessage]);
        }
        return ModelState.IsValid;
    }

    /// <summary>The quote when every field is right; otherwise null, with a message next to each wrong field.</summary>
    private InquiryQuote? CheckQuote(QuoteForm form, InquiryStatus status)
    {
        if (!InquiryStates.CanMove(status, InquiryStatus.Quoted))
        {
            ModelState.AddModelError("Quote.Price", text["backoffice.inquiries.error.not-open"]);
            return null;
        }
        form.PriceUnit = form.PriceUnit?.Trim();
        form.Note = form.Note?.Trim();
        string Label(string key) => text["backoffice.inquiries.quote." + key].Value;

        decimal price = 0;
        if (string.IsNullOrWhiteSpace(form.Price))
        {
            ModelState.AddModelError("Quote.Price", text["validation.required", Label("price")]);
        }
        else if (!decimal.TryParse(form.Price.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out price)
            || price <= 0 || price >= 10_000_000_000_000m || decimal.Round(price, 2) != price)
        {
            ModelState.AddModelError("Quote.Price", text["backoffice.inquiries.quote.error.price"]);
        }
        if (form.Currency is not ("IDR" or "USD"))
        {
            ModelState.AddModelError("Quote.Currency", text["backoffice.inquiries.quote.error.currency"]);
        }
        if (string.IsNullOrEmpty(form.PriceUnit))
        {
            ModelState.AddModelError("Quote.PriceUnit", text["validation.required", Label("price-unit")]);
        }
        else if (form.PriceUnit.Length > 60)
        {
            ModelState.AddModelError("Quote.PriceUnit", text["validation.max-length", Label("price-unit"), 60]);
        }
        if (!Incoterms.IsKnown(form.Incoterm))
        {
            ModelState.AddModelError("Quote.Incoterm", text["backoffice.inquiries.quote.error.incoterm"]);
        }
        DateOnly validUntil = default;
        if (string.IsNullOrWhiteSpace(form.ValidUntil))
        {
            ModelState.AddModelError("Quote.ValidUntil", text["validation.required", Label("valid-until")]);
        }
        else if (!DateOnly.TryParseExact(form.ValidUntil.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out validUntil))
        {
            ModelState.AddModelError("Quote.ValidUntil", text["backoffice.inquiries.quote.error.date"]);
        }
        else if (validUntil < time.Today)
        {
            ModelState.AddModelError("Quote.ValidUntil", text["backoffice.inquiries.quote.error.past"]);
        }
        var leadTime = 0;
        if (string.IsNullOrWhiteSpace(form.LeadTimeDays))
        {
            ModelState.AddModelError("Quote.LeadTimeDays", text["validation.required", Label("lead-time")]);
        }
        else if (!int.TryParse(form.LeadTimeDays.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out leadTime) || leadTime is < 1 or > 365)
        {
            ModelState.AddModelError("Quote.LeadTimeDays", text["validation.range", Label("lead-time"), 1, 365]);
        }
        if (form.Note is { Length: > MaxNote })
        {
            ModelState.AddModelError("Quote.Note", text["validation.max-length", Label("note"), MaxNote]);
        }
        if (!ModelState.IsValid)
        {
            return null;
        }
        return new InquiryQuote
        {
            Price = price, Currency = form.Currency!, PriceUnit = form.PriceUnit!, Incoterm = form.Incoterm!, ValidUntil = validUntil,
            LeadTimeDays = leadTime, Note = string.IsNullOrEmpty(form.Note) ? null : form.Note,
        };
    }

    private Task<Inquiry?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Inquiries.AsNoTracking().Include(i => i.Lines).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    private async Task<IActionResult> RedisplayAsync(int id, Func<InquiryDetailViewModel, InquiryDetailViewModel> with, CancellationToken cancellationToken)
    {
        var model = await DetailAsync(id, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Detail), with(model));
    }

    /// <summary>Accounts an inquiry may be assigned to: sales officers and admins who can still sign in.</summary>
    private async Task<List<Officer>> OfficersAsync()
    {
        var accounts = (await users.GetUsersInRoleAsync(EditorRoles.SalesOfficer)).Concat(await users.GetUsersInRoleAsync(EditorRoles.Admin));
        return
        [
            .. accounts.Where(a => !Accounts.AccountState.IsDisabled(a)).DistinctBy(a => a.Id)
                .Select(a => new Officer(a.Id, string.IsNullOrWhiteSpace(a.DisplayName) ? a.UserName ?? a.Id : a.DisplayName))
                .OrderBy(o => o.Name, StringComparer.CurrentCultureIgnoreCase),
        ];
    }

    private async Task<InquiryDetailViewModel?> DetailAsync(int id, CancellationToken cancellationToken)
    {
        var inquiry = await db.Inquiries.AsNoTracking().Include(i => i.Lines).Include(i => i.Quotes).Include(i => i.Messages).AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (inquiry is null)
        {
            return null;
        }
        var officers = await OfficersAsync();
        var assignedTo = inquiry.AssignedToId is null ? null
            : officers.FirstOrDefault(o => o.Id == inquiry.AssignedToId)?.Name
                ?? (await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == inquiry.AssignedToId, cancellationToken))?.DisplayName
                ?? inquiry.AssignedToId;
        var lineProducerIds = inquiry.Lines.Where(l => l.ProducerId != null).Select(l => l.ProducerId!.Value).Distinct().ToList();
        var producers = await db.Producers.AsNoTracking()
            .Select(p => new ProducerChoice(p.Id, p.Name, p.Email, p.WhatsApp)).ToListAsync(cancellationToken);
        producers = [.. producers.OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase)];
        var productIds = inquiry.Lines.Where(l => l.ProductId != null).Select(l => l.ProductId!.Value).ToList();
        var productLinks = (await db.PublicProducts(time.UtcNow).AsNoTracking().Where(p => productIds.Contains(p.Id))
                .Select(p => new { p.Id, p.Slug }).ToListAsync(cancellationToken))
            .ToDictionary(p => p.Id, p => Url.Localized("product", new { slug = p.Slug }, Cultures.Indonesian));
        var history = await db.AuditEntries.AsNoTracking().Where(a => a.DocumentType == AuditType && a.DocumentId == id)
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Take(200).ToListAsync(cancellationToken);
        var defaults = new QuoteForm
        {
            Currency = Cultures.IsEnglish(inquiry.Culture) ? "USD" : "IDR",
            Incoterm = inquiry.Incoterm,
            ValidUntil = time.Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            PriceUnit = inquiry.Lines.FirstOrDefault()?.Unit,
        };
        return new InquiryDetailViewModel(
            inquiry, assignedTo, officers,
            [.. producers.Where(p => lineProducerIds.Contains(p.Id))],
            [.. producers.Where(p => !lineProducerIds.Contains(p.Id))],
            productLinks, history, time)
        {
            Assign = new AssignForm { AssigneeId = inquiry.AssignedToId },
            Forward = new ForwardForm { ProducerId = lineProducerIds.Count == 1 ? lineProducerIds[0].ToString(CultureInfo.InvariantCulture) : null },
            Quote = defaults,
        };
    }
}
