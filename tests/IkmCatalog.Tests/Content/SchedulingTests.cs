using System.Data.Common;
using IkmCatalog.Catalog;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Tests.Infrastructure;
using Xunit.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static IkmCatalog.Tests.Content.ContentSteps;

namespace IkmCatalog.Tests.Content;

/// <summary>
/// Scheduled publishing with a clock the test moves: schedules run once, when due, on whichever node gets there
/// first. The hosts' own polls are set to an hour so that only the test runs schedules.
/// </summary>
public class SchedulingTests(SchedulingTests.Host host, ITestOutputHelper output) : IClassFixture<SchedulingTests.Host>
{
    public sealed class Host() : IkmWebFactory(QuietBackground());

    private static readonly DocumentType<Product, ProductDraft> Products = DocumentTypes.Product;

    /// <summary>A publisher and a scheduler on a fresh DbContext, both on <paramref name="clock"/>.</summary>
    private static async Task<T> WithClockAsync<T>(IkmWebFactory node, FakeClock clock, Func<IkmDbContext, ContentPublisher, PublishingScheduler, Task<T>> step)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
        var publisher = new ContentPublisher(db, clock);
        return await step(db, publisher, new PublishingScheduler(db, publisher, clock));
    }

    private Task<int> RunDueAsync(FakeClock clock, string node = "node-a") =>
        WithClockAsync(host, clock, (_, _, scheduler) => scheduler.RunDueAsync(node));

    private Task<bool> IsPublicAsync(int id) =>
        InScopeAsync(host, (db, _) => db.PublicProducts(DateTime.UtcNow).AnyAsync(p => p.Id == id));

    private async Task<int> NewDraftProductAsync(string name)
    {
        var draft = await InScopeAsync(host, (db, _) => NewProductDraftAsync(db, name));
        var saved = await InScopeAsync(host, (_, p) => p.SaveDraftAsync(Products, null, draft, Editor, basedOnVersion: null));
        Assert.Equal(PublishStatus.Saved, saved.Status);
        return saved.DocumentId;
    }

    [Fact]
    public async Task A_scheduled_publication_runs_once_when_it_is_due_and_not_before()
    {
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        var id = await NewDraftProductAsync("Mete Bawang Terjadwal Uji");

        var scheduled = await WithClockAsync(host, clock, (_, p, _) => p.ScheduleAsync(Products, id, clock.UtcNow.AddHours(1), null, Editor));
        var early = await RunDueAsync(clock);
        var publicEarly = await IsPublicAsync(id);
        clock.Now = clock.Now.AddHours(1).AddMinutes(1);
        var due = await RunDueAsync(clock);
        var again = await RunDueAsync(clock, "node-b");

        Assert.Equal(PublishStatus.Scheduled, scheduled.Status);
        Assert.Equal((0, false), (early, publicEarly));
        Assert.Equal(1, due);
        Assert.True(await IsPublicAsync(id));
        Assert.Equal(0, again);
        var (action, audit) = await InScopeAsync(host, async (db, _) => (
            await db.ScheduledActions.SingleAsync(a => a.DocumentType == "Product" && a.DocumentId == id),
            await db.AuditEntries.Where(e => e.DocumentType == "Product" && e.DocumentId == id && e.Action == "publish").ToListAsync()));
        Assert.Equal(("node-a", "Published"), (action.CompletedBy, action.Outcome));
        Assert.Equal($"{Editor} (schedule)", Assert.Single(audit).User);
    }

    [Fact]
    public async Task A_schedule_in_the_past_or_an_unpublication_before_the_publication_is_refused()
    {
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        var id = await NewDraftProductAsync("Mete Madu Lampau Uji");

        var past = await WithClockAsync(host, clock, (_, p, _) => p.ScheduleAsync(Products, id, clock.UtcNow.AddMinutes(-1), null, Editor));
        var backwards = await WithClockAsync(host, clock, (_, p, _) => p.ScheduleAsync(Products, id, clock.UtcNow.AddHours(2), clock.UtcNow.AddHours(1), Editor));

        Assert.Equal(PublishStatus.InvalidSchedule, past.Status);
        Assert.Equal(PublishStatus.InvalidSchedule, backwards.Status);
        Assert.False(await InScopeAsync(host, (db, _) => db.ScheduledActions.AnyAsync(a => a.DocumentType == "Product" && a.DocumentId == id)));
    }

    [Fact]
    public async Task A_scheduled_unpublication_runs_once_when_it_is_due()
    {
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        var id = await PublishNewAsync(host, Products, await InScopeAsync(host, (db, _) => NewProductDraftAsync(db, "Mete Pedas Berakhir Uji")));

        var scheduled = await WithClockAsync(host, clock, (_, p, _) => p.ScheduleAsync(Products, id, null, clock.UtcNow.AddHours(1), Editor));
        var early = await RunDueAsync(clock);
        var publicEarly = await IsPublicAsync(id);
        clock.Now = clock.Now.AddHours(2);
        var due = await RunDueAsync(clock);
        var again = await RunDueAsync(clock);

        Assert.Equal(PublishStatus.Scheduled, scheduled.Status);
        Assert.Equal((0, true), (early, publicEarly));
        Assert.Equal((1, 0), (due, again));
        Assert.False(await IsPublicAsync(id));
        Assert.Equal(PublishState.Unpublished, await InScopeAsync(host, (db, _) => db.Products.Where(p => p.Id == id).Select(p => p.State).SingleAsync()));
    }

    [Fact]
    public async Task A_schedule_that_fell_due_while_no_node_ran_is_run_at_the_next_poll()
    {
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        var id = await NewDraftProductAsync("Mete Asin Tertunda Uji");
        await WithClockAsync(host, clock, (_, p, _) => p.ScheduleAsync(Products, id, clock.UtcNow.AddHours(1), null, Editor));

        clock.Now = clock.Now.AddDays(3); // every node was down when it fell due
        var ran = await RunDueAsync(clock);

        Assert.Equal(1, ran);
        Assert.True(await IsPublicAsync(id));
    }

    [Fact]
    public async Task Two_nodes_racing_on_the_same_database_run_every_schedule_exactly_once()
    {
        _ = host.Services; // the first node made the database file the second opens
        var settings = QuietBackground();
        settings["ConnectionStrings:IkmCatalog"] = $"Data Source={Path.Combine(host.DataPath, "ikmcatalog.db")};Foreign Keys=True";
        settings["IkmCatalog:Seed:Enabled"] = "false";
        using var second = IkmWebFactory.With(settings);
        _ = second.Services; // started (and its first poll done) before the schedules exist
        // A clock long before today: only the schedules of this test are due by it, and no node's own poll
        // (on the real clock) could find them due before this test runs them.
        var clock = new FakeClock(new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero));
        // Each node polls once before the schedules exist (nothing is due), so neither starts the race cold.
        Assert.Equal(0, await WithClockAsync(host, clock, (_, _, scheduler) => scheduler.RunDueAsync("node-a")));
        Assert.Equal(0, await WithClockAsync(second, clock, (_, _, scheduler) => scheduler.RunDueAsync("node-b")));
        var ids = new List<int>();
        for (var i = 1; i <= 20; i++)
        {
            ids.Add(await NewDraftProductAsync($"Mete Balapan {i} Uji"));
        }
        await InScopeAsync(host, async (db, _) =>
        {
            db.ScheduledActions.AddRange(ids.Select((id, i) => new ScheduledAction
            {
                DocumentType = "Product", DocumentId = id, Action = ScheduledActions.Publish, DueAtUtc = clock.UtcNow.AddMinutes(-30 + i),
                CreatedBy = Editor, CreatedAtUtc = clock.UtcNow.AddDays(-1),
            }));
            return await db.SaveChangesAsync();
        });

        // Both nodes read the same 20 due schedules before either claims one, so every claim is contested.
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
        async Task<int> RunAsync(IkmWebFactory node, string name)
        {
            await using var scope = node.Services.CreateAsyncScope();
            var options = new DbContextOptionsBuilder<IkmDbContext>(scope.ServiceProvider.GetRequiredService<DbContextOptions<IkmDbContext>>())
                .AddInterceptors(new AfterListingDue("ScheduledActions", Arrive)).Options;
            await using var db = new IkmDbContext(options, scope.ServiceProvider.GetServices<IContentChangeHandler>());
            return await new PublishingScheduler(db, new ContentPublisher(db, clock), clock).RunDueAsync(name);
        }
        var counts = await Task.WhenAll(Task.Run(() => RunAsync(host, "node-a")), Task.Run(() => RunAsync(second, "node-b")));

        output.WriteLine($"node-a ran {counts[0]}, node-b ran {counts[1]}");
        Assert.Equal(20, counts.Sum());
        var (actions, products, audit) = await InScopeAsync(host, async (db, _) => (
            await db.ScheduledActions.Where(a => a.DocumentType == "Product" && ids.Contains(a.DocumentId)).ToListAsync(),
            await db.Products.Where(p => ids.Contains(p.Id)).Select(p => p.State).ToListAsync(),
            await db.AuditEntries.Where(e => e.DocumentType == "Product" && ids.Contains(e.DocumentId) && e.Action == "publish")
                .GroupBy(e => e.DocumentId).Select(g => g.Count()).ToListAsync()));
        Assert.Equal(20, actions.Count);
        Assert.All(actions, a =>
        {
            Assert.Equal(clock.UtcNow, a.CompletedAtUtc);
            Assert.Contains(a.CompletedBy, new[] { "node-a", "node-b" });
            Assert.Equal("Published", a.Outcome);
        });
        Assert.Equal(counts[0], actions.Count(a => a.CompletedBy == "node-a"));
        Assert.Equal(20, products.Count);
        Assert.All(products, state => Assert.Equal(PublishState.Published, state));
        Assert.Equal(20, audit.Count);
        Assert.All(audit, count => Assert.Equal(1, count));
    }
}
