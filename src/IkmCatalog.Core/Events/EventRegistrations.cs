using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Search;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Events;

public enum RegisterOutcome
{
    Confirmed,

    /// <summary>Saved on the waiting list: every place was taken.</summary>
    Waitlisted,

    /// <summary>No such public event, or it takes no registrations on the site.</summary>
    NotFound,

    /// <summary>Registration closed (its closing time or the start has passed).</summary>
    Closed,

    /// <summary>The same email already holds a place or a spot on the waiting list.</summary>
    Duplicate,

    /// <summary>A producers-only event, and the NIB or email given matches no published producer.</summary>
    UnknownProducer,
}

/// <summary>Who asks for a place, as typed; <see cref="Business"/> is the producer's NIB or email on record (producers' events).</summary>
public sealed record Registrant(string Name, string Email, string? Phone, string? Organisation, string Culture, string? Business = null);

/// <param name="WaitlistPosition">1 for the first on the waiting list; 0 when not waitlisted.</param>
public sealed record RegisterResult(RegisterOutcome Outcome, EventRegistration? Registration = null, int WaitlistPosition = 0);

public enum CancelOutcome
{
    Cancelled,
    NotFound,
    AlreadyCancelled,
}

/// <param name="Promoted">Who moved up from the waiting list into the freed place.</param>
public sealed record CancelResult(CancelOutcome Outcome, EventRegistration? Registration, IReadOnlyList<EventRegistration> Promoted);

/// <summary>What a registrant is told about.</summary>
public enum RegistrationNotice
{
    Confirmed,
    Waitlisted,

    /// <summary>Moved up from the waiting list: the person has a place now.</summary>
    Promoted,

    Cancelled,
}

/// <summary>
/// Tells a registrant what happened (an email in their language). Called inside the change's transaction, before
/// its SaveChanges: what it queues in the outbox commits with the change or not at all.
/// </summary>
public interface IRegistrationNotifier
{
    void Notify(EventRegistration registration, Event item, RegistrationNotice notice, int waitlistPosition);
}

/// <summary>
/// Places at events: confirmed while places last, then a waiting list that moves up in order whenever a place frees
/// (a cancellation, a larger capacity). Every change first locks the event's row (an UPDATE of it, the first
/// statement of the transaction): on SQLite that takes the database's write lock, on PostgreSQL the row lock, so
/// two requests (or two nodes) count places one after the other and an event is never overbooked.
/// </summary>
public sealed class EventRegistrations(IkmDbContext db, TimeProvider clock, IEnumerable<IRegistrationNotifier> notifiers)
{
    public const string AuditType = nameof(Event);

    /// <summary>Whether the site takes registrations for the event at <paramref name="nowUtc"/> (publication aside).</summary>
    public static bool IsOpen(Event item, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.RegistrationMode != EventRegistrationMode.None && nowUtc < ClosesAt(item);
    }

    /// <summary>When registration closes: the time the editor set, else the start.</summary>
    public static DateTime ClosesAt(Event item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.RegistrationClosesAtUtc ?? item.StartsAtUtc;
    }

    /// <summary>Confirmed places taken, and how many are on the waiting list.</summary>
    public async Task<(int Confirmed, int Waitlisted)> CountsAsync(int eventId, CancellationToken cancellationToken = default)
    {
        var counts = await db.EventRegistrations.Where(r => r.EventId == eventId && r.Status != RegistrationStatus.Cancelled)
            .GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return (counts.FirstOrDefault(c => c.Key == RegistrationStatus.Confirmed)?.Count ?? 0,
            counts.FirstOrDefault(c => c.Key == RegistrationStatus.Waitlisted)?.Count ?? 0);
    }

    /// <summary>A published producer by NIB (digits) or by the email on record; null when none matches.</summary>
    public async Task<int?> FindProducerAsync(string? business, CancellationToken cancellationToken = default)
    {
        var key = business?.Trim() ?? "";
        if (key.Length is 0 or > 200)
        {
            return null;
        }
        var now = Now;
        var producers = db.Producers.Published(now);
        if (key.Contains('@', StringComparison.Ordinal))
        {
            var lowered = key.ToLowerInvariant();
#pragma warning disable CA1862 // translated to SQL, where lower() on both sides works on SQLite and PostgreSQL alike
            return await producers.Where(p => p.Email != null && p.Email.ToLower() == lowered).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
#pragma warning restore CA1862
        }
        var digits = new string([.. key.Where(char.IsAsciiDigit)]);
        return digits.Length == 0 ? null
            : await producers.Where(p => p.Nib == digits).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Saves a registration: confirmed while a place is free, otherwise on the waiting list; the registrant is told either way.</summary>
    public async Task<RegisterResult> RegisterAsync(int eventId, Registrant registrant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registrant);
        return await InLockAsync(eventId, async item =>
        {
            // Read inside the lock: the waiting list's order is the order in which registrations got the lock.
            var now = Now;
            if (item is null || !item.IsPublic(now) || item.RegistrationMode == EventRegistrationMode.None)
            {
                return new RegisterResult(RegisterOutcome.NotFound);
            }
            if (!IsOpen(item, now))
            {
                return new RegisterResult(RegisterOutcome.Closed);
            }
            int? producerId = null;
            if (item.RegistrationMode == EventRegistrationMode.Producers)
            {
                producerId = await FindProducerAsync(registrant.Business, cancellationToken);
                if (producerId is null)
                {
                    return new RegisterResult(RegisterOutcome.UnknownProducer);
                }
            }
            var email = registrant.Email.Trim();
            var lowered = email.ToLowerInvariant();
#pragma warning disable CA1862 // translated to SQL (see FindProducerAsync)
            var duplicate = await db.EventRegistrations.AnyAsync(
                r => r.EventId == eventId && r.Status != RegistrationStatus.Cancelled && r.Email.ToLower() == lowered, cancellationToken);
#pragma warning restore CA1862
            if (duplicate)
            {
                return new RegisterResult(RegisterOutcome.Duplicate);
            }

            // Anyone already waiting goes first into a place that freed up (e.g. a capacity raised since).
            await FillFreePlacesAsync(item, now, cancellationToken);
            var (confirmed, _) = await CountsAsync(eventId, cancellationToken);
            var hasPlace = item.Capacity is not { } capacity || confirmed < capacity;
            var registration = new EventRegistration
            {
                EventId = eventId, ProducerId = producerId, Name = registrant.Name.Trim(), Email = email,
                Phone = Trimmed(registrant.Phone), Organisation = Trimmed(registrant.Organisation),
                Culture = Cultures.Normalize(registrant.Culture), Token = PublicIds.NewToken(),
                Status = hasPlace ? RegistrationStatus.Confirmed : RegistrationStatus.Waitlisted, RegisteredAtUtc = now,
            };
            db.EventRegistrations.Add(registration);
            await db.SaveChangesAsync(cancellationToken);
            var position = hasPlace ? 0 : await PositionAsync(registration, cancellationToken);
            Notify(registration, item, hasPlace ? RegistrationNotice.Confirmed : RegistrationNotice.Waitlisted, position);
            await db.SaveChangesAsync(cancellationToken);
            return new RegisterResult(hasPlace ? RegisterOutcome.Confirmed : RegisterOutcome.Waitlisted, registration, position);
        }, cancellationToken);
    }

    /// <summary>The registrant's own cancellation, through their private link.</summary>
    public async Task<CancelResult> CancelByTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        var found = await FindByTokenAsync(token, cancellationToken);
        return found is null
            ? new CancelResult(CancelOutcome.NotFound, null, [])
            : await CancelAsync(found.EventId, found.Id, user: null, cancellationToken);
    }

    /// <summary>
    /// Cancels a registration (by the registrant when <paramref name="user"/> is null, else by an officer, audited);
    /// a confirmed place that frees goes to the first on the waiting list in the same transaction.
    /// </summary>
    public Task<CancelResult> CancelAsync(int eventId, int registrationId, string? user, CancellationToken cancellationToken = default) =>
        InLockAsync(eventId, async item =>
        {
            var registration = item is null ? null
                : await db.EventRegistrations.FirstOrDefaultAsync(r => r.Id == registrationId && r.EventId == eventId, cancellationToken);
            if (item is null || registration is null)
            {
                return new CancelResult(CancelOutcome.NotFound, null, []);
            }
            if (registration.Status == RegistrationStatus.Cancelled)
            {
                return new CancelResult(CancelOutcome.AlreadyCancelled, registration, []);
            }
            var now = Now;
            registration.Status = RegistrationStatus.Cancelled;
            registration.CancelledAtUtc = now;
            await db.SaveChangesAsync(cancellationToken);
            if (user is not null)
            {
                Audit(eventId, "registration-cancel", user, $"{registration.Name} <{registration.Email}>");
            }
            Notify(registration, item, RegistrationNotice.Cancelled, 0);
            var promoted = await FillFreePlacesAsync(item, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return new CancelResult(CancelOutcome.Cancelled, registration, promoted);
        }, cancellationToken);

    /// <summary>
    /// Gives free places (after a capacity was raised or removed) to those waiting, in order; returns who moved up.
    /// The backoffice calls it when an officer opens an event's registrations.
    /// </summary>
    public Task<IReadOnlyList<EventRegistration>> PromoteAsync(int eventId, string? user, CancellationToken cancellationToken = default) =>
        InLockAsync(eventId, async item =>
        {
            if (item is null)
            {
                return (IReadOnlyList<EventRegistration>)[];
            }
            var promoted = await FillFreePlacesAsync(item, Now, cancellationToken);
            if (promoted.Count > 0 && user is not null)
            {
                Audit(eventId, "registration-promote", user, string.Join(", ", promoted.Select(p => p.Name)));
            }
            await db.SaveChangesAsync(cancellationToken);
            return promoted;
        }, cancellationToken);

    /// <summary>Records who came (true), who did not (false) and who is not yet known (null); audited.</summary>
    public async Task<int> RecordAttendanceAsync(int eventId, IReadOnlyDictionary<int, bool?> attended, string user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attended);
        var ids = attended.Keys.ToList();
        var registrations = await db.EventRegistrations
            .Where(r => r.EventId == eventId && ids.Contains(r.Id) && r.Status == RegistrationStatus.Confirmed)
            .ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var registration in registrations)
        {
            var value = attended[registration.Id];
            if (registration.Attended != value)
            {
                registration.Attended = value;
                registration.AttendanceBy = value is null ? null : user;
                changed++;
            }
        }
        if (changed > 0)
        {
            var present = registrations.Count(r => r.Attended == true);
            Audit(eventId, "attendance", user, $"{present}/{registrations.Count}");
            PagesChanged(eventId); // producer pages list the events their producer took part in
            await db.SaveChangesAsync(cancellationToken);
        }
        return changed;
    }

    public Task<EventRegistration?> FindByTokenAsync(string? token, CancellationToken cancellationToken = default) =>
        string.IsNullOrEmpty(token) || token.Length > 64
            ? Task.FromResult<EventRegistration?>(null)
            : db.EventRegistrations.AsNoTracking().Include(r => r.Event).FirstOrDefaultAsync(r => r.Token == token, cancellationToken);

    /// <summary>1 for the first person waiting; 0 when the registration is not on the waiting list.</summary>
    public async Task<int> PositionAsync(EventRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (registration.Status != RegistrationStatus.Waitlisted)
        {
            return 0;
        }
        return await db.EventRegistrations.CountAsync(r => r.EventId == registration.EventId && r.Status == RegistrationStatus.Waitlisted
            && (r.RegisteredAtUtc < registration.RegisteredAtUtc || (r.RegisteredAtUtc == registration.RegisteredAtUtc && r.Id < registration.Id)), cancellationToken) + 1;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Moves the first people waiting into the free places (inside the caller's lock).</summary>
    private async Task<IReadOnlyList<EventRegistration>> FillFreePlacesAsync(Event item, DateTime now, CancellationToken cancellationToken)
    {
        var waiting = db.EventRegistrations.Where(r => r.EventId == item.Id && r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.RegisteredAtUtc).ThenBy(r => r.Id);
        List<EventRegistration> promoted;
        if (item.Capacity is { } capacity)
        {
            var (confirmed, _) = await CountsAsync(item.Id, cancellationToken);
            var free = capacity - confirmed;
            promoted = free <= 0 ? [] : await waiting.Take(free).ToListAsync(cancellationToken);
        }
        else
        {
            promoted = await waiting.ToListAsync(cancellationToken);
        }
        foreach (var registration in promoted)
        {
            registration.Status = RegistrationStatus.Confirmed;
            registration.PromotedAtUtc = now;
            Notify(registration, item, RegistrationNotice.Promoted, 0);
        }
        return promoted;
    }

    /// <summary>
    /// Runs <paramref name="work"/> holding the event's lock, in one transaction (the caller's when it has one).
    /// The lock is an UPDATE of the event's row that changes nothing: SQLite's write lock, PostgreSQL's row lock.
    /// </summary>
    private async Task<T> InLockAsync<T>(int eventId, Func<Event?, Task<T>> work, CancellationToken cancellationToken)
    {
        var ownTransaction = db.Database.CurrentTransaction is null;
        await using var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var locked = await db.Events.Where(e => e.Id == eventId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Capacity, e => e.Capacity), cancellationToken);
        var item = locked == 0 ? null : await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        if (item is not null)
        {
            PagesChanged(eventId); // the event page shows the places left; saved with the change, if there is one
        }
        var result = await work(item);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return result;
    }

    /// <summary>Every node's output cache forgets the event's public page (and the pages listing it) with this change.</summary>
    private void PagesChanged(int eventId) =>
        db.IndexJournal.Add(new IndexJournalEntry { DocumentType = nameof(Event), DocumentId = eventId, Action = IndexJournalActions.CacheEvict, CreatedAtUtc = Now });

    private void Notify(EventRegistration registration, Event item, RegistrationNotice notice, int position)
    {
        foreach (var notifier in notifiers)
        {
            notifier.Notify(registration, item, notice, position);
        }
    }

    private void Audit(int eventId, string action, string user, string detail) =>
        db.AuditEntries.Add(new AuditEntry
        {
            DocumentType = AuditType, DocumentId = eventId, Action = action, User = user, AtUtc = Now,
            Detail = detail.Length > 1000 ? detail[..1000] : detail,
        });

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
