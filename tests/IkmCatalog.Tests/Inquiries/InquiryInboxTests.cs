using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CsvHelper;
using IkmCatalog.Backoffice;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Inquiries;
using IkmCatalog.Producers;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Inquiries;

/// <summary>
/// Test data for the inbox: inquiries written straight to the database (as the public form would save them), each
/// test in a country of its own so the shared site's other inquiries never show up in its filtered lists.
/// </summary>
public static class InboxData
{
    public static string NewCountry() => "Uji-" + Guid.NewGuid().ToString("N")[..10];

    public static async Task<Producer> AddProducerAsync(IServiceProvider services, string name, string? email, string? whatsApp = null)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
        var now = DateTime.UtcNow;
        var producer = new Producer
        {
            Name = name, Slug = "uji-" + Guid.NewGuid().ToString("N")[..12], RegionId = (await db.Regions.FirstAsync()).Id,
            Email = email, WhatsApp = whatsApp, State = PublishState.Draft, CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        db.Producers.Add(producer);
        await db.SaveChangesAsync();
        return producer;
    }

    public static async Task<Inquiry> AddAsync(IServiceProvider services, string country, DateTime createdAtUtc, Action<Inquiry>? configure = null)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
        var inquiry = new Inquiry
        {
            Reference = "RFQ-T-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(),
            Token = PublicIds.NewToken(),
            Culture = Cultures.Indonesian,
            BuyerName = "Siti Rahmawati",
            Company = "PT Rasa Nusantara",
            Country = country,
            Email = $"pembeli-{Guid.NewGuid():N}@example.com",
            Phone = "+62 812 3345 0718",
            Incoterm = "FOB",
            Destination = "Tanjung Priok",
            Message = "Mohon harga untuk pengiriman bulanan.",
            ConsentAtUtc = createdAtUtc,
            CreatedAtUtc = createdAtUtc,
            UpdatedAtUtc = createdAtUtc,
            Lines = [new InquiryLine { ProductName = "Abon ikan tuna", Quantity = 200, Unit = "kg" }],
        };
        configure?.Invoke(inquiry);
        db.Inquiries.Add(inquiry);
        await db.SaveChangesAsync();
        return inquiry;
    }

    public static async Task<T> WithDbAsync<T>(IServiceProvider services, Func<IkmDbContext, Task<T>> action)
    {
        using var scope = services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<IkmDbContext>());
    }
}

[Collection(SiteCollection.Name)]
public class InquiryInboxTests(IkmWebFactory factory)
{
    private static readonly DateTime March1 = new(2026, 3, 1, 3, 0, 0, DateTimeKind.Utc);

    private Task<HttpClient> OfficerAsync() => Editors.SignedInClientAsync(factory, EditorRoles.SalesOfficer);

    private static List<string> References(IHtmlDocument page) =>
        [.. page.QuerySelectorAll<IHtmlTableRowElement>(".bo-inquiries tbody tr").Select(r => r.Cells[0].TextContent.Trim())];

    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> ValidQuote() => new()
    {
        ["Quote.Price"] = "2.75",
        ["Quote.Currency"] = "USD",
        ["Quote.PriceUnit"] = "kg",
        ["Quote.Incoterm"] = "CIF",
        ["Quote.ValidUntil"] = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(40)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Quote.LeadTimeDays"] = "21",
        ["Quote.Note"] = "Minimum order 500 kg; payment by letter of credit.",
    };

    [Fact]
    public async Task The_list_is_filtered_by_status_country_producer_product_and_office_days_newest_first()
    {
        var client = await OfficerAsync();
        var country = InboxData.NewCountry();
        var producer = await InboxData.AddProducerAsync(factory.Services, "Mete Uji Jaya", "mete@example.com");
        var productId = await InboxData.WithDbAsync(factory.Services, db => db.Products.Where(p => p.Slug == "dodol-durian-ibu-enah").Select(p => p.Id).FirstAsync());
        // 1 March 2026, 23.30 WIB
        var late = await InboxData.AddAsync(factory.Services, country, new DateTime(2026, 3, 1, 16, 30, 0, DateTimeKind.Utc),
            i => i.Lines = [new InquiryLine { ProductId = productId, ProductName = "Dodol durian", Quantity = 50, Unit = "kotak" }]);
        // 2 March 2026, 00.30 WIB: still 1 March in UTC
        var early = await InboxData.AddAsync(factory.Services, country, new DateTime(2026, 3, 1, 17, 30, 0, DateTimeKind.Utc), i =>
        {
            i.Status = InquiryStatus.Forwarded;
            i.Lines = [new InquiryLine { ProducerId = producer.Id, ProductName = "Kacang mete", Quantity = 100, Unit = "kg" }];
        });
        var third = await InboxData.AddAsync(factory.Services, country, new DateTime(2026, 3, 3, 3, 0, 0, DateTimeKind.Utc), i => i.Status = InquiryStatus.Forwarded);
        var elsewhere = await InboxData.AddAsync(factory.Services, InboxData.NewCountry(), new DateTime(2026, 3, 2, 3, 0, 0, DateTimeKind.Utc));
        var c = Uri.EscapeDataString(country);

        var all = await factory.GetDocumentAsync(client, $"/backoffice/inquiries?country={c}");
        var forwarded = await factory.GetDocumentAsync(client, $"/backoffice/inquiries?country={c}&status=forwarded");
        var byProducer = await factory.GetDocumentAsync(client, $"/backoffice/inquiries?producer={producer.Id}");
        var byProduct = await factory.GetDocumentAsync(client, $"/backoffice/inquiries?country={c}&product={productId}");
        var secondOfMarch = await factory.GetDocumentAsync(client, $"/backoffice/inquiries?country={c}&from=2026-03-02&to=2026-03-02");
        var untilFirst = await factory.GetDocumentAsync(client, $"/backoffice/inquiries?country={c}&to=2026-03-01");

        Assert.Equal([third.Reference, early.Reference, late.Reference], References(all));
        Assert.Equal([third.Reference, early.Reference], References(forwarded));
        Assert.Equal([early.Reference], References(byProducer));
        Assert.Equal([late.Reference], References(byProduct));
        Assert.Equal([early.Reference], References(secondOfMarch));
        Assert.Equal([late.Reference], References(untilFirst));
        Assert.DoesNotContain(elsewhere.Reference, References(all));
        var row = all.QuerySelectorAll<IHtmlTableRowElement>(".bo-inquiries tbody tr").ElementAt(2);
        Assert.Equal("1 Maret 2026 23.30", row.Cells[1].TextContent.Trim());
        Assert.Contains("PT Rasa Nusantara", row.Cells[2].TextContent, StringComparison.Ordinal);
        Assert.Contains("Dodol durian × 50 kotak", row.Cells[3].TextContent, StringComparison.Ordinal);
        Assert.Equal("Baru", row.Cells[4].TextContent.Trim());
    }

    [Fact]
    public async Task Assigned_to_me_and_unassigned_filters_follow_the_assign_action()
    {
        var client = await OfficerAsync();
        var country = InboxData.NewCountry();
        var mine = await InboxData.AddAsync(factory.Services, country, March1);
        var open = await InboxData.AddAsync(factory.Services, country, March1.AddHours(1));

        var assigned = await Forms.SubmitAsync(client, $"/backoffice/inquiries/{mine.Id}", "form[action$='/assign']", new Dictionary<string, string> { ["me"] = "true" });
        var c = Uri.EscapeDataString(country);
        var toMe = await factory.GetDocumentAsync(client, $"/backoffice/inquiries?country={c}&assigned=me");
        var unassigned = await factory.GetDocumentAsync(client, $"/backoffice/inquiries?country={c}&assigned=none");

        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Equal([mine.Reference], References(toMe));
        Assert.Equal([open.Reference], References(unassigned));
        var audit = await InboxData.WithDbAsync(factory.Services, db => db.AuditEntries.SingleAsync(a => a.DocumentType == "inquiry" && a.DocumentId == mine.Id));
        Assert.Equal("assign", audit.Action);
    }

    [Fact]
    public async Task Unreadable_filters_are_named_next_to_their_field_and_not_silently_ignored()
    {
        var client = await OfficerAsync();

        var response = await client.GetAsync("/backoffice/inquiries?from=31-02-2026&status=maybe&producer=abc&assigned=everyone");
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Tanggal harus berformat TTTT-BB-HH, misalnya 2026-03-01.", page.QuerySelector("#filter-from-error")!.TextContent.Trim());
        Assert.Equal("Status tidak dikenal.", page.QuerySelector("#filter-status-error")!.TextContent.Trim());
        Assert.Equal("Produsen tidak dikenal.", page.QuerySelector("#filter-producer-error")!.TextContent.Trim());
        Assert.Equal("Pilihan penugasan tidak dikenal.", page.QuerySelector("#filter-assigned-error")!.TextContent.Trim());
        Assert.Equal("filter-from-error", page.QuerySelector("#filter-from")!.GetAttribute("aria-describedby"));
        Assert.NotNull(page.QuerySelector(".bo-errors[role=alert]"));
    }

    [Fact]
    public async Task People_without_the_sales_role_are_refused_the_inbox()
    {
        var writer = await Editors.SignedInClientAsync(factory, EditorRoles.Writer);
        var officer = await OfficerAsync();

        var refused = await writer.GetAsync("/backoffice/inquiries");
        var allowed = await officer.GetAsync("/backoffice/inquiries");
        var dashboard = await factory.GetDocumentAsync(officer, "/backoffice");
        var writersDashboard = await factory.GetDocumentAsync(writer, "/backoffice");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/backoffice/denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.NotNull(dashboard.QuerySelector(".bo-nav a[href='/backoffice/inquiries']"));
        Assert.Null(writersDashboard.QuerySelector(".bo-nav a[href='/backoffice/inquiries']"));
    }

    [Fact]
    public async Task Forwarding_emails_the_producer_in_indonesian_marks_it_forwarded_and_records_the_first_response()
    {
        var client = await OfficerAsync();
        var producer = await InboxData.AddProducerAsync(factory.Services, "Abon Tuna Bu Lina", $"lina-{Guid.NewGuid():N}@example.com");
        var inquiry = await InboxData.AddAsync(factory.Services, InboxData.NewCountry(), March1, i =>
        {
            i.Culture = Cultures.English;
            i.Lines = [new InquiryLine { ProducerId = producer.Id, ProductName = "Tuna floss", Quantity = 200, Unit = "kg" }];
        });

        var response = await Forms.SubmitAsync(client, $"/backoffice/inquiries/{inquiry.Id}", "form[action$='/forward']", new Dictionary<string, string>
        {
            ["Forward.ProducerId"] = producer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Forward.Note"] = "Pembeli butuh sertifikat halal.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (saved, email, audit) = await InboxData.WithDbAsync(factory.Services, async db => (
            await db.Inquiries.Include(i => i.Messages).SingleAsync(i => i.Id == inquiry.Id),
            await db.Outbox.SingleAsync(m => m.To == producer.Email),
            await db.AuditEntries.Where(a => a.DocumentType == "inquiry" && a.DocumentId == inquiry.Id).ToListAsync()));
        Assert.Equal(InquiryStatus.Forwarded, saved.Status);
        Assert.NotNull(saved.FirstResponseAtUtc);
        Assert.Equal(InquiryMessageKind.Forwarded, Assert.Single(saved.Messages).Kind);
        Assert.Equal("forward", Assert.Single(audit).Action);
        Assert.Equal("id", email.Culture);
        Assert.Equal($"Permintaan penawaran {inquiry.Reference} untuk Abon Tuna Bu Lina", email.Subject);
        Assert.Contains("- Tuna floss: 200 kg", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Pembeli butuh sertifikat halal.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Mohon balas email ini", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(inquiry.Token, email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(inquiry.Email, email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_producer_without_email_is_not_forwarded_to_and_its_whatsapp_link_is_offered()
    {
        var client = await OfficerAsync();
        var producer = await InboxData.AddProducerAsync(factory.Services, "Tenun Tanpa Surel", email: null, whatsApp: "0812-3345-0718");
        var inquiry = await InboxData.AddAsync(factory.Services, InboxData.NewCountry(), March1);

        var response = await Forms.SubmitAsync(client, $"/backoffice/inquiries/{inquiry.Id}", "form[action$='/forward']", new Dictionary<string, string>
        {
            ["Forward.ProducerId"] = producer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Tenun Tanpa Surel tidak memiliki alamat email.", page.QuerySelector("#forward-producer-error")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.StartsWith("https://wa.me/6281233450718?text=", page.QuerySelector("a[href^='https://wa.me/']")!.GetAttribute("href"), StringComparison.Ordinal);
        var saved = await InboxData.WithDbAsync(factory.Services, db => db.Inquiries.SingleAsync(i => i.Id == inquiry.Id));
        Assert.Equal(InquiryStatus.New, saved.Status);
        Assert.Null(saved.FirstResponseAtUtc);
    }

    public static TheoryData<string, string, string> BadQuotes() => new()
    {
        { "Quote.Price", "", "quote-price-error" },
        { "Quote.Price", "0", "quote-price-error" },
        { "Quote.Price", "dua ribu", "quote-price-error" },
        { "Quote.Currency", "EUR", "quote-currency-error" },
        { "Quote.PriceUnit", "", "quote-unit-error" },
        { "Quote.Incoterm", "XYZ", "quote-incoterm-error" },
        { "Quote.ValidUntil", "2020-01-01", "quote-valid-error" },
        { "Quote.ValidUntil", "besok", "quote-valid-error" },
        { "Quote.LeadTimeDays", "0", "quote-lead-error" },
        { "Quote.LeadTimeDays", "366", "quote-lead-error" },
        { "Quote.Note", new string('x', 2001), "quote-note-error" },
    };

    [Theory]
    [MemberData(nameof(BadQuotes))]
    public async Task A_quote_with_a_wrong_field_is_refused_with_a_message_next_to_that_field(string field, string value, string errorId)
    {
        var client = await OfficerAsync();
        var inquiry = await InboxData.AddAsync(factory.Services, InboxData.NewCountry(), March1);
        var fields = ValidQuote();
        fields[field] = value;

        var response = await Forms.SubmitAsync(client, $"/backoffice/inquiries/{inquiry.Id}", "form[action$='/quote']", fields);
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("#" + errorId)?.TextContent), $"no message at #{errorId}");
        Assert.Single(page.QuerySelectorAll(".bo-field-error"));
        Assert.Contains(errorId, page.QuerySelector($"[name='{field}']")!.GetAttribute("aria-describedby") ?? "", StringComparison.Ordinal);
        var (status, quotes) = await InboxData.WithDbAsync(factory.Services, async db =>
            ((await db.Inquiries.SingleAsync(i => i.Id == inquiry.Id)).Status, await db.InquiryQuotes.CountAsync(q => q.InquiryId == inquiry.Id)));
        Assert.Equal(InquiryStatus.New, status);
        Assert.Equal(0, quotes);
    }

    [Fact]
    public async Task A_valid_quote_is_saved_and_emailed_to_an_english_buyer_in_english_with_their_status_link()
    {
        var client = await OfficerAsync();
        var inquiry = await InboxData.AddAsync(factory.Services, InboxData.NewCountry(), March1, i => i.Culture = Cultures.English);

        var response = await Forms.SubmitAsync(client, $"/backoffice/inquiries/{inquiry.Id}", "form[action$='/quote']", ValidQuote());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (saved, email, audit) = await InboxData.WithDbAsync(factory.Services, async db => (
            await db.Inquiries.Include(i => i.Quotes).SingleAsync(i => i.Id == inquiry.Id),
            await db.Outbox.SingleAsync(m => m.To == inquiry.Email),
            await db.AuditEntries.Where(a => a.DocumentType == "inquiry" && a.DocumentId == inquiry.Id).ToListAsync()));
        Assert.Equal(InquiryStatus.Quoted, saved.Status);
        Assert.NotNull(saved.FirstResponseAtUtc);
        var quote = Assert.Single(saved.Quotes);
        Assert.Equal(2.75m, quote.Price);
        Assert.Equal(("USD", "kg", "CIF", 21), (quote.Currency, quote.PriceUnit, quote.Incoterm, quote.LeadTimeDays));
        Assert.Equal("quote", Assert.Single(audit).Action);
        Assert.Equal("en", email.Culture);
        Assert.Equal($"Quote for your request {inquiry.Reference}", email.Subject);
        Assert.Contains("Price: USD 2.75 per kg", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Lead time: 21 days", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Minimum order 500 kg; payment by letter of credit.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"http://localhost/en/request-a-quote/status/{inquiry.Token}", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Harga", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_is_emailed_to_the_buyer_and_an_internal_note_is_not()
    {
        var client = await OfficerAsync();
        var inquiry = await InboxData.AddAsync(factory.Services, InboxData.NewCountry(), March1);

        var reply = await Forms.SubmitAsync(client, $"/backoffice/inquiries/{inquiry.Id}", "form[action$='/reply']", new Dictionary<string, string> { ["Reply.Body"] = "Produsen sedang menghitung harga." });
        var note = await Forms.SubmitAsync(client, $"/backoffice/inquiries/{inquiry.Id}", "form[action$='/note']", new Dictionary<string, string> { ["Note.Body"] = "Pembeli lama, prioritaskan." });

        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);
        var (saved, emails) = await InboxData.WithDbAsync(factory.Services, async db => (
            await db.Inquiries.Include(i => i.Messages).SingleAsync(i => i.Id == inquiry.Id),
            await db.Outbox.Where(m => m.To == inquiry.Email).ToListAsync()));
        Assert.Equal([InquiryMessageKind.OfficeReply, InquiryMessageKind.Note], saved.Messages.OrderBy(m => m.Id).Select(m => m.Kind));
        Assert.NotNull(saved.FirstResponseAtUtc);
        var email = Assert.Single(emails);
        Assert.Equal($"Balasan atas permintaan {inquiry.Reference}", email.Subject);
        Assert.Contains("Produsen sedang menghitung harga.", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("prioritaskan", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_status_move_the_rules_do_not_allow_is_refused_with_a_message()
    {
        var client = await OfficerAsync();
        var inquiry = await InboxData.AddAsync(factory.Services, InboxData.NewCountry(), March1);

        // A new inquiry offers only "close": "won" is posted by hand, as a stale page or a crafted request would.
        var refused = await Forms.SubmitAsync(client, $"/backoffice/inquiries/{inquiry.Id}", "form[action$='/status']", new Dictionary<string, string> { ["Status.Next"] = "won" });
        var refusedPage = await Forms.ParseAsync(refused);
        var closed = await Forms.SubmitAsync(client, $"/backoffice/inquiries/{inquiry.Id}", "form[action$='/status']", new Dictionary<string, string> { ["Status.Next"] = "closed" });
        var reopened = await Forms.SubmitAsync(client, $"/backoffice/inquiries/{inquiry.Id}", "form[action$='/status']", new Dictionary<string, string> { ["Status.Next"] = "reopen" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Tidak dapat \u201cTandai berhasil\u201d: permintaan berstatus Baru.", refusedPage.QuerySelector("#status-error")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        var (status, actions) = await InboxData.WithDbAsync(factory.Services, async db => (
            (await db.Inquiries.SingleAsync(i => i.Id == inquiry.Id)).Status,
            await db.AuditEntries.Where(a => a.DocumentType == "inquiry" && a.DocumentId == inquiry.Id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync()));
        Assert.Equal(InquiryStatus.New, status);
        Assert.Equal(["closed", "reopen"], actions);
    }

    [Fact]
    public void The_status_rules_allow_only_sensible_moves()
    {
        Assert.True(InquiryStates.CanMove(InquiryStatus.New, InquiryStatus.Forwarded));
        Assert.True(InquiryStates.CanMove(InquiryStatus.Forwarded, InquiryStatus.Quoted));
        Assert.True(InquiryStates.CanMove(InquiryStatus.Quoted, InquiryStatus.Won));
        Assert.False(InquiryStates.CanMove(InquiryStatus.New, InquiryStatus.Won));
        Assert.False(InquiryStates.CanMove(InquiryStatus.Won, InquiryStatus.Lost));
        Assert.False(InquiryStates.CanMove(InquiryStatus.Closed, InquiryStatus.Quoted));
        Assert.Equal(InquiryStatus.Quoted, InquiryStates.Reopened(hasQuote: true, wasForwarded: true));
        Assert.Equal(InquiryStatus.Forwarded, InquiryStates.Reopened(hasQuote: false, wasForwarded: true));
        Assert.Equal(InquiryStatus.New, InquiryStates.Reopened(hasQuote: false, wasForwarded: false));
        Assert.Equal(InquiryStatus.Quoted, InquiryStates.AfterForward(InquiryStatus.Quoted));
    }

    [Fact]
    public async Task The_average_first_response_and_the_count_per_status_cover_the_filtered_set()
    {
        var client = await OfficerAsync();
        var country = InboxData.NewCountry();
        await InboxData.AddAsync(factory.Services, country, March1, i => (i.Status, i.FirstResponseAtUtc) = (InquiryStatus.Forwarded, March1.AddHours(1)));
        await InboxData.AddAsync(factory.Services, country, March1.AddDays(1), i => (i.Status, i.FirstResponseAtUtc) = (InquiryStatus.Quoted, March1.AddDays(1).AddHours(2)));
        await InboxData.AddAsync(factory.Services, country, March1.AddDays(2), i => (i.Status, i.FirstResponseAtUtc) = (InquiryStatus.Quoted, March1.AddDays(2).AddHours(6).AddMinutes(30)));
        await InboxData.AddAsync(factory.Services, country, March1.AddDays(3));

        var page = await factory.GetDocumentAsync(client, $"/backoffice/inquiries?country={Uri.EscapeDataString(country)}");
        var stats = page.QuerySelectorAll(".bo-stats li").Select(li => li.TextContent.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

        // (1 h + 2 h + 6 h 30 min) / 3 = 3 h 10 min; the inquiry not yet answered is left out.
        Assert.Equal(["3 jam 10 menit", "rata-rata waktu tanggapan pertama (3 ditanggapi)"], stats[^1]);
        Assert.Equal(["1", "Baru"], stats[0]);
        Assert.Equal(["1", "Diteruskan"], stats[1]);
        Assert.Equal(["2", "Ditawarkan"], stats[2]);
        Assert.Equal(["0", "Berhasil"], stats[3]);
    }

    [Fact]
    public async Task The_export_holds_exactly_the_filtered_rows_with_a_byte_order_mark_and_no_formulas()
    {
        var client = await OfficerAsync();
        var country = InboxData.NewCountry();
        var older = await InboxData.AddAsync(factory.Services, country, March1, i =>
        {
            i.BuyerName = "=cmd|' /C calc'!A0";
            i.Status = InquiryStatus.Quoted;
            i.Company = "Koperasi Ikan Asin Wakatobi";
            i.FirstResponseAtUtc = March1.AddMinutes(90);
            i.Quotes = [new InquiryQuote { Price = 45000, Currency = "IDR", PriceUnit = "kg", Incoterm = "FOB", ValidUntil = new DateOnly(2026, 4, 1), LeadTimeDays = 14, CreatedBy = "Uji", CreatedAtUtc = March1 }];
        });
        var newer = await InboxData.AddAsync(factory.Services, country, March1.AddDays(1), i => i.Status = InquiryStatus.Forwarded);
        await InboxData.AddAsync(factory.Services, InboxData.NewCountry(), March1);

        var response = await client.GetAsync($"/backoffice/inquiries/export.csv?country={Uri.EscapeDataString(country)}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rows = new List<string[]>();
        List<string> header;
        using (var reader = CsvReader.Create(new MemoryStream(bytes)))
        {
            header = [.. reader.Headers];
            while (reader.Read())
            {
                rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
            }
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(["Nomor", "Diterima (WIB)", "Status"], header[..3]);
        Assert.Equal([newer.Reference, older.Reference], rows.Select(r => r[0]));
        Assert.Equal(
            [older.Reference, "2026-03-01 10:00", "Ditawarkan", "'=cmd|' /C calc'!A0", "Koperasi Ikan Asin Wakatobi", country, older.Email,
             "'+62 812 3345 0718", "Abon ikan tuna × 200 kg", "FOB", "Tanjung Priok", "", "1.5", "IDR 45,000 / kg FOB, 2026-04-01"],
            rows[1]);
        Assert.Equal("Diteruskan", rows[0][2]);
    }

    [Fact]
    public async Task The_detail_page_shows_what_the_buyer_sent_with_links_to_public_products()
    {
        var client = await OfficerAsync();
        var product = await InboxData.WithDbAsync(factory.Services, db => db.Products.Where(p => p.Slug == "dodol-durian-ibu-enah").Select(p => new { p.Id, p.Slug }).FirstAsync());
        var inquiry = await InboxData.AddAsync(factory.Services, InboxData.NewCountry(), March1, i =>
        {
            i.CertificatesRequired = "Halal MUI";
            i.Lines = [new InquiryLine { ProductId = product.Id, ProductName = "Dodol durian", Quantity = 40, Unit = "kotak" }];
        });

        var page = await factory.GetDocumentAsync(client, $"/backoffice/inquiries/{inquiry.Id}");

        Assert.Equal($"/produk/{product.Slug}", page.QuerySelector("a[href^='/produk/']")!.GetAttribute("href"));
        Assert.Contains("Halal MUI", page.QuerySelector(".bo-facts")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Mohon harga untuk pengiriman bulanan.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1 Maret 2026 10.00 WIB", page.QuerySelector(".bo-facts dd")!.TextContent.Trim());
    }
}
