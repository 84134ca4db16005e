using IkmCatalog.Events;
using IkmCatalog.Tests.Content;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static IkmCatalog.Tests.EventRegistrations.RegistrationSteps;

namespace IkmCatalog.Tests.EventRegistrations;

/// <summary>The places, the waiting list and its moving up, against the real application and SQLite file.</summary>
[Collection(SiteCollection.Name)]
public class EventRegistrationsTests(IkmWebFactory host)
{
    [Fact]
    public async Task Registrations_are_confirmed_until_the_places_run_out_then_go_on_the_waiting_list_in_order()
    {
        var (id, _) = await NewEventAsync(host, EventRegistrationMode.Public, capacity: 2);

        var first = await RegisterAsync(host, id, "Sri Wahyuni");
        var second = await RegisterAsync(host, id, "Budi Santoso");
        var third = await RegisterAsync(host, id, "Emma Janssen", culture: "en");
        var fourth = await RegisterAsync(host, id, "Agus Salim");

        Assert.Equal([RegisterOutcome.Confirmed, RegisterOutcome.Confirmed, RegisterOutcome.Waitlisted, RegisterOutcome.Waitlisted],
            [first.Outcome, second.Outcome, third.Outcome, fourth.Outcome]);
        Assert.Equal(1, third.WaitlistPosition);
        Assert.Equal(2, fourth.WaitlistPosition);
        var confirmedMail = Assert.Single(await MailToAsync(host, first.Registration!.Email));
        Assert.Equal("event-registration-confirmed", confirmedMail.Kind);
        Assert.Contains(first.Registration.Token, confirmedMail.TextBody, StringComparison.Ordinal);
        var waitlistedMail = Assert.Single(await MailToAsync(host, third.Registration!.Email));
        Assert.StartsWith("On the waiting list (number 1): ", waitlistedMail.Subject, StringComparison.Ordinal);
        Assert.Contains("/en/events/registration/" + third.Registration.Token, waitlistedMail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_a_confirmed_place_gives_it_to_the_first_on_the_waiting_list_and_tells_them()
    {
        var (id, _) = await NewEventAsync(host, EventRegistrationMode.Public, capacity: 1);
        var holder = await RegisterAsync(host, id, "Sri Wahyuni");
        var firstWaiting = await RegisterAsync(host, id, "Budi Santoso");
        var secondWaiting = await RegisterAsync(host, id, "Agus Salim");

        var result = await WithServiceAsync(host, s => s.CancelByTokenAsync(holder.Registration!.Token));

        Assert.Equal(CancelOutcome.Cancelled, result.Outcome);
        Assert.Equal(firstWaiting.Registration!.Id, Assert.Single(result.Promoted).Id);
        var rows = await AllAsync(host, id);
        Assert.Equal(RegistrationStatus.Cancelled, rows.Single(r => r.Id == holder.Registration!.Id).Status);
        var promoted = rows.Single(r => r.Id == firstWaiting.Registration.Id);
        Assert.Equal(RegistrationStatus.Confirmed, promoted.Status);
        Assert.NotNull(promoted.PromotedAtUtc);
        Assert.Equal(RegistrationStatus.Waitlisted, rows.Single(r => r.Id == secondWaiting.Registration!.Id).Status);
        Assert.Contains(await MailToAsync(host, firstWaiting.Registration.Email), m => m.Kind == "event-registration-promoted" && m.Subject.StartsWith("Anda mendapat tempat", StringComparison.Ordinal));
        Assert.Equal(1, await WithServiceAsync(host, s => s.PositionAsync(rows.Single(r => r.Id == secondWaiting.Registration!.Id))));
    }

    [Fact]
    public async Task Cancelling_a_place_on_the_waiting_list_moves_nobody_up()
    {
        var (id, _) = await NewEventAsync(host, EventRegistrationMode.Public, capacity: 1);
        await RegisterAsync(host, id, "Sri Wahyuni");
        var waiting = await RegisterAsync(host, id, "Budi Santoso");
        var behind = await RegisterAsync(host, id, "Agus Salim");

        var result = await WithServiceAsync(host, s => s.CancelAsync(id, waiting.Registration!.Id, "petugas@test"));

        Assert.Empty(result.Promoted);
        var rows = await AllAsync(host, id);
        Assert.Single(rows, r => r.Status == RegistrationStatus.Confirmed);
        Assert.Equal(RegistrationStatus.Waitlisted, rows.Single(r => r.Id == behind.Registration!.Id).Status);
        Assert.True(await ContentSteps.InScopeAsync(host, (db, _) => db.AuditEntries.AnyAsync(a => a.DocumentId == id && a.Action == "registration-cancel" && a.User == "petugas@test")));
    }

    [Fact]
    public async Task Parallel_registrations_never_overbook_an_event()
    {
        var (id, _) = await NewEventAsync(host, EventRegistrationMode.Public, capacity: 5);

        var results = await Task.WhenAll(Enumerable.Range(1, 16).Select(i => Task.Run(() => RegisterAsync(host, id, $"Peserta {i}"))));

        Assert.Equal(5, results.Count(r => r.Outcome == RegisterOutcome.Confirmed));
        Assert.Equal(11, results.Count(r => r.Outcome == RegisterOutcome.Waitlisted));
        var rows = await AllAsync(host, id);
        Assert.Equal(5, rows.Count(r => r.Status == RegistrationStatus.Confirmed));
        // Every waiting position is given once: 1..11.
        Assert.Equal(Enumerable.Range(1, 11), results.Where(r => r.Outcome == RegisterOutcome.Waitlisted).Select(r => r.WaitlistPosition).Order());
    }

    [Fact]
    public async Task A_closed_registration_is_refused()
    {
        var (id, _) = await NewEventAsync(host, EventRegistrationMode.Public, capacity: 10, closesAtUtc: DateTime.UtcNow.AddHours(-1));

        var result = await RegisterAsync(host, id, "Sri Wahyuni");

        Assert.Equal(RegisterOutcome.Closed, result.Outcome);
        Assert.Empty(await AllAsync(host, id));
    }

    [Fact]
    public async Task An_event_without_registration_on_the_site_takes_none()
    {
        var (id, _) = await NewEventAsync(host, EventRegistrationMode.None, capacity: null);

        Assert.Equal(RegisterOutcome.NotFound, (await RegisterAsync(host, id, "Sri Wahyuni")).Outcome);
    }

    [Fact]
    public async Task A_producers_event_refuses_an_unknown_business_and_links_a_known_one_by_NIB_or_email()
    {
        var (id, _) = await NewEventAsync(host, EventRegistrationMode.Producers, capacity: 10);
        var producerId = await ContentSteps.InScopeAsync(host, (db, _) => db.Producers.Where(p => p.Slug == ProducerSlug).Select(p => p.Id).SingleAsync());

        var unknown = await RegisterAsync(host, id, "Tamu", business: "1234567890123");
        var byNib = await RegisterAsync(host, id, "Sri Wahyuni", business: "9120 1032 4578 1");
        var byEmail = await RegisterAsync(host, id, "Rina", business: ProducerEmail.ToUpperInvariant());

        Assert.Equal(RegisterOutcome.UnknownProducer, unknown.Outcome);
        Assert.Equal(RegisterOutcome.Confirmed, byNib.Outcome);
        Assert.Equal(producerId, byNib.Registration!.ProducerId);
        Assert.Equal(producerId, byEmail.Registration!.ProducerId);
        Assert.Equal(2, (await AllAsync(host, id)).Count);
    }

    [Fact]
    public async Task The_same_email_cannot_register_twice_unless_the_first_was_cancelled()
    {
        var (id, _) = await NewEventAsync(host, EventRegistrationMode.Public, capacity: 10);
        var email = NewEmail("Sri");
        var first = await RegisterAsync(host, id, "Sri Wahyuni", email);

        var again = await RegisterAsync(host, id, "Sri W.", email.ToUpperInvariant());
        await WithServiceAsync(host, s => s.CancelByTokenAsync(first.Registration!.Token));
        var afterCancelling = await RegisterAsync(host, id, "Sri Wahyuni", email);

        Assert.Equal(RegisterOutcome.Duplicate, again.Outcome);
        Assert.Equal(RegisterOutcome.Confirmed, afterCancelling.Outcome);
    }

    [Fact]
    public async Task Raising_the_capacity_moves_up_as_many_as_fit_when_the_office_promotes()
    {
        var (id, _) = await NewEventAsync(host, EventRegistrationMode.Public, capacity: 1);
        foreach (var name in new[] { "A", "B", "C", "D" })
        {
            await RegisterAsync(host, id, "Peserta " + name);
        }
        await ContentSteps.EditAsync<EventDraft>(host, IkmCatalog.Content.DocumentTypes.Event, id, d => d.Capacity = 3);
        await ContentSteps.PublishAsync(host, IkmCatalog.Content.DocumentTypes.Event, id);

        var promoted = await WithServiceAsync(host, s => s.PromoteAsync(id, "petugas@test"));

        Assert.Equal(["Peserta B", "Peserta C"], promoted.Select(p => p.Name));
        var rows = await AllAsync(host, id);
        Assert.Equal(3, rows.Count(r => r.Status == RegistrationStatus.Confirmed));
        Assert.Equal("Peserta D", Assert.Single(rows, r => r.Status == RegistrationStatus.Waitlisted).Name);
    }
}

/// <summary>The event editor's registration settings, as the draft's rules check them.</summary>
public class EventDraftRegistrationRulesTests
{
    private static EventDraft Draft(int? capacity, DateTime? closes)
    {
        var starts = new DateTime(2027, 3, 9, 2, 0, 0, DateTimeKind.Utc);
        return new EventDraft
        {
            Slug = "kurasi-uji", Kind = EventKind.CurationDay, Title = new("Kurasi uji", null), Summary = new("Kurasi.", null),
            StartsAtUtc = starts, EndsAtUtc = starts.AddHours(6), Venue = "Aula", RegistrationMode = EventRegistrationMode.Producers,
            Capacity = capacity, RegistrationClosesAtUtc = closes,
        };
    }

    [Fact]
    public void Places_must_be_at_least_one_or_left_empty()
    {
        Assert.Contains(Draft(0, null).Validate(new DateOnly(2027, 1, 1)), e => e.Field == "Capacity" && e.Message == "content.error.capacity");
        Assert.DoesNotContain(Draft(null, null).Validate(new DateOnly(2027, 1, 1)), e => e.Field == "Capacity");
        Assert.DoesNotContain(Draft(1, null).Validate(new DateOnly(2027, 1, 1)), e => e.Field == "Capacity");
    }

    [Fact]
    public void Registration_must_close_before_the_event_ends()
    {
        var draft = Draft(30, null);
        draft.RegistrationClosesAtUtc = draft.EndsAtUtc;

        Assert.Contains(draft.Validate(new DateOnly(2027, 1, 1)), e => e.Field == "RegistrationClosesAtUtc");
        draft.RegistrationClosesAtUtc = draft.StartsAtUtc.AddDays(-2);
        Assert.Empty(draft.Validate(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void The_settings_go_from_the_draft_to_the_event_and_back()
    {
        var draft = Draft(25, new DateTime(2027, 3, 5, 10, 0, 0, DateTimeKind.Unspecified));
        var item = new Event();

        draft.ApplyTo(item);
        var again = EventDraft.From(item);

        Assert.Equal((EventRegistrationMode.Producers, 25), (item.RegistrationMode, item.Capacity));
        Assert.Equal(DateTimeKind.Utc, item.RegistrationClosesAtUtc!.Value.Kind);
        Assert.Equal((draft.RegistrationMode, draft.Capacity, draft.RegistrationClosesAtUtc), (again.RegistrationMode, again.Capacity, again.RegistrationClosesAtUtc));
    }
}
