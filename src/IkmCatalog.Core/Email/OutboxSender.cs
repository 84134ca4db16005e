using IkmCatalog.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace IkmCatalog.Email;

public sealed record OutboxRun(int Sent, int Failed);

/// <summary>
/// Sends the outbox's due messages. Each is claimed by a conditional update that moves its next attempt a lease
/// ahead, so two nodes never both send it, and a node that dies while sending frees it when the lease runs out.
/// A failure is retried later and later (1 minute, 2, 4, … at most 6 hours) until <see cref="MaxAttempts"/>.
/// </summary>
public sealed class OutboxSender(IkmDbContext db, IMailTransport transport, IOptions<SmtpOptions> options, TimeProvider clock)
{
    public const int MaxAttempts = 12;

    /// <summary>How long a claim holds: longer than any one send takes.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(6);

    private const int BatchSize = 50;

    /// <summary>The wait after the <paramref name="attempts"/>th failure.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Math.Clamp(attempts, 1, 20) - 1), MaxBackoff.TotalMinutes));

    public async Task<OutboxRun> SendDueAsync(string node, CancellationToken cancellationToken = default)
    {
        var from = MailboxAddress.Parse(options.Value.From);
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Outbox.AsNoTracking()
            .Where(m => m.SentAtUtc == null && m.Attempts < MaxAttempts && m.NextAttemptAtUtc <= now)
            .OrderBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Id).Select(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
        int sent = 0, failed = 0;
        foreach (var id in due)
        {
            now = clock.GetUtcNow().UtcDateTime;
            var leaseEnds = now + Lease;
            var claimed = await db.Outbox.Where(m => m.Id == id && m.SentAtUtc == null && m.NextAttemptAtUtc <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAtUtc, leaseEnds), cancellationToken);
            if (claimed == 0)
            {
                continue; // another node has it
            }
            var message = await db.Outbox.AsNoTracking().FirstAsync(m => m.Id == id, cancellationToken);
            try
            {
                await transport.SendAsync(Compose(message, from), cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                var attempts = message.Attempts + 1;
                var error = attempts >= MaxAttempts ? $"Gave up after {attempts} attempts: {e.Message}" : e.Message;
                var next = now + Backoff(attempts);
                await db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.LastError, error.Length > 1000 ? error[..1000] : error)
                    .SetProperty(m => m.NextAttemptAtUtc, next), CancellationToken.None);
                failed++;
                continue;
            }
            var sentAt = clock.GetUtcNow().UtcDateTime;
            // Not cancellable: the message is out, and a lost mark would send it again after the lease.
            await db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.SentAtUtc, sentAt).SetProperty(m => m.SentBy, node), CancellationToken.None);
            sent++;
        }
        return new(sent, failed);
    }

    /// <summary>The one place an outbox row becomes a MIME message.</summary>
    public static MimeMessage Compose(OutboxMessage message, MailboxAddress from)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(from);
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Body = body.ToMessageBody(),
            Date = new DateTimeOffset(DateTime.SpecifyKind(message.CreatedAtUtc, DateTimeKind.Utc)),
            // The same id on every attempt: a message sent twice (a node died before marking it) is recognisably one.
            MessageId = $"outbox-{message.Id}@{from.Domain}",
        };
        mime.From.Add(from);
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.To));
        mime.Body.Headers.Add(HeaderId.ContentLanguage, message.Culture); // a Content-* header belongs to the body entity
        foreach (var part in mime.BodyParts.OfType<TextPart>())
        {
            // UTF-8 text stays readable in an .eml file; quoted-printable only where a line is longer than SMTP allows.
            // A server without 8BITMIME gets it re-encoded by MailKit.
            part.ContentTransferEncoding = part.Text.Split('\n').Any(line => System.Text.Encoding.UTF8.GetByteCount(line) > 990)
                ? ContentEncoding.QuotedPrintable : ContentEncoding.EightBit;
        }
        return mime;
    }
}
