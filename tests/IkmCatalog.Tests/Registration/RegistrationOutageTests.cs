using System.Net;
using IkmCatalog.Email;
using IkmCatalog.Producers;
using IkmCatalog.Tests.Content;
using IkmCatalog.Tests.Email;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static IkmCatalog.Tests.Registration.RegistrationSteps;

namespace IkmCatalog.Tests.Registration;

/// <summary>A mail server that never answers loses no application: it is saved, and its emails wait in the outbox to be retried.</summary>
public class RegistrationOutageTests(RegistrationOutageTests.Host host) : IClassFixture<RegistrationOutageTests.Host>
{
    public sealed class Host() : IkmWebFactory(Settings())
    {
        private static Dictionary<string, string?> Settings()
        {
            var settings = OutboxTests.Settings();
            settings["IkmCatalog:Smtp:Host"] = "127.0.0.1";
            settings["IkmCatalog:Smtp:Port"] = SmtpSink.ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["IkmCatalog:Smtp:Security"] = "None";
            return settings;
        }
    }

    [Fact]
    public async Task An_application_is_kept_when_the_mail_server_is_down_and_its_emails_wait_to_be_retried()
    {
        var email = NewEmail("sabar");

        var response = await PostAsync(NoRedirects(host), "/daftar-ikm", Valid(await RegionIdAsync(host), email, NewNib()));
        var application = await FindAsync(host, email);
        var run = await ContentSteps.InScopeAsync(host, (db, _) =>
        {
            var services = host.Services;
            var sender = new OutboxSender(db, services.GetRequiredService<IMailTransport>(), services.GetRequiredService<IOptions<SmtpOptions>>(),
                new FakeClock(DateTimeOffset.UtcNow.AddMinutes(1)));
            return sender.SendDueAsync("node-test");
        });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.NotNull(application);
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        var emails = await OutboxAsync(host, application.Reference);
        Assert.Equal(2, run.Failed);
        Assert.Equal(2, emails.Count);
        Assert.All(emails, m =>
        {
            Assert.Null(m.SentAtUtc);
            Assert.Equal(1, m.Attempts);
            Assert.False(string.IsNullOrEmpty(m.LastError));
        });
        Assert.NotNull(await FindAsync(host, email));
    }
}
