using System.ComponentModel.DataAnnotations;
using IkmCatalog.Backoffice;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Web.Areas.Backoffice.Accounts;
using IkmCatalog.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IkmCatalog.Web.Areas.Backoffice.PortalAccess;

public sealed class InviteForm
{
    [Required(ErrorMessage = "validation.required")]
    [EmailAddress(ErrorMessage = "validation.email")]
    [StringLength(256, ErrorMessage = "validation.max-length")]
    [Display(Name = "portal-access.email")]
    public string Email { get; set; } = "";

    [Display(Name = "portal-access.language")]
    public string Culture { get; set; } = Cultures.Indonesian;
}

public sealed record PortalAccountRow(Editor Account, bool Disabled);

public sealed record PortalAccessViewModel(int ProducerId, string ProducerName, string? ProducerEmail, IReadOnlyList<PortalAccountRow> Accounts, InviteForm Invite);

/// <summary>
/// The office gives a producer its portal: invites an account for the producer's email, re-sends the invitation,
/// disables and enables the account. Every action goes to the audit trail.
/// </summary>
[Route("backoffice/producers/{id:int}/portal")]
[Authorize(Roles = Programme)]
public sealed class PortalAccessController(
    IkmDbContext db, UserManager<Editor> users, ProducerPortalAccess access, IStringLocalizer<UiStrings> text, TimeProvider clock) : BackofficeController
{
    public const string Programme = IkmCatalog.Backoffice.EditorRoles.Programme;

    [HttpGet("")]
    public async Task<IActionResult> Index(int id, CancellationToken cancellationToken) =>
        await ModelAsync(id, null, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpPost("invite")]
    public async Task<IActionResult> Invite(int id, [Bind(Prefix = "Invite")] InviteForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!Cultures.All.Contains(form.Culture))
        {
            ModelState.AddModelError("Invite.Culture", text["portal-access.error.language"]);
        }
        if (ModelState.IsValid)
        {
            var result = await access.InviteAsync(id, form.Email, form.Culture, UserName, cancellationToken);
            switch (result.Status)
            {
                case InviteStatus.ProducerNotFound:
                    return NotFound();
                case InviteStatus.Invited or InviteStatus.Resent:
                    TempData["Notice"] = text[result.Status == InviteStatus.Invited ? "portal-access.invited" : "portal-access.resent", form.Email.Trim()].Value;
                    return RedirectToAction(nameof(Index), new { id });
                case InviteStatus.EmailInUse:
                    ModelState.AddModelError("Invite.Email", text["portal-access.error.email-in-use"]);
                    break;
                default:
                    ModelState.AddModelError("Invite.Email", text["validation.email", text["portal-access.email"].Value]);
                    break;
            }
        }
        return await ModelAsync(id, form, cancellationToken) is { } model ? View(nameof(Index), model) : NotFound();
    }

    [HttpPost("{accountId}/resend")]
    public async Task<IActionResult> Resend(int id, string accountId, CancellationToken cancellationToken)
    {
        if (await AccountAsync(id, accountId) is not { } account)
        {
            return NotFound();
        }
        var result = await access.InviteAsync(id, account.Email ?? "", account.Culture, UserName, cancellationToken);
        TempData["Notice"] = result.Succeeded ? text["portal-access.resent", account.Email ?? ""].Value : text["portal-access.error.resend"].Value;
        return RedirectToAction(nameof(Index), new { id });
    }

    [HttpPost("{accountId}/disable")]
    public async Task<IActionResult> Disable(int id, string accountId, CancellationToken cancellationToken)
    {
        if (await AccountAsync(id, accountId) is not { } account)
        {
            return NotFound();
        }
        await users.SetLockoutEnabledAsync(account, true);
        await users.SetLockoutEndDateAsync(account, AccountState.DisabledUntil);
        await users.UpdateSecurityStampAsync(account); // its open sessions end now
        await AccountAudit.RecordAsync(db, clock, "portal-disable", UserName, account, cancellationToken);
        TempData["Notice"] = text["portal-access.disabled", account.Email ?? ""].Value;
        return RedirectToAction(nameof(Index), new { id });
    }

    [HttpPost("{accountId}/enable")]
    public async Task<IActionResult> Enable(int id, string accountId, CancellationToken cancellationToken)
    {
        if (await AccountAsync(id, accountId) is not { } account)
        {
            return NotFound();
        }
        await users.SetLockoutEndDateAsync(account, null);
        await users.ResetAccessFailedCountAsync(account);
        await AccountAudit.RecordAsync(db, clock, "portal-enable", UserName, account, cancellationToken);
        TempData["Notice"] = text["portal-access.enabled", account.Email ?? ""].Value;
        return RedirectToAction(nameof(Index), new { id });
    }

    /// <summary>Only an account of this producer: an id from another producer's page finds nothing.</summary>
    private async Task<Editor?> AccountAsync(int producerId, string accountId) =>
        await users.FindByIdAsync(accountId) is { } account && account.ProducerId == producerId ? account : null;

    private async Task<PortalAccessViewModel?> ModelAsync(int id, InviteForm? form, CancellationToken cancellationToken)
    {
        var producer = await db.Producers.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Id, p.Name, p.Email }).FirstOrDefaultAsync(cancellationToken);
        if (producer is null)
        {
            return null;
        }
        var accounts = await db.Users.AsNoTracking().Where(u => u.ProducerId == id).OrderBy(u => u.Email).ToListAsync(cancellationToken);
        return new PortalAccessViewModel(producer.Id, producer.Name, producer.Email,
            [.. accounts.Select(a => new PortalAccountRow(a, AccountState.IsDisabled(a)))],
            form ?? new InviteForm { Email = producer.Email ?? "" });
    }
}
