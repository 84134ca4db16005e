using System.Net;
using System.Text;
using IkmCatalog.Backoffice;
using IkmCatalog.Events;
using IkmCatalog.Tests.Content;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static IkmCatalog.Tests.EventRegistrations.RegistrationSteps;

namespace IkmCatalog.Tests.EventRegistrations;

/// <summary>The registration form on an event's page, the registrant's private page, the office's list and the producer's "took part in".</summary>
[Collection(SiteCollection.Name)]
public class RegistrationPagesTests(IkmWebFactory host)
{
    private const string Form = "form.registration-form";

    private static Dictionary<string, string> Filled(string name, string email, string? business = null)
    {
        var fields = new Dictionary<string, string> { ["Name"] = name, ["Email"] = email, ["Phone"] = "+62 812 3456 7890", ["Organisation"] = "UD Maju" };
        if (business is not null)
        {
            fields["Business"] = business;
        }
        return fields;
    }

    /// <summary>The form's hidden fields (antiforgery token, robot-check stamp) as the page rendered them.</summary>
    private static List<KeyValuePair<string, string>> HiddenFields(string html) =>
        [.. new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll(Form + " input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))];

    [Fact]
    public async Task Registering_on_the_event_page_leads_to_a_private_status_page_where_the_place_can_be_cancelled()
    {
        var (id, slug) = await NewEventAsync(host, EventRegistrationMode.Public, capacity: 1);
        var client = ContentSteps.NoRedirects(host);
        var page = await host.GetDocumentAsync(client, $"/en/events/{slug}");
        Assert.Contains("1 of 1 places left.", page.QuerySelector("#registration")!.TextContent, StringComparison.Ordinal);

        var email = NewEmail("Emma");
        var response = await Forms.SubmitAsync(client, $"/en/events/{slug}", Form, Filled("Emma Janssen", email));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var statusUrl = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/en/events/registration/", statusUrl, StringComparison.Ordinal);
        var status = await client.GetAsync(statusUrl);
        Assert.Contains("no-store", status.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var statusPage = await Forms.ParseAsync(status);
        Assert.Equal("noindex, nofollow", statusPage.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Equal("Place confirmed", statusPage.QuerySelector(".registration-state strong")!.TextContent);
        Assert.Contains(await MailToAsync(host, email), m => m.Culture == "en" && m.TextBody.Contains(statusUrl, StringComparison.Ordinal));

        // The event is full now: the next person joins the waiting list, and moves up when Emma cancels.
        var full = await host.GetDocumentAsync(client, $"/agenda/{slug}");
        Assert.Equal("Masuk daftar tunggu", full.QuerySelector(Form + " button[type=submit]")!.TextContent);
        var waitingEmail = NewEmail("Budi");
        await Forms.SubmitAsync(client, $"/agenda/{slug}", Form, Filled("Budi Santoso", waitingEmail));
        var cancel = await Forms.SubmitAsync(client, statusUrl, "form[action='" + statusUrl + "']", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.SeeOther, cancel.StatusCode);
        var after = await host.GetDocumentAsync(client, statusUrl);
        Assert.Equal("Cancelled", after.QuerySelector(".registration-state strong")!.TextContent);
        Assert.Null(after.QuerySelector("form[action='" + statusUrl + "']"));
        var rows = await AllAsync(host, id);
        Assert.Equal(RegistrationStatus.Confirmed, rows.Single(r => r.Email == waitingEmail).Status);
        Assert.Contains(await MailToAsync(host, waitingEmail), m => m.Kind == "event-registration-promoted");
    }

    [Theory]
    [InlineData("/agenda/{0}", "Nama lengkap wajib diisi.", "Email bukan alamat email yang benar.")]
    [InlineData("/en/events/{0}", "Full name is required.", "Email is not a valid email address.")]
    public async Task Mistakes_are_explained_next_to_the_fields_in_the_page_language(string path, string nameMessage, string emailMessage)
    {
        var (id, slug) = await NewEventAsync(host, EventRegistrationMode.Public, capacity: 5);
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, path, slug);

        var response = await Forms.SubmitAsync(ContentSteps.NoRedirects(host), url, Form, Filled("", "not-an-email"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Equal(nameMessage, page.QuerySelector("#f-Name-error")!.TextContent);
        Assert.Equal(emailMessage, page.QuerySelector("#f-Email-error")!.TextContent);
        Assert.Contains("f-Email-error", page.QuerySelector("#f-Email")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("not-an-email", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#f-Email")!).Value);
        Assert.Empty(await AllAsync(host, id));
    }

    [Fact]
    public async Task A_producers_event_explains_an_unknown_business_and_points_to_the_producer_registration()
    {
        var (id, slug) = await NewEventAsync(host, EventRegistrationMode.Producers, capacity: 5);

        var response = await Forms.SubmitAsync(ContentSteps.NoRedirects(host), $"/agenda/{slug}", Form, Filled("Tamu", NewEmail("Tamu"), "1234567890123"));

        var page = await Forms.ParseAsync(response);
        Assert.StartsWith("Kami tidak menemukan produsen terdaftar", page.QuerySelector("#f-Business-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(Form + " a[href$='daftar-ikm']"));
        Assert.Empty(await AllAsync(host, id));

        var known = await Forms.SubmitAsync(ContentSteps.NoRedirects(host), $"/agenda/{slug}", Form, Filled("Sri Wahyuni", NewEmail("Sri"), ProducerNib));
        Assert.Equal(HttpStatusCode.SeeOther, known.StatusCode);
        Assert.NotNull(Assert.Single(await AllAsync(host, id)).ProducerId);
    }

    [Fact]
    public async Task Registering_twice_with_one_email_is_explained()
    {
        var (_, slug) = await NewEventAsync(host, EventRegistrationMode.Public, capacity: 5);
        var email = NewEmail("Sri");
        var client = ContentSteps.NoRedirects(host);
        await Forms.SubmitAsync(client, $"/en/events/{slug}", Form, Filled("Sri Wahyuni", email));

        var again = await Forms.SubmitAsync(client, $"/en/events/{slug}", Form, Filled("Sri Wahyuni", email));

        var page = await Forms.ParseAsync(again);
        Assert.StartsWith("This email is already registered for this event.", page.QuerySelector("#f-Email-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_registration_shows_no_form_and_refuses_a_late_post()
    {
        var (id, slug) = await NewEventAsync(host, EventRegistrationMode.Public, capacity: 5);
        var client = ContentSteps.NoRedirects(host);
        var open = await client.GetStringAsync($"/agenda/{slug}");
        // A save through the DbContext, as every editing path makes it: the change is journalled and the site shows it.
        await ContentSteps.InScopeAsync(host, async (db, _) =>
        {
            var item = await db.Events.SingleAsync(e => e.Id == id);
            item.RegistrationClosesAtUtc = DateTime.UtcNow.AddMinutes(-1);
            return await db.SaveChangesAsync();
        });

        var page = await host.GetDocumentAsync(client, $"/agenda/{slug}");
        var late = await client.PostAsync($"/agenda/{slug}", new FormUrlEncodedContent(HiddenFields(open).Concat(Filled("Sri Wahyuni", NewEmail("Sri")))));

        Assert.Null(page.QuerySelector(Form));
        Assert.Contains("Pendaftaran untuk acara ini sudah ditutup.", page.QuerySelector("#registration")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Empty(await AllAsync(host, id));
    }

    [Fact]
    public async Task The_office_cancels_a_place_and_the_first_waiting_moves_up()
    {
        var (id, _) = await NewEventAsync(host, EventRegistrationMode.Public, capacity: 1);
        var holder = await RegisterAsync(host, id, "Sri Wahyuni");
        var waiting = await RegisterAsync(host, id, "Budi Santoso");
        var client = await Editors.SignedInClientAsync(host, EditorRoles.Curator);
        var list = await host.GetDocumentAsync(client, $"/backoffice/events/{id}/registrations");
        Assert.Equal("Budi Santoso", list.QuerySelector("#waitlist-title ~ table tbody tr td:nth-child(2)")!.TextContent);

        var response = await Forms.SubmitAsync(client, $"/backoffice/events/{id}/registrations",
            $"form[action='/backoffice/events/{id}/registrations/cancel']:has(input[value='{holder.Registration!.Id}'])", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var rows = await AllAsync(host, id);
        Assert.Equal(RegistrationStatus.Cancelled, rows.Single(r => r.Id == holder.Registration.Id).Status);
        Assert.Equal(RegistrationStatus.Confirmed, rows.Single(r => r.Id == waiting.Registration!.Id).Status);
    }

    [Fact]
    public async Task Attendance_recorded_by_the_office_shows_on_the_producer_page_as_took_part_in()
    {
        // A past event (registration is long closed, so the place is written as the office would have it).
        var starts = DateTime.UtcNow.Date.AddDays(-20).AddHours(2);
        var title = "Kurasi uji " + Guid.NewGuid().ToString("N")[..6];
        var (id, _) = await NewEventAsync(host, EventRegistrationMode.Producers, capacity: 10, startsAtUtc: starts, title: title);
        var registrationId = await ContentSteps.InScopeAsync(host, async (db, _) =>
        {
            var producer = await db.Producers.SingleAsync(p => p.Slug == ProducerSlug);
            var registration = new EventRegistration
            {
                EventId = id, ProducerId = producer.Id, Name = "Sri Wahyuni", Email = ProducerEmail, Token = IkmCatalog.Data.PublicIds.NewToken(),
                Status = RegistrationStatus.Confirmed, RegisteredAtUtc = starts.AddDays(-7),
            };
            db.EventRegistrations.Add(registration);
            await db.SaveChangesAsync();
            return registration.Id;
        });
        var before = await host.GetDocumentAsync(ContentSteps.NoRedirects(host), $"/produsen/{ProducerSlug}");
        Assert.DoesNotContain(title, before.QuerySelector("#took-part-title")?.ParentElement?.TextContent ?? "", StringComparison.Ordinal);
        var client = await Editors.SignedInClientAsync(host, EditorRoles.Editor);

        var response = await Forms.SubmitAsync(client, $"/backoffice/events/{id}/registrations", "#attendance-form",
            new Dictionary<string, string> { [$"attendance-{registrationId}"] = "present" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True((await AllAsync(host, id)).Single().Attended);
        var indonesian = await host.GetDocumentAsync(ContentSteps.NoRedirects(host), $"/produsen/{ProducerSlug}");
        Assert.Equal("Pernah mengikuti", indonesian.QuerySelector("#took-part-title")!.TextContent);
        Assert.Contains(title, indonesian.QuerySelector(".took-part-in")!.TextContent, StringComparison.Ordinal);
        var english = await host.GetDocumentAsync(ContentSteps.NoRedirects(host), $"/en/producers/{ProducerSlug}");
        Assert.Equal("Took part in", english.QuerySelector("#took-part-title")!.TextContent);
    }

    [Fact]
    public async Task The_CSV_export_has_a_byte_order_mark_and_neutralises_formulas()
    {
        var (id, _) = await NewEventAsync(host, EventRegistrationMode.Public, capacity: 5);
        await RegisterAsync(host, id, "=HYPERLINK(\"http://evil.example\")");
        await RegisterAsync(host, id, "Sri Wahyuni");
        var client = await Editors.SignedInClientAsync(host, EditorRoles.Admin);

        var response = await client.GetAsync($"/backoffice/events/{id}/registrations/export.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rows = new List<string[]>();
        List<string> header;
        using (var reader = CsvHelper.CsvReader.Create(new MemoryStream(bytes)))
        {
            header = [.. reader.Headers];
            while (reader.Read())
            {
                rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
            }
        }
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(["Nama", "Email", "Telepon"], header[..3]);
        Assert.Equal(["'=HYPERLINK(\"http://evil.example\")", "Sri Wahyuni"], rows.Select(r => r[0]));
        Assert.Equal("Tempat terkonfirmasi", rows[1][5]);
    }

    [Fact]
    public async Task The_event_editor_saves_the_registration_settings_and_explains_a_closing_time_after_the_end()
    {
        var client = await Editors.SignedInClientAsync(host, EditorRoles.Editor);
        var slug = "bimtek-form-" + Guid.NewGuid().ToString("N")[..8];
        var fields = new Dictionary<string, string>
        {
            ["Draft.Kind"] = "Training", ["Draft.Title.Indonesian"] = "Bimtek formulir", ["Draft.Slug"] = slug,
            ["Draft.Summary.Indonesian"] = "Pelatihan.", ["StartsLocal"] = "2099-03-09T09:00", ["EndsLocal"] = "2099-03-09T15:00",
            ["Draft.UtcOffsetMinutes"] = "420", ["Draft.Venue"] = "Aula", ["Draft.RegistrationMode"] = "Producers",
            ["Draft.Capacity"] = "0", ["RegistrationClosesLocal"] = "2099-03-10T09:00", ["intent"] = "save",
        };

        var refused = await Forms.SubmitAsync(client, "/backoffice/content/events/new", "form.bo-card[enctype]", fields);

        var page = await Forms.ParseAsync(refused);
        Assert.Equal("Minimal 1 tempat (atau kosongkan jika tidak dibatasi).", page.QuerySelector("#Draft_Capacity-error")!.TextContent);
        Assert.Equal("Pendaftaran harus ditutup sebelum acara berakhir.", page.QuerySelector("#RegistrationClosesLocal-error")!.TextContent);

        fields["Draft.Capacity"] = "30";
        fields["RegistrationClosesLocal"] = "2099-03-08T17:00";
        var saved = await Forms.SubmitAsync(client, "/backoffice/content/events/new", "form.bo-card[enctype]", fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var edit = await host.GetDocumentAsync(client, saved.Headers.Location!.OriginalString);
        Assert.Equal("30", edit.QuerySelector("#Draft_Capacity")!.GetAttribute("value"));
        Assert.Equal("2099-03-08T17:00", edit.QuerySelector("#RegistrationClosesLocal")!.GetAttribute("value"));
        Assert.Equal("Producers", edit.QuerySelector("#Draft_RegistrationMode option[selected]")!.GetAttribute("value"));
        Assert.NotNull(edit.QuerySelector("a[href$='/registrations']"));
    }
}
