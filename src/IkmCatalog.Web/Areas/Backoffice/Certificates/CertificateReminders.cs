using IkmCatalog.Certifications;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Email;
using IkmCatalog.Web.Infrastructure;
using IkmCatalog.Web.Localization;
using IkmCatalog.Web.Theming;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Areas.Backoffice.Certificates;

/// <summary>
/// Emails producers, in Indonesian, 90 and 30 days before a certificate expires: once per certificate, threshold and
/// expiry date. The reminder's day is claimed with a conditional update in the same transaction as the outbox row,
/// so several nodes running this at once send it once, and a failure sends nothing and marks nothing. A renewed
/// certificate (a later expiry date) gets its reminders again: a reminder sent before the current expiry's window
/// belonged to the previous expiry. Rejected and already expired certificates get none.
/// </summary>
public static class CertificateReminders
{
    public const int FirstDays = 90;
    public const int SecondDays = 30;

    /// <summary>One pass; returns how many reminders were put in the outbox.</summary>
    /// <param name="office">The office's name, signing the email.</param>
    public static async Task<int> RunAsync(IkmDbContext db, EmailOutbox outbox, UiStrings strings, OfficeTime time, string office, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(strings);
        ArgumentNullException.ThrowIfNull(time);
        var today = time.Today;
        var horizon = today.AddDays(FirstDays);
        var due = await db.Certifications.AsNoTracking()
            .Where(c => c.RejectedAtUtc == null && c.ExpiresOn != null && c.ExpiresOn >= today && c.ExpiresOn <= horizon)
            .Include(c => c.Product).ThenInclude(p => p!.Producer)
            .Include(c => c.Producer)
            .OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var certificate in due)
        {
            var expires = certificate.ExpiresOn!.Value;
            var producer = certificate.Product?.Producer ?? certificate.Producer;
            if (producer?.Email is not { Length: > 0 } email)
            {
                continue; // nobody to write to; tried again once the producer has an address
            }
            var second = expires <= today.AddDays(SecondDays);
            var previous = second ? certificate.Reminder30SentOn : certificate.Reminder90SentOn;
            if (previous is { } day && day >= expires.AddDays(-(second ? SecondDays : FirstDays)))
            {
                continue; // already reminded for this expiry date
            }
            if (await SendAsync(db, outbox, strings, office, certificate, producer.Name, email, second, previous, today, cancellationToken))
            {
                sent++;
            }
        }
        return sent;
    }

    private static async Task<bool> SendAsync(IkmDbContext db, EmailOutbox outbox, UiStrings strings, string office, Certification certificate, string producerName,
        string email, bool second, DateOnly? previous, DateOnly today, CancellationToken cancellationToken)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var id = certificate.Id;
        // The claim: only the node whose update still finds the value it read goes on.
        var claimed = second
            ? await db.Certifications.Where(c => c.Id == id && c.Reminder30SentOn == previous)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Reminder30SentOn, today).SetProperty(c => c.Reminder90SentOn, c => c.Reminder90SentOn ?? today), cancellationToken)
            : await db.Certifications.Where(c => c.Id == id && c.Reminder90SentOn == previous)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Reminder90SentOn, today), cancellationToken);
        if (claimed != 1)
        {
            return false;
        }
        const string culture = Cultures.Indonesian;
        var type = strings.Text(culture, "cert." + Certification.Code(certificate.Type));
        var owner = certificate.Product is { } product ? product.Name.Indonesian : producerName;
        var days = certificate.ExpiresOn!.Value.DayNumber - today.DayNumber;
        var subject = strings.Text(culture, "certificates.reminder.subject", type, certificate.Number, days);
        var body = strings.Text(culture, "certificates.reminder.body", producerName, type, certificate.Number, owner,
            certificate.ExpiresOn.Value.ToString("d MMMM yyyy", UiStrings.FormatFor(culture)), days, office);
        var queued = outbox.Enqueue(new OutgoingEmail("certificate-reminder", email, producerName, subject, body, Culture: culture));
        if (queued.Status != EnqueueStatus.Queued)
        {
            // An address the outbox refuses: nothing to send, and nothing marked, so a corrected address gets it.
            if (transaction is not null)
            {
                await transaction.RollbackAsync(cancellationToken);
            }
            return false;
        }
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return true;
    }
}

/// <summary>Runs <see cref="CertificateReminders"/> on every node, every hour: the claims keep each reminder to one email.</summary>
public sealed partial class CertificateReminderJob(IServiceScopeFactory scopes, ILogger<CertificateReminderJob> logger) : NodeJob(scopes, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var strings = services.GetRequiredService<UiStrings>();
        var office = services.GetRequiredService<IOptions<IkmCatalogOptions>>().Value.OfficeFor(services.GetRequiredService<ActiveTheme>()).Name is { Length: > 0 } name
            ? name : strings.Text(Cultures.Indonesian, "inquiry-mail.office");
        var sent = await CertificateReminders.RunAsync(services.GetRequiredService<IkmDbContext>(), services.GetRequiredService<EmailOutbox>(),
            strings, services.GetRequiredService<OfficeTime>(), office, cancellationToken);
        if (sent > 0)
        {
            LogSent(sent);
        }
    }

    [LoggerMessage(LogLevel.Information, "Queued {Count} certificate expiry reminder(s).")]
    private partial void LogSent(int count);
}
