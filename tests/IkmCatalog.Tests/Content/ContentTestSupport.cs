using IkmCatalog.Catalog;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Events;
using IkmCatalog.Pages;
using IkmCatalog.Producers;
using IkmCatalog.Stories;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Content;

/// <summary>A clock a test moves by hand.</summary>
public sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public DateTime UtcNow => Now.UtcDateTime;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// Steps of a content test, each in a scope of its own (a fresh DbContext, so the change tracker of one step
/// cannot hide what another saved), and new documents to change without touching the seeded catalogue.
/// </summary>
internal static class ContentSteps
{
    public const string Editor = "editor@test";

    /// <summary>
    /// Settings for a host whose background jobs keep out of a test's way: the test runs schedules and the search
    /// catch-up itself, when it means to.
    /// </summary>
    public static Dictionary<string, string?> QuietBackground() => new()
    {
        ["IkmCatalog:Search:PollInterval"] = "01:00:00",
        ["IkmCatalog:Content:SchedulePollInterval"] = "01:00:00",
    };

    public static async Task<T> InScopeAsync<T>(IkmWebFactory host, Func<IkmDbContext, ContentPublisher, Task<T>> step)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await step(scope.ServiceProvider.GetRequiredService<IkmDbContext>(), scope.ServiceProvider.GetRequiredService<ContentPublisher>());
    }

    public static async Task<ProductDraft> NewProductDraftAsync(IkmDbContext db, string name)
    {
        var producer = await db.Producers.FirstAsync(p => p.Slug == "mete-sultra-jaya");
        var category = await db.Categories.FirstAsync(c => c.Slug == "makanan-ringan");
        return new ProductDraft
        {
            ProducerId = producer.Id, CategoryId = category.Id, Name = new(name, name + " (en)"),
            Summary = new("Camilan uji yang renyah.", "A crisp test snack."), PriceIdr = 25000, Unit = new("bungkus", "pack"), Retail = true,
        };
    }

    public static async Task<IDraft> NewDraftAsync(IkmDbContext db, DocumentType type, string title)
    {
        var region = await db.Regions.FirstAsync(r => r.Slug == "kota-kendari");
        var starts = DateTime.UtcNow.Date.AddDays(60).AddHours(2);
        return type.Name switch
        {
            nameof(Product) => await NewProductDraftAsync(db, title),
            nameof(Producer) => new ProducerDraft { Name = title, RegionId = region.Id, Summary = new("Produsen uji.", "A test producer.") },
            nameof(Story) => new StoryDraft { Kind = StoryKind.News, Title = new(title, title + " (en)"), Summary = new("Ringkasan uji.", "Test summary."), Body = new("Isi berita uji.", "Test body.") },
            nameof(Event) => new EventDraft
            {
                Kind = EventKind.Training, Title = new(title, title + " (en)"), Summary = new("Pelatihan uji.", "Test training."),
                StartsAtUtc = starts, EndsAtUtc = starts.AddHours(6), Venue = "Aula Dinas", RegionId = region.Id,
            },
            nameof(Page) => new PageDraft { Title = new(title, title + " (en)"), Body = new("Isi halaman uji.", "Test page body.") },
            _ => throw new ArgumentOutOfRangeException(nameof(type), type.Name, null),
        };
    }

    /// <summary>Saves a new document's draft and publishes it; returns its id.</summary>
    public static async Task<int> PublishNewAsync(IkmWebFactory host, DocumentType type, IDraft draft)
    {
        var saved = await InScopeAsync(host, (_, publisher) => publisher.SaveDraftAsync(type, null, draft, Editor, basedOnVersion: null));
        Assert.Equal(PublishStatus.Saved, saved.Status);
        var published = await InScopeAsync(host, (_, publisher) => publisher.PublishAsync(type, saved.DocumentId, Editor));
        Assert.Equal(PublishStatus.Published, published.Status);
        return saved.DocumentId;
    }

    /// <summary>Loads the document as an editor's form would, lets <paramref name="change"/> edit the draft and saves it.</summary>
    public static Task<PublishResult> EditAsync<TDraft>(IkmWebFactory host, DocumentType type, int id, Action<TDraft> change) where TDraft : class, IDraft =>
        InScopeAsync(host, async (db, publisher) =>
        {
            var document = await type.LoadAsync(db, id) ?? throw new InvalidOperationException($"{type.Name} {id} not found");
            var draft = (TDraft)type.DraftOf(document);
            change(draft);
            return await publisher.SaveDraftAsync(type, id, draft, Editor, basedOnVersion: await publisher.LatestNumberAsync(type, id));
        });

    public static Task<PublishResult> PublishAsync(IkmWebFactory host, DocumentType type, int id) =>
        InScopeAsync(host, (_, publisher) => publisher.PublishAsync(type, id, Editor));

    public static Task<string> SlugOfAsync(IkmWebFactory host, DocumentType type, int id) =>
        InScopeAsync(host, async (db, _) => (await type.FindRefAsync(db, id))!.Slug);

    public static HttpClient NoRedirects(IkmWebFactory host) =>
        host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}

/// <summary>
/// Holds a node right after its first query listing due rows of <paramref name="table"/> (schedules, outbox messages)
/// until <paramref name="arrive"/> lets it go on, so two nodes racing both see every row before either claims one.
/// </summary>
public sealed class AfterListingDue(string table, Func<Task> arrive) : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
{
    private int _listed;

    public override async ValueTask<System.Data.Common.DbDataReader> ReaderExecutedAsync(System.Data.Common.DbCommand command,
        Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData eventData, System.Data.Common.DbDataReader result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.CommandText.Contains($"\"{table}\"", StringComparison.Ordinal)
            && command.CommandText.Contains("ORDER BY", StringComparison.Ordinal)
            && Interlocked.Exchange(ref _listed, 1) == 0)
        {
            await arrive();
        }
        return result;
    }
}
