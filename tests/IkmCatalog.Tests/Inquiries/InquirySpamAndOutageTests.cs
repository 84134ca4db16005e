using System.Net;
using AngleSharp.Dom;
using IkmCatalog.Email;
using IkmCatalog.Tests.Content;
using IkmCatalog.Tests.Email;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static IkmCatalog.Tests.Inquiries.InquirySteps;

namespace IkmCatalog.Tests.Inquiries;

/// <summary>
/// Robots are refused without losing a person's typing, and a mail server that is down loses no request: on a host
/// whose clock the tests hold, that asks for five seconds of filling time, and whose mail server never answers.
/// </summary>
public class InquirySpamAndOutageTests(InquirySpamAndOutageTests.Host host) : IClassFixture<InquirySpamAndOutageTests.Host>
{
    public sealed class Host() : IkmWebFactory(Settings())
    {
        public FakeClock Clock { get; } = new(DateTimeOffset.UtcNow);

        private static Dictionary<string, string?> Settings()
        {
            var settings = OutboxTests.Settings(seed: false);
            settings["IkmCatalog:Spam:MinFillSeconds"] = "5";
            settings["IkmCatalog:Smtp:Host"] = "127.0.0.1";
            settings["IkmCatalog:Smtp:Port"] = SmtpSink.ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["IkmCatalog:Smtp:Security"] = "None";
            return settings;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    /// <summary>GETs the form at the host's current time, lets <paramref name="fillFor"/> pass on its clock, then posts.</summary>
    private async Task<HttpResponseMessage> FillAndSendAsync(Dictionary<string, string> fields, TimeSpan fillFor)
    {
        var client = NoRedirects(host);
        var page = await Forms.ParseAsync(await client.GetAsync("/en/request-a-quote"));
        var hidden = page.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlInputElement>($"{FormSelector} input[type=hidden]")
            .Where(i => !fields.ContainsKey(i.Name!))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value));
        host.Clock.Now += fillFor;
        return await client.PostAsync("/en/request-a-quote", new FormUrlEncodedContent(hidden.Concat(fields)));
    }

    [Fact]
    public async Task A_form_sent_faster_than_a_person_types_is_shown_again_filled_and_nothing_is_saved()
    {
        const string email = "quick@robot.example.com";

        var response = await FillAndSendAsync(Filled(email, seeded: false), TimeSpan.FromSeconds(1));
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("faster than a person can fill it", page.QuerySelector("#form-refused")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Emma Janssen", Value(page, "Name"));
        Assert.Equal("Cashew butter, unsweetened", Value(page, "Lines[1].ProductName"));
        Assert.Equal(0, await CountAsync(host, email));
    }

    [Fact]
    public async Task A_filled_honeypot_is_refused_with_the_typing_kept_and_nothing_saved()
    {
        const string email = "honey@robot.example.com";
        var fields = Filled(email, seeded: false);
        fields["website"] = "https://cheap-pills.example";

        var response = await FillAndSendAsync(fields, TimeSpan.FromSeconds(30));
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("a hidden field was filled in", page.QuerySelector("#form-refused")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(email, Value(page, "Email"));
        Assert.Equal("Please quote for W320 in 10 kg cartons.", Value(page, "Message"));
        Assert.Equal(0, await CountAsync(host, email));
    }

    [Fact]
    public async Task A_request_is_kept_when_the_mail_server_is_down_and_its_emails_wait_to_be_retried()
    {
        const string email = "patient@buyer.example.co.uk";

        var response = await FillAndSendAsync(Filled(email, seeded: false), TimeSpan.FromSeconds(30));
        var inquiry = await FindAsync(host, email);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.NotNull(inquiry);
        Assert.Equal("Cashew butter, unsweetened", Assert.Single(inquiry.Lines).ProductName);

        var run = await ContentSteps.InScopeAsync(host, (db, _) =>
        {
            var services = host.Services;
            var sender = new OutboxSender(db, services.GetRequiredService<IMailTransport>(), services.GetRequiredService<IOptions<SmtpOptions>>(),
                new FakeClock(host.Clock.Now.AddMinutes(1)));
            return sender.SendDueAsync("node-test");
        });

        var emails = await OutboxAsync(host, inquiry.Reference);
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
