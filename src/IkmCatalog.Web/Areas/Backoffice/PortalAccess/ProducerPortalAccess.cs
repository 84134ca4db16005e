using System.Globalization;
using System.Text;
using IkmCatalog.Backoffice;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Email;
using IkmCatalog.Web.Areas.Backoffice.Accounts;
using IkmCatalog.Web.Features;
using IkmCatalog.Web.Infrastructure;
using IkmCatalog.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Areas.Backoffice.PortalAccess;

public enum InviteStatus
{
    /// <summary>A new portal account was made and its invitation queued.</summary>
    Invited,

    /// <summary>The producer already had an account for this email: a fresh invitation was queued.</summary>
    Resent,

    ProducerNotFound,

    InvalidEmail,

    /// <summary>The email belongs to office staff or to another producer's account.</summary>
    EmailInUse,
}

public sealed record InviteResult(InviteStatus Status, string? AccountId = null)
{
    public bool Succeeded => Status is InviteStatus.Invited or InviteStatus.Resent;
}

/// <summary>
/// Portal accounts of producers: an account limited to one producer (role <see cref="EditorRoles.Producer"/>), created
/// without a password, and an invitation whose link sets one (an Identity password-reset token, valid for
/// <see cref="InvitationDays"/> days). Inviting the same email again re-sends the invitation, so callers (the office's
/// "Portal access" page, accepting a registration) need not know whether an account exists.
/// </summary>
public sealed class ProducerPortalAccess(
    IkmDbContext db,
    UserManager<Editor> users,
    EmailOutbox outbox,
    UiStrings strings,
    IOptions<IkmCatalogOptions> options,
    IHttpContextAccessor http,
    TimeProvider clock)
{
    public const int InvitationDays = 7;

    public const string InvitationKind = "portal-invitation";

    public async Task<InviteResult> InviteAsync(int producerId, string email, string culture, string invitedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        email = email.Trim();
        culture = Cultures.Normalize(culture);
        var producer = await db.Producers.AsNoTracking().Where(p => p.Id == producerId).Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(cancellationToken);
        if (producer is null)
        {
            return new(InviteStatus.ProducerNotFound);
        }
        if (email.Length is 0 or > 256 || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            return new(InviteStatus.InvalidEmail);
        }
        var account = await users.FindByEmailAsync(email);
        if (account is not null && account.ProducerId != producerId)
        {
            return new(InviteStatus.EmailInUse);
        }
        email = account?.Email ?? email; // a re-sent invitation goes to the account's own address, as it was written

        // The account, its invitation email and the audit entry commit together (or join the caller's transaction).
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var status = InviteStatus.Resent;
            if (account is null)
            {
                account = new Editor
                {
                    UserName = email, Email = email, EmailConfirmed = true, DisplayName = producer.Name, ProducerId = producerId,
                    Culture = culture, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
                };
                var created = await users.CreateAsync(account);
                if (created.Succeeded)
                {
                    created = await users.AddToRoleAsync(account, EditorRoles.Producer);
                }
                if (!created.Succeeded)
                {
                    if (own is not null)
                    {
                        await own.RollbackAsync(cancellationToken);
                    }
                    return new(created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))
                        ? InviteStatus.EmailInUse : InviteStatus.InvalidEmail);
                }
                status = InviteStatus.Invited;
            }
            var token = await users.GeneratePasswordResetTokenAsync(account);
            var link = SiteUrls.Root(options.Value.PublicBaseUrl, http.HttpContext)
                + "/backoffice/portal/welcome?account=" + Uri.EscapeDataString(account.Id) + "&token=" + Uri.EscapeDataString(token);
            if (outbox.Enqueue(Invitation(email, producer.Name, culture, link)).Status != EnqueueStatus.Queued)
            {
                if (own is not null)
                {
                    await own.RollbackAsync(cancellationToken);
                }
                db.ChangeTracker.Clear();
                return new(InviteStatus.InvalidEmail);
            }
            db.AuditEntries.Add(new AuditEntry
            {
                DocumentType = AccountAudit.DocumentType, Action = status == InviteStatus.Invited ? "portal-invite" : "portal-reinvite",
                User = invitedBy, AtUtc = clock.GetUtcNow().UtcDateTime, Detail = $"{email} → {producer.Name} (#{producerId})",
            });
            await db.SaveChangesAsync(cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
            return new(status, account.Id);
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    private OutgoingEmail Invitation(string email, string producerName, string culture, string link)
    {
        var body = new StringBuilder()
            .AppendLine(strings.Text(culture, "portal-mail.invite.greeting", producerName)).AppendLine()
            .AppendLine(strings.Text(culture, "portal-mail.invite.intro")).AppendLine()
            .AppendLine(strings.Text(culture, "portal-mail.invite.link", InvitationDays.ToString(CultureInfo.InvariantCulture)))
            .AppendLine(link).AppendLine()
            .AppendLine(strings.Text(culture, "portal-mail.invite.account", email)).AppendLine()
            .AppendLine(strings.Text(culture, "portal-mail.invite.ignore"));
        return new OutgoingEmail(InvitationKind, email, producerName, strings.Text(culture, "portal-mail.invite.subject", producerName), body.ToString(), Culture: culture);
    }
}
