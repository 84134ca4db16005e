using System.Net.Mail;
using IkmCatalog.Data;

namespace IkmCatalog.Email;

/// <summary>An email to send: to whom, in which language, about what.</summary>
public sealed record OutgoingEmail(string Kind, string To, string? ToName, string Subject, string TextBody, string? HtmlBody = null, string Culture = "id");

public enum EnqueueStatus
{
    Queued,
    InvalidAddress,
    /// <summary>A line break in the subject or a name, which could add headers of its own.</summary>
    HeaderInjection,
}

public sealed record EnqueueResult(EnqueueStatus Status, OutboxMessage? Message = null);

/// <summary>
/// Puts emails into the outbox. Nothing is saved here: the caller's SaveChanges commits the message with the change
/// that causes it, so a rolled-back change sends nothing and a mail server that is down loses nothing.
/// </summary>
public sealed class EmailOutbox(IkmDbContext db, TimeProvider clock)
{
    public EnqueueResult Enqueue(OutgoingEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        if (HasLineBreak(email.Subject) || HasLineBreak(email.ToName) || HasLineBreak(email.To))
        {
            return new(EnqueueStatus.HeaderInjection);
        }
        var to = email.To.Trim();
        // A bare address only: a display name goes in ToName, and MailAddress would otherwise accept "Name <a@b>".
        if (to.Length is 0 or > 320 || !MailAddress.TryCreate(to, out var address) || address.Address != to || address.DisplayName.Length > 0)
        {
            return new(EnqueueStatus.InvalidAddress);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            Kind = email.Kind, To = to, ToName = string.IsNullOrWhiteSpace(email.ToName) ? null : email.ToName.Trim(),
            Subject = email.Subject, TextBody = email.TextBody, HtmlBody = email.HtmlBody, Culture = email.Culture,
            CreatedAtUtc = now, NextAttemptAtUtc = now,
        };
        db.Outbox.Add(message);
        return new(EnqueueStatus.Queued, message);
    }

    private static bool HasLineBreak(string? value) => value is not null && value.AsSpan().IndexOfAny('\r', '\n') >= 0;
}
