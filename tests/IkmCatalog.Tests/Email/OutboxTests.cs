using System.Data.Common;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Email;
using IkmCatalog.Tests.Content;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using Xunit.Abstractions;

namespace IkmCatalog.Tests.Email;

/// <summary>
/// The email outbox on a real SQLite database: messages are saved with the caller's change, sent once by whichever
/// node claims them, and retried later when the mail server is down. The hosts' own senders poll once an hour and the
/// tests' messages are due only by a clock the test holds, so only the test sends them.
/// </summary>
public class OutboxTests(OutboxTests.Host host, ITestOutputHelper output) : IClassFixture<OutboxTests.Host>
{
    public sealed class Host() : IkmWebFactory(Settings());

    /// <summary>Quiet hosts; <paramref name="seed"/> false for hosts that need no demo catalogue.</summary>
    public static Dictionary<string, string?> Settings(bool seed = true)
    {
        var settings = ContentSteps.QuietBackground();
        settings["IkmCatalog:Smtp:PollInterval"] = "01:00:00";
        settings["IkmCatalog:Seed:Enabled"] = seed ? "true" : "false";
        return settings;
    }

    private static OutgoingEmail Email(string subject, string to = "pembeli@contoh.co.id", string? toName = "Ibu Sari") =>
        new("inquiry-received", to, toName, subject, "Terima kasih atas pertanyaan Anda.");

    private static async Task<T> WithClockAsync<T>(IkmWebFactory node, FakeClock clock, Func<IkmDbContext, EmailOutbox, OutboxSender, Task<T>> step)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<IkmDbContext>();
        var sender = new OutboxSender(db, services.GetRequiredService<IMailTransport>(), services.GetRequiredService<IOptions<SmtpOptions>>(), clock);
        return await step(db, new EmailOutbox(db, clock), sender);
    }

    private static Task<OutboxMessage?> FindAsync(IkmWebFactory node, string subject) =>
        ContentSteps.InScopeAsync(node, (db, _) => db.Outbox.AsNoTracking().SingleOrDefaultAsync(m => m.Subject == subject));

    private static List<MimeMessage> PickedUp(IkmWebFactory node)
    {
        var folder = Path.Combine(node.DataPath, "mail");
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder, "*.eml").Select(f => MimeMessage.Load(f))] : [];
    }

    [Fact]
    public async Task An_email_is_stored_only_when_the_caller_saves_its_change()
    {
        var clock = new FakeClock(new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var rolledBack = await WithClockAsync(host, clock, async (db, outbox, _) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var result = outbox.Enqueue(Email("Pertanyaan dibatalkan"));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return result;
        });
        var unsaved = await WithClockAsync(host, clock, (_, outbox, _) => Task.FromResult(outbox.Enqueue(Email("Pertanyaan tidak disimpan"))));
        var saved = await WithClockAsync(host, clock, async (db, outbox, _) =>
        {
            var result = outbox.Enqueue(Email("Pertanyaan disimpan"));
            await db.SaveChangesAsync();
            return result;
        });

        Assert.Equal([EnqueueStatus.Queued, EnqueueStatus.Queued, EnqueueStatus.Queued], [rolledBack.Status, unsaved.Status, saved.Status]);
        Assert.Null(await FindAsync(host, "Pertanyaan dibatalkan"));
        Assert.Null(await FindAsync(host, "Pertanyaan tidak disimpan"));
        var stored = await FindAsync(host, "Pertanyaan disimpan");
        Assert.NotNull(stored);
        Assert.Equal((clock.UtcNow, clock.UtcNow, 0, (DateTime?)null), (stored.CreatedAtUtc, stored.NextAttemptAtUtc, stored.Attempts, stored.SentAtUtc));
    }

    [Theory]
    [InlineData("Pertanyaan\r\nBcc: semua@contoh.co.id", "pembeli@contoh.co.id", "Ibu Sari", EnqueueStatus.HeaderInjection)]
    [InlineData("Pertanyaan baru", "pembeli@contoh.co.id", "Ibu Sari\nBcc: semua@contoh.co.id", EnqueueStatus.HeaderInjection)]
    [InlineData("Pertanyaan baru", "pembeli@contoh.co.id\r\nBcc: semua@contoh.co.id", null, EnqueueStatus.HeaderInjection)]
    [InlineData("Pertanyaan baru", "bukan-alamat", null, EnqueueStatus.InvalidAddress)]
    [InlineData("Pertanyaan baru", "", null, EnqueueStatus.InvalidAddress)]
    [InlineData("Pertanyaan baru", "Ibu Sari <pembeli@contoh.co.id>", null, EnqueueStatus.InvalidAddress)]
    [InlineData("Pertanyaan baru", "pembeli@contoh.co.id, lain@contoh.co.id", null, EnqueueStatus.InvalidAddress)]
    public async Task Header_injection_and_invalid_addresses_are_refused(string subject, string to, string? toName, EnqueueStatus expected)
    {
        var clock = new FakeClock(new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var (result, pending) = await WithClockAsync(host, clock, (db, outbox, _) =>
        {
            var result = outbox.Enqueue(Email(subject, to, toName));
            return Task.FromResult((result, db.ChangeTracker.Entries<OutboxMessage>().Count()));
        });

        Assert.Equal(expected, result.Status);
        Assert.Null(result.Message);
        Assert.Equal(0, pending);
    }

    [Fact]
    public async Task Without_an_smtp_host_a_message_is_written_as_a_readable_eml_file_and_marked_sent()
    {
        var clock = new FakeClock(new DateTimeOffset(2100, 2, 1, 0, 0, 0, TimeSpan.Zero));
        const string subject = "Pertanyaan baru: Keripik Tempe Rasa Balado — harga grosir?";
        const string body = "Terima kasih, Ibu Sari.\nPertanyaan Anda tentang “Keripik Tempe” (Rp 25.000 per bungkus) sudah kami terima.\nSalam, Dinas Perindustrian Kota Kendari — Sulawesi Tenggara";

        await WithClockAsync(host, clock, (db, outbox, _) =>
        {
            Assert.Equal(EnqueueStatus.Queued, outbox.Enqueue(new("inquiry-received", "sari@contoh.co.id", "Ibu Sari Wulandari", subject, body)).Status);
            return db.SaveChangesAsync();
        });
        var run = await WithClockAsync(host, clock, (_, _, sender) => sender.SendDueAsync("node-a"));

        Assert.Equal(new OutboxRun(1, 0), run);
        var mail = Assert.Single(PickedUp(host), m => m.Subject == subject);
        // Readable as it is: the UTF-8 text is in the file, not encoded away.
        Assert.Single(Directory.GetFiles(Path.Combine(host.DataPath, "mail"), "*.eml"),
            f => File.ReadAllText(f).Contains("tentang “Keripik Tempe” (Rp 25.000", StringComparison.Ordinal));
        var to = Assert.Single(mail.To.Mailboxes);
        Assert.Equal(("sari@contoh.co.id", "Ibu Sari Wulandari"), (to.Address, to.Name));
        Assert.Equal("noreply@localhost", Assert.Single(mail.From.Mailboxes).Address);
        Assert.Equal(body, mail.TextBody?.ReplaceLineEndings("\n").TrimEnd('\n'));
        Assert.Equal("id", mail.Body?.Headers[HeaderId.ContentLanguage]);
        var stored = await FindAsync(host, subject);
        Assert.NotNull(stored);
        Assert.Equal((clock.UtcNow, "node-a", 0), (stored.SentAtUtc, stored.SentBy, stored.Attempts));
        Assert.Equal(new OutboxRun(0, 0), await WithClockAsync(host, clock, (_, _, sender) => sender.SendDueAsync("node-a")));
    }

    [Fact]
    public async Task When_the_smtp_server_is_down_the_message_waits_and_is_delivered_once_it_is_up()
    {
        var down = Settings(seed: false);
        down["IkmCatalog:Smtp:Host"] = "127.0.0.1";
        down["IkmCatalog:Smtp:Port"] = SmtpSink.ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        down["IkmCatalog:Smtp:Security"] = "None";
        using var first = IkmWebFactory.With(down);
        var clock = new FakeClock(new DateTimeOffset(2100, 3, 1, 0, 0, 0, TimeSpan.Zero));
        const string subject = "Pesanan diterima: Abon Ikan Tuna";

        await WithClockAsync(first, clock, (db, outbox, _) =>
        {
            outbox.Enqueue(Email(subject));
            return db.SaveChangesAsync();
        });
        var failed = await WithClockAsync(first, clock, (_, _, sender) => sender.SendDueAsync("node-a"));
        var afterFailure = await FindAsync(first, subject);
        clock.Now = clock.Now.AddSeconds(30);
        var tooEarly = await WithClockAsync(first, clock, (_, _, sender) => sender.SendDueAsync("node-a"));
        clock.Now = clock.Now.AddMinutes(1);
        var retried = await WithClockAsync(first, clock, (_, _, sender) => sender.SendDueAsync("node-a"));
        var afterRetry = await FindAsync(first, subject);

        Assert.Equal(new OutboxRun(0, 1), failed);
        Assert.NotNull(afterFailure);
        Assert.Null(afterFailure.SentAtUtc);
        Assert.Equal(1, afterFailure.Attempts);
        Assert.False(string.IsNullOrEmpty(afterFailure.LastError));
        output.WriteLine(afterFailure.LastError);
        Assert.Equal(clock.UtcNow.AddSeconds(-90).AddMinutes(1), afterFailure.NextAttemptAtUtc);
        Assert.Equal(new OutboxRun(0, 0), tooEarly);
        Assert.Equal(new OutboxRun(0, 1), retried);
        Assert.NotNull(afterRetry);
        Assert.Equal((2, (DateTime?)null, clock.UtcNow.AddMinutes(2)), (afterRetry.Attempts, afterRetry.SentAtUtc, afterRetry.NextAttemptAtUtc));

        // The mail server is up: a node configured with it (on the same database) delivers the waiting message.
        await using var sink = new SmtpSink();
        var up = Settings(seed: false);
        up["ConnectionStrings:IkmCatalog"] = $"Data Source={Path.Combine(first.DataPath, "ikmcatalog.db")};Foreign Keys=True";
        up["IkmCatalog:Smtp:Host"] = "127.0.0.1";
        up["IkmCatalog:Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        up["IkmCatalog:Smtp:Security"] = "None";
        up["IkmCatalog:Smtp:From"] = "Disperindag Kendari <noreply@disperindag.example.go.id>";
        using var second = IkmWebFactory.With(up);
        clock.Now = clock.Now.AddMinutes(3);
        var delivered = await WithClockAsync(second, clock, (_, _, sender) => sender.SendDueAsync("node-b"));

        Assert.Equal(new OutboxRun(1, 0), delivered);
        var raw = Assert.Single(sink.Messages);
        var mail = MimeMessage.Load(new MemoryStream(System.Text.Encoding.Latin1.GetBytes(raw)));
        Assert.Equal(subject, mail.Subject);
        Assert.Equal("pembeli@contoh.co.id", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("noreply@disperindag.example.go.id", Assert.Single(mail.From.Mailboxes).Address);
        var sent = await FindAsync(first, subject);
        Assert.NotNull(sent);
        Assert.Equal((clock.UtcNow, "node-b", 2), (sent.SentAtUtc, sent.SentBy, sent.Attempts));
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_retried_later_and_later_then_kept_with_the_reason()
    {
        var down = Settings(seed: false);
        down["IkmCatalog:Smtp:Host"] = "127.0.0.1";
        down["IkmCatalog:Smtp:Port"] = SmtpSink.ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        down["IkmCatalog:Smtp:Security"] = "None";
        using var node = IkmWebFactory.With(down);
        var clock = new FakeClock(new DateTimeOffset(2100, 4, 1, 0, 0, 0, TimeSpan.Zero));
        const string subject = "Pendaftaran IKM diterima";
        await WithClockAsync(node, clock, (db, outbox, _) =>
        {
            outbox.Enqueue(Email(subject));
            return db.SaveChangesAsync();
        });

        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt <= OutboxSender.MaxAttempts; attempt++)
        {
            Assert.Equal(new OutboxRun(0, 1), await WithClockAsync(node, clock, (_, _, sender) => sender.SendDueAsync("node-a")));
            var message = await FindAsync(node, subject);
            waits.Add(message!.NextAttemptAtUtc - clock.UtcNow);
            clock.Now = message.NextAttemptAtUtc;
        }
        clock.Now = clock.Now.AddDays(30);
        var afterGivingUp = await WithClockAsync(node, clock, (_, _, sender) => sender.SendDueAsync("node-a"));

        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 128, 256, 360, 360, 360], waits.Select(w => w.TotalMinutes));
        Assert.Equal(new OutboxRun(0, 0), afterGivingUp);
        var kept = await FindAsync(node, subject);
        Assert.NotNull(kept);
        Assert.Equal((OutboxSender.MaxAttempts, (DateTime?)null), (kept.Attempts, kept.SentAtUtc));
        Assert.StartsWith($"Gave up after {OutboxSender.MaxAttempts} attempts: ", kept.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_nodes_sending_from_the_same_database_deliver_every_message_exactly_once()
    {
        _ = host.Services; // the first node made the database file the second opens
        var settings = Settings(seed: false);
        settings["ConnectionStrings:IkmCatalog"] = $"Data Source={Path.Combine(host.DataPath, "ikmcatalog.db")};Foreign Keys=True";
        using var second = IkmWebFactory.With(settings);
        _ = second.Services;
        // Earlier than the other tests' clocks: only this test's messages are due by it.
        var clock = new FakeClock(new DateTimeOffset(2050, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var subjects = Enumerable.Range(1, 20).Select(i => $"Balapan {i}: pertanyaan tentang kopi").ToList();
        await WithClockAsync(host, clock, (db, outbox, _) =>
        {
            foreach (var subject in subjects)
            {
                Assert.Equal(EnqueueStatus.Queued, outbox.Enqueue(Email(subject)).Status);
            }
            return db.SaveChangesAsync();
        });

        // Both nodes read the same 20 due messages before either claims one, so every claim is contested.
        var listed = 0;
        var bothListed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task Arrive()
        {
            if (Interlocked.Increment(ref listed) == 2)
            {
                bothListed.SetResult();
            }
            return bothListed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        async Task<OutboxRun> SendAsync(IkmWebFactory node, string name)
        {
            await using var scope = node.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var options = new DbContextOptionsBuilder<IkmDbContext>(services.GetRequiredService<DbContextOptions<IkmDbContext>>())
                .AddInterceptors(new AfterListingDue("Outbox", Arrive)).Options;
            await using var db = new IkmDbContext(options, services.GetServices<IContentChangeHandler>());
            var sender = new OutboxSender(db, services.GetRequiredService<IMailTransport>(), services.GetRequiredService<IOptions<SmtpOptions>>(), clock);
            return await sender.SendDueAsync(name);
        }
        var runs = await Task.WhenAll(Task.Run(() => SendAsync(host, "node-a")), Task.Run(() => SendAsync(second, "node-b")));

        output.WriteLine($"node-a sent {runs[0].Sent}, node-b sent {runs[1].Sent}");
        Assert.Equal(20, runs.Sum(r => r.Sent));
        Assert.Equal(0, runs.Sum(r => r.Failed));
        var files = PickedUp(host).Concat(PickedUp(second)).Where(m => m.Subject?.StartsWith("Balapan ", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(subjects.Order(), files.Select(m => m.Subject).Order());
        Assert.Equal(runs[0].Sent, PickedUp(host).Count(m => m.Subject?.StartsWith("Balapan ", StringComparison.Ordinal) == true));
        var rows = await ContentSteps.InScopeAsync(host, (db, _) => db.Outbox.AsNoTracking().Where(m => subjects.Contains(m.Subject)).ToListAsync());
        Assert.Equal(20, rows.Count);
        Assert.All(rows, m =>
        {
            Assert.Equal(clock.UtcNow, m.SentAtUtc);
            Assert.Contains(m.SentBy, new[] { "node-a", "node-b" });
            Assert.Equal(0, m.Attempts);
        });
        Assert.Equal(runs[0].Sent, rows.Count(m => m.SentBy == "node-a"));
    }
}
