using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Email;
using IkmCatalog.Events;
using IkmCatalog.Tests.Content;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.EventRegistrations;

/// <summary>Events of their own for the registration tests, and steps run in scopes of their own.</summary>
internal static class RegistrationSteps
{
    /// <summary>A published producer from the demo content: its NIB and the email on record.</summary>
    public const string ProducerSlug = "keripik-tempe-bu-sri-sanan";

    public const string ProducerNib = "9120103245781";

    public const string ProducerEmail = "busri.sanan@example.com";

    /// <summary>Publishes a new event starting in 60 days (or at <paramref name="startsAtUtc"/>); returns its id and slug.</summary>
    public static async Task<(int Id, string Slug)> NewEventAsync(IkmWebFactory host, EventRegistrationMode mode, int? capacity,
        DateTime? startsAtUtc = null, DateTime? closesAtUtc = null, string? title = null)
    {
        var starts = startsAtUtc ?? DateTime.UtcNow.Date.AddDays(60).AddHours(2);
        title ??= "Bimtek uji " + Guid.NewGuid().ToString("N")[..8];
        var draft = new EventDraft
        {
            Kind = EventKind.Training, Title = new(title, title + " (en)"), Summary = new("Pelatihan uji.", "A test training."),
            Body = new("Isi.", "Body."), StartsAtUtc = starts, EndsAtUtc = starts.AddHours(6), Venue = "Aula Dinas",
            RegistrationMode = mode, Capacity = capacity, RegistrationClosesAtUtc = closesAtUtc,
        };
        var id = await ContentSteps.PublishNewAsync(host, DocumentTypes.Event, draft);
        return (id, await ContentSteps.SlugOfAsync(host, DocumentTypes.Event, id));
    }

    public static async Task<RegisterResult> RegisterAsync(IkmWebFactory host, int eventId, string name, string? email = null, string culture = "id", string? business = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<IkmCatalog.Events.EventRegistrations>();
        return await service.RegisterAsync(eventId, new Registrant(name, email ?? NewEmail(name), "0812 3456 7890", null, culture, business));
    }

    public static async Task<T> WithServiceAsync<T>(IkmWebFactory host, Func<IkmCatalog.Events.EventRegistrations, Task<T>> step)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await step(scope.ServiceProvider.GetRequiredService<IkmCatalog.Events.EventRegistrations>());
    }

    public static string NewEmail(string name) => name.ToLowerInvariant().Replace(' ', '.') + "-" + Guid.NewGuid().ToString("N")[..6] + "@example.com";

    public static Task<List<EventRegistration>> AllAsync(IkmWebFactory host, int eventId) =>
        ContentSteps.InScopeAsync(host, (db, _) => db.EventRegistrations.AsNoTracking().Where(r => r.EventId == eventId)
            .OrderBy(r => r.RegisteredAtUtc).ThenBy(r => r.Id).ToListAsync());

    public static Task<List<OutboxMessage>> MailToAsync(IkmWebFactory host, string email) =>
        ContentSteps.InScopeAsync(host, (db, _) => db.Outbox.AsNoTracking().Where(m => m.To == email).OrderBy(m => m.Id).ToListAsync());
}
