using IkmCatalog.Certifications;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Email;
using IkmCatalog.Tests.Content;
using IkmCatalog.Web.Areas.Backoffice.Certificates;
using IkmCatalog.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Certificates;

/// <summary>
/// Expiry reminders against a fake clock set in the 2040s, long after every seeded certificate's expiry, so the only
/// certificates due are the ones each test makes (each test in years of its own).
/// </summary>
[Collection(CertificateCollection.Name)]
public class CertificateReminderTests(CertificateHost host)
{
    private async Task<T> InScopeAsync<T>(Func<IkmDbContext, CertificateRegistry, Task<T>> step)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await step(scope.ServiceProvider.GetRequiredService<IkmDbContext>(), scope.ServiceProvider.GetRequiredService<CertificateRegistry>());
    }

    /// <summary>Runs the reminders as the office sees the day <paramref name="today"/>; returns the reminders queued.</summary>
    private async Task<int> RunOnAsync(DateOnly today)
    {
        var clock = new FakeClock(new DateTimeOffset(today.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
        return await CertificateReminders.RunAsync(db, new EmailOutbox(db, clock), scope.ServiceProvider.GetRequiredService<UiStrings>(),
            new OfficeTime(clock, OfficeTime.DefaultZone), "Disperindag Kota Uji");
    }

    /// <summary>A verified certificate for a product of the given producer, whose own address gets the reminders.</summary>
    private async Task<(int Id, string Email)> CertificateAsync(string producerSlug, string number, DateOnly expires) =>
        await InScopeAsync(async (db, registry) =>
        {
            var producer = await db.Producers.SingleAsync(p => p.Slug == producerSlug);
            var product = await db.Products.Where(p => p.ProducerId == producer.Id).Select(p => p.Id).FirstAsync();
            var added = await registry.AddAsync(new CertificateInput(CertificationType.Pirt, number, "Dinkes Uji", new DateOnly(2025, 1, 2), expires, product), "petugas");
            Assert.True(added.Succeeded);
            await registry.VerifyAsync(added.Certificate!.Id, "kurator");
            return (added.Certificate.Id, producer.Email!);
        });

    private Task<List<OutboxMessage>> RemindersForAsync(string email, string number) =>
        InScopeAsync((db, _) => db.Outbox.AsNoTracking().Where(m => m.Kind == "certificate-reminder" && m.To == email && m.Subject.Contains(number)).OrderBy(m => m.Id).ToListAsync());

    [Fact]
    public async Task Ninety_and_thirty_days_before_expiry_the_producer_gets_one_email_each_in_indonesian()
    {
        var expiry = new DateOnly(2040, 6, 30);
        var (id, email) = await CertificateAsync("rumah-kulit-pamulang", "2063573010101-40", expiry);

        var tooEarly = await RunOnAsync(expiry.AddDays(-91));
        var first = await RunOnAsync(expiry.AddDays(-90));
        var again = await RunOnAsync(expiry.AddDays(-89));
        var between = await RunOnAsync(expiry.AddDays(-31));
        var second = await RunOnAsync(expiry.AddDays(-30));
        var later = await RunOnAsync(expiry.AddDays(-5));

        Assert.Equal((0, 1, 0, 0, 1, 0), (tooEarly, first, again, between, second, later));
        var messages = await RemindersForAsync(email, "2063573010101-40");
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal("id", m.Culture));
        Assert.Contains("90 hari", messages[0].Subject, StringComparison.Ordinal);
        Assert.Contains("30 hari", messages[1].Subject, StringComparison.Ordinal);
        Assert.Contains("30 Juni 2040", messages[1].TextBody, StringComparison.Ordinal);
        Assert.EndsWith("Disperindag Kota Uji", messages[1].TextBody.TrimEnd(), StringComparison.Ordinal);
        var stored = await InScopeAsync((db, _) => db.Certifications.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal((expiry.AddDays(-90), expiry.AddDays(-30)), (stored.Reminder90SentOn, stored.Reminder30SentOn));
    }

    [Fact]
    public async Task A_renewed_certificate_gets_its_reminders_again_and_an_expired_or_rejected_one_gets_none()
    {
        var expiry = new DateOnly(2043, 6, 30);
        var (renewed, email) = await CertificateAsync("anyaman-pandan-lestari", "2063573010202-40", expiry);
        var (rejected, _) = await CertificateAsync("anyaman-pandan-lestari", "2063573010303-40", expiry);
        await InScopeAsync((_, registry) => registry.RejectAsync(rejected, "Nomor palsu", "kurator"));
        await RunOnAsync(expiry.AddDays(-30));
        var afterFirstExpiry = await RemindersForAsync(email, "2063573010202-40");

        // Renewed for a year: the next expiry's reminders go out at their own time.
        var nextExpiry = expiry.AddYears(1);
        await InScopeAsync((_, registry) => registry.UpdateAsync(renewed,
            new CertificateInput(CertificationType.Pirt, "2063573010202-40", "Dinkes Uji", new DateOnly(2025, 6, 1), nextExpiry), "petugas"));
        var expiredMeanwhile = await RunOnAsync(expiry.AddDays(1));
        var ninety = await RunOnAsync(nextExpiry.AddDays(-90));
        var thirty = await RunOnAsync(nextExpiry.AddDays(-30));
        var afterExpiry = await RunOnAsync(nextExpiry.AddDays(1));

        Assert.Single(afterFirstExpiry);
        Assert.Equal((0, 1, 1, 0), (expiredMeanwhile, ninety, thirty, afterExpiry));
        Assert.Equal(3, (await RemindersForAsync(email, "2063573010202-40")).Count);
        Assert.Empty(await RemindersForAsync(email, "2063573010303-40"));
    }

    [Fact]
    public async Task Two_nodes_running_at_once_send_each_reminder_once()
    {
        var expiry = new DateOnly(2046, 6, 30);
        var (_, email) = await CertificateAsync("batik-tulis-sekar-tanjung", "2063573010404-40", expiry);

        var runs = await Task.WhenAll(RunOnAsync(expiry.AddDays(-60)), RunOnAsync(expiry.AddDays(-60)));

        Assert.Equal(1, runs.Sum());
        Assert.Single(await RemindersForAsync(email, "2063573010404-40"));
    }

    [Fact]
    public void The_reminder_text_names_the_certificate_owner_and_date_in_both_languages()
    {
        var strings = host.Services.GetRequiredService<UiStrings>();
        var body = strings.Text("id", "certificates.reminder.body", "UD Uji", "PIRT", "123", "Keripik Uji", "30 Juni 2040", 30, "Disperindag Kota Uji");

        Assert.Contains("Keripik Uji", body, StringComparison.Ordinal);
        Assert.Contains("30 hari", body, StringComparison.Ordinal);
        Assert.Contains("Disperindag Kota Uji", body, StringComparison.Ordinal);
        Assert.DoesNotContain("{", strings.Text("en", "certificates.reminder.body", "A", "B", "C", "D", "E", 1, "F"), StringComparison.Ordinal);
    }
}
