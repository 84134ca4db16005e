using System.Net;
using AngleSharp.Dom;
using System.Text.RegularExpressions;
using IkmCatalog.Email;
using IkmCatalog.Inquiries;
using IkmCatalog.Tests.Content;
using IkmCatalog.Tests.Email;
using IkmCatalog.Tests.Infrastructure;
using static IkmCatalog.Tests.Inquiries.InquirySteps;

namespace IkmCatalog.Tests.Inquiries;

/// <summary>
/// The public request-for-quotation form on the seeded catalogue: what it refuses (with the message next to the field
/// and nothing saved), and what a valid request leaves behind: the inquiry and two queued emails.
/// </summary>
public partial class RequestForQuotationTests(RequestForQuotationTests.Host host) : IClassFixture<RequestForQuotationTests.Host>
{
    public sealed class Host() : IkmWebFactory(Settings());

    private static Dictionary<string, string?> Settings()
    {
        var settings = OutboxTests.Settings();
        settings["IkmCatalog:Spam:PerEmailPerDay"] = "2";
        return settings;
    }

    [Fact]
    public async Task A_product_link_prefills_the_form_with_the_product_and_its_minimum_order()
    {
        var page = await host.GetDocumentAsync(host.CreateClient(), $"/en/request-a-quote?product={Cashews}&product=no-such-product");

        var chosen = page.QuerySelector("select[name='Lines[0].ProductSlug'] option[selected]");
        Assert.Equal(Cashews, chosen?.GetAttribute("value"));
        Assert.Equal("Minimum order quantity: 10 cartons", page.QuerySelector(".rfq-moq")?.TextContent.Trim());
        Assert.Null(page.QuerySelector("select[name='Lines[1].ProductSlug'] option[selected]"));
        Assert.NotNull(page.QuerySelector($"{FormSelector} input[name='website']"));
        Assert.NotNull(page.QuerySelector($"{FormSelector} input[name='form_stamp']"));
    }

    [Fact]
    public async Task Product_and_producer_pages_and_the_menu_lead_to_the_form()
    {
        var client = host.CreateClient();
        var bulk = await host.GetDocumentAsync(client, $"/en/products/{Cashews}");
        var retail = await host.GetDocumentAsync(client, "/en/products/keripik-tempe-original-bu-sri");
        var producer = await host.GetDocumentAsync(client, "/produsen/mete-sultra-jaya");

        var prominent = bulk.QuerySelector(".buy-box .rfq-action a");
        Assert.Equal($"/en/request-a-quote?product={Cashews}", prominent?.GetAttribute("href"));
        Assert.Equal("Request a quote", prominent?.TextContent);
        Assert.Contains("button", prominent?.ClassName, StringComparison.Ordinal);
        Assert.Contains("Request a quote button", bulk.QuerySelector(".buy-box")?.TextContent, StringComparison.Ordinal);
        var secondary = retail.QuerySelector(".buy-box .rfq-action a");
        Assert.Equal("/en/request-a-quote?product=keripik-tempe-original-bu-sri", secondary?.GetAttribute("href"));
        Assert.DoesNotContain("button", secondary!.ClassList);
        Assert.Equal("/permintaan-penawaran?producer=mete-sultra-jaya", producer.QuerySelector(".rfq-action a.button")?.GetAttribute("href"));
        Assert.Equal("Minta penawaran", producer.QuerySelector(".site-nav a[href='/permintaan-penawaran']")?.TextContent);
    }

    [Fact]
    public async Task A_producer_link_offers_only_that_producers_products()
    {
        var page = await host.GetDocumentAsync(host.CreateClient(), "/permintaan-penawaran?producer=mete-sultra-jaya");

        var options = page.QuerySelectorAll("select[name='Lines[0].ProductSlug'] option").Select(o => o.GetAttribute("value")).Where(v => v != "").ToList();
        Assert.Contains(Cashews, options);
        Assert.Contains("mete-panggang-madu", options);
        Assert.DoesNotContain("keripik-tempe-original-bu-sri", options);
        Assert.Equal("mete-sultra-jaya", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Producer']")?.Value);
        Assert.Contains("Mete", page.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_fields_are_named_next_to_each_field_and_nothing_is_saved()
    {
        const string email = "";
        var fields = new Dictionary<string, string> { ["Name"] = "", ["Company"] = "Toko Sinar", ["Email"] = email };

        var response = await Forms.SubmitAsync(host.CreateClient(), "/permintaan-penawaran", FormSelector, fields);
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("#form-errors[role=alert]"));
        Assert.Equal("Nama lengkap wajib diisi.", Error(page, "Name"));
        Assert.Equal("Negara wajib diisi.", Error(page, "Country"));
        Assert.Equal("Email wajib diisi.", Error(page, "Email"));
        Assert.Equal("Pelabuhan atau kota tujuan wajib diisi.", Error(page, "Destination"));
        Assert.Equal("Incoterm wajib diisi.", Error(page, "Incoterm"));
        Assert.Equal("Isi paling sedikit satu produk beserta jumlahnya.", Error(page, "Lines"));
        Assert.Equal("Centang persetujuan agar kami dapat menanggapi permintaan Anda.", Error(page, "Consent"));
        Assert.Equal("true", page.QuerySelector("#f-Name")?.GetAttribute("aria-invalid"));
        Assert.Contains("f-Name-error", page.QuerySelector("#f-Name")?.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("Toko Sinar", Value(page, "Company"));
        Assert.Equal(0, await ContentSteps.InScopeAsync(host, (db, _) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Inquiries, i => i.Company == "Toko Sinar")));
    }

    [Fact]
    public async Task Wrong_values_get_their_own_messages_in_english_with_everything_typed_kept()
    {
        const string email = "not-an-email";
        var fields = Filled(email);
        fields["Incoterm"] = "FOQ";
        fields["Lines[0].Quantity"] = "3";
        fields["Lines[2].ProductSlug"] = "no-such-product";
        fields["Lines[2].Quantity"] = "5";
        fields["Lines[3].ProductName"] = "Cashew flour";
        fields["Lines[3].Quantity"] = "1.5";
        fields["Lines[3].Unit"] = "tonnes";
        fields["Phone"] = "call me";
        fields["TargetDate"] = "2001-01-01";

        var response = await Forms.SubmitAsync(host.CreateClient(), "/en/request-a-quote", FormSelector, fields);
        var page = await Forms.ParseAsync(response);

        Assert.Equal("Email is not a valid email address.", Error(page, "Email"));
        Assert.Equal("Choose one of the Incoterms in the list.", Error(page, "Incoterm"));
        Assert.Equal("The minimum order for this product is 10 cartons.", Error(page, "Lines[0].Quantity"));
        Assert.Equal("This product is not (or no longer) in the catalogue. Choose another one or describe what you are looking for.", Error(page, "Lines[2].ProductSlug"));
        Assert.Equal("Enter the quantity as a whole number without separators, e.g. 500.", Error(page, "Lines[3].Quantity"));
        Assert.Equal("Enter the phone number in digits (a leading + is fine), at least 6 digits.", Error(page, "Phone"));
        Assert.Equal("This date has passed; choose today or a later date.", Error(page, "TargetDate"));
        Assert.Null(Error(page, "Lines[1].Quantity"));
        Assert.Equal("Emma Janssen", Value(page, "Name"));
        Assert.Equal("Cashew butter, unsweetened", Value(page, "Lines[1].ProductName"));
        Assert.Equal("1.5", Value(page, "Lines[3].Quantity"));
        Assert.Equal("Please quote for W320 in 10 kg cartons.", Value(page, "Message"));
        Assert.NotNull(page.QuerySelector("input[name='Consent'][checked]"));
        Assert.NotNull(page.QuerySelector("details.rfq-more[open]"));
        Assert.Equal(0, await CountAsync(host, email));
    }

    [Fact]
    public async Task A_valid_request_from_the_english_site_is_saved_with_a_reference_and_two_queued_emails()
    {
        const string email = "emma@janssen-foods.example.nl";

        var response = await Forms.SubmitAsync(NoRedirects(host), "/en/request-a-quote", FormSelector, Filled(email));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var inquiry = await FindAsync(host, email);
        Assert.NotNull(inquiry);
        Assert.Equal($"/en/request-a-quote/status/{inquiry.Token}", response.Headers.Location?.OriginalString);
        Assert.Matches(ReferencePattern(), inquiry.Reference);
        Assert.EndsWith(inquiry.Id.ToString("D6", System.Globalization.CultureInfo.InvariantCulture), inquiry.Reference, StringComparison.Ordinal);
        Assert.Equal(43, inquiry.Token.Length);
        Assert.Equal("en", inquiry.Culture);
        Assert.Equal(InquiryStatus.New, inquiry.Status);
        Assert.Equal("CIF", inquiry.Incoterm);
        Assert.Equal(new DateOnly(2099, 3, 1), inquiry.TargetDate);
        Assert.True(inquiry.SamplesWanted);
        Assert.NotEqual(default, inquiry.ConsentAtUtc);
        Assert.False(string.IsNullOrEmpty(inquiry.SourceHash));
        var lines = inquiry.Lines.OrderBy(l => l.Id).ToList();
        Assert.Equal(2, lines.Count);
        Assert.NotNull(lines[0].ProductId);
        Assert.NotNull(lines[0].ProducerId);
        Assert.Equal(("Raw Cashew Kernels W320 (Bulk)", 40, "cartons"), (lines[0].ProductName, lines[0].Quantity, lines[0].Unit));
        Assert.Null(lines[1].ProductId);
        Assert.Equal(("Cashew butter, unsweetened", 200, "jars"), (lines[1].ProductName, lines[1].Quantity, lines[1].Unit));

        var emails = await OutboxAsync(host, inquiry.Reference);
        Assert.Equal(2, emails.Count);
        var buyer = Assert.Single(emails, m => m.To == email);
        Assert.Equal("en", buyer.Culture);
        Assert.Equal($"We have received your request for quotation {inquiry.Reference}", buyer.Subject);
        Assert.Contains($"http://localhost/en/request-a-quote/status/{inquiry.Token}", buyer.TextBody, StringComparison.Ordinal);
        Assert.Contains("Raw Cashew Kernels W320 (Bulk): 40 cartons", buyer.TextBody, StringComparison.Ordinal);
        var office = Assert.Single(emails, m => m.To == OfficeEmail);
        Assert.Equal("id", office.Culture);
        Assert.Equal($"Permintaan penawaran baru {inquiry.Reference}: Emma Janssen (Netherlands)", office.Subject);
        Assert.Contains($"http://localhost/backoffice/inquiries/{inquiry.Id}", office.TextBody, StringComparison.Ordinal);
        Assert.Contains("Bahasa pembeli: Inggris (en)", office.TextBody, StringComparison.Ordinal);
        Assert.Contains("Sertifikat yang diperlukan: Halal, certificate of origin", office.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_status_page_thanks_the_buyer_once_and_stays_out_of_search_engines_and_caches()
    {
        const string email = "procurement@nordic-snacks.example.se";
        var client = NoRedirects(host);
        var sent = await Forms.SubmitAsync(client, "/en/request-a-quote", FormSelector, Filled(email));
        var statusUrl = sent.Headers.Location!.OriginalString;

        var first = await client.GetAsync(statusUrl);
        var firstPage = await Forms.ParseAsync(first);
        var again = await Forms.ParseAsync(await client.GetAsync(statusUrl));

        var inquiry = (await FindAsync(host, email))!;
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("no-store", first.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Contains("noindex", firstPage.QuerySelector("meta[name=robots]")?.GetAttribute("content"), StringComparison.Ordinal);
        Assert.Equal(inquiry.Reference, firstPage.QuerySelector(".rfq-reference")?.TextContent);
        Assert.Contains("Thank you, we have received your request.", firstPage.QuerySelector(".form-notice")?.TextContent, StringComparison.Ordinal);
        Assert.Null(again.QuerySelector(".form-notice"));
        Assert.Equal("Received", again.QuerySelector(".rfq-state strong")?.TextContent);
        Assert.Equal($"/permintaan-penawaran/status/{inquiry.Token}", again.QuerySelector("a.lang-switch")?.GetAttribute("href"));
    }

    [Fact]
    public async Task The_email_limit_refuses_a_third_request_in_a_day_and_keeps_what_was_typed()
    {
        const string email = "busy.buyer@example.com.au";
        for (var i = 0; i < 2; i++)
        {
            var accepted = await Forms.SubmitAsync(NoRedirects(host), "/en/request-a-quote", FormSelector, Filled(email));
            Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
        }
        var fields = Filled(email);
        fields["Message"] = "Third request: please add 5 cartons of W240.";

        var refused = await Forms.SubmitAsync(NoRedirects(host), "/en/request-a-quote", FormSelector, fields);
        var page = await Forms.ParseAsync(refused);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many submissions from you", page.QuerySelector("#form-refused")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Third request: please add 5 cartons of W240.", Value(page, "Message"));
        Assert.Equal(email, Value(page, "Email"));
        Assert.Equal(2, await CountAsync(host, email));
    }

    [Fact]
    public async Task An_unknown_status_link_is_not_found()
    {
        var response = await host.CreateClient().GetAsync("/en/request-a-quote/status/this-token-was-never-issued");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_status_page_shows_quotes_and_office_replies_but_never_internal_notes()
    {
        var inquiry = await SaveAsync(host, i =>
        {
            i.Status = InquiryStatus.Quoted;
            i.Quotes =
            [
                new InquiryQuote { Price = 8.75m, Currency = "USD", PriceUnit = "kg", Incoterm = "FOB", ValidUntil = new DateOnly(2099, 12, 31), LeadTimeDays = 21, Note = "W320, vacuum packed 2 × 5 kg.", CreatedBy = "Sari", CreatedAtUtc = DateTime.UtcNow },
                new InquiryQuote { Price = 9.10m, Currency = "USD", PriceUnit = "kg", Incoterm = "CIF", ValidUntil = new DateOnly(2020, 1, 31), LeadTimeDays = 30, CreatedBy = "Sari", CreatedAtUtc = DateTime.UtcNow.AddDays(-400) },
            ];
            i.Messages =
            [
                new InquiryMessage { Kind = InquiryMessageKind.Note, Body = "Internal: check the buyer's references first.", Author = "Sari", AtUtc = DateTime.UtcNow.AddHours(-3) },
                new InquiryMessage { Kind = InquiryMessageKind.Forwarded, Body = "Forwarded to Mete Sultra Jaya.", Author = "Sari", AtUtc = DateTime.UtcNow.AddHours(-2) },
                new InquiryMessage { Kind = InquiryMessageKind.OfficeReply, Body = "Samples can leave Kendari next week.", Author = "Sari", AtUtc = DateTime.UtcNow.AddHours(-1) },
            ];
        });

        var page = await host.GetDocumentAsync(host.CreateClient(), $"/en/request-a-quote/status/{inquiry.Token}");
        var text = page.Body!.TextContent;

        Assert.Equal("Quoted", page.QuerySelector(".rfq-state strong")?.TextContent);
        var quotes = page.QuerySelectorAll(".rfq-quote");
        Assert.Equal(2, quotes.Length);
        Assert.Contains("USD 8.75", quotes[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("21 days", quotes[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("W320, vacuum packed 2 × 5 kg.", quotes[0].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("expired", quotes[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("rfq-quote-expired", quotes[1].ClassName, StringComparison.Ordinal);
        Assert.Contains("expired", quotes[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Samples can leave Kendari next week.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Internal: check the buyer's references first.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Forwarded to Mete Sultra Jaya.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_buyer_reply_is_saved_and_the_office_is_emailed()
    {
        var inquiry = await SaveAsync(host, _ => { });
        var url = $"/en/request-a-quote/status/{inquiry.Token}";

        var empty = await Forms.ParseAsync(await Forms.SubmitAsync(host.CreateClient(), url, FormSelector, new Dictionary<string, string> { ["reply"] = " " }));
        var response = await Forms.SubmitAsync(NoRedirects(host), url, FormSelector, new Dictionary<string, string> { ["reply"] = "Could you also quote W240?" });

        Assert.Equal("Your message is required.", Error(empty, "reply"));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(url, response.Headers.Location?.OriginalString);
        var messages = await ContentSteps.InScopeAsync(host, (db, _) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.InquiryMessages.Where(m => m.InquiryId == inquiry.Id)));
        var reply = Assert.Single(messages);
        Assert.Equal((InquiryMessageKind.BuyerReply, "Could you also quote W240?", "Li Wei"), (reply.Kind, reply.Body, reply.Author));
        var notice = Assert.Single(await OutboxAsync(host, inquiry.Reference));
        Assert.Equal(OfficeEmail, notice.To);
        Assert.Contains("Could you also quote W240?", notice.TextBody, StringComparison.Ordinal);
        var page = await host.GetDocumentAsync(host.CreateClient(), url);
        Assert.Contains("Could you also quote W240?", page.QuerySelector(".rfq-said-buyer")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_english_form_and_status_page_carry_no_indonesian_ui_text()
    {
        var inquiry = await SaveAsync(host, i => i.Messages = [new() { Kind = InquiryMessageKind.OfficeReply, Body = "Noted.", Author = "Sari", AtUtc = DateTime.UtcNow }]);
        var strings = Strings("id");
        var english = Strings("en");
        // As the site-wide check: long Indonesian strings that differ from their English twin, the language switch aside.
        var indonesian = strings.Where(kv => kv.Key != "nav.language-switch" && !kv.Key.StartsWith("theme.", StringComparison.Ordinal)
            && kv.Value != english[kv.Key] && kv.Value.Length >= 8 && !kv.Value.Contains('{', StringComparison.Ordinal)).Select(kv => kv.Value).ToList();

        foreach (var url in new[] { $"/en/request-a-quote?product={Cashews}", $"/en/request-a-quote/status/{inquiry.Token}" })
        {
            var text = (await host.GetDocumentAsync(host.CreateClient(), url)).Body!.TextContent;
            Assert.All(indonesian, value => Assert.DoesNotContain(value, text, StringComparison.Ordinal));
        }
    }

    private static Dictionary<string, string> Strings(string culture) =>
        System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(
            Path.Combine(IkmWebFactory.RepositoryRoot, "src", "IkmCatalog.Web", "Resources", $"strings.{culture}.json")))!;

    [GeneratedRegex(@"^RFQ-20\d\d-\d{6}$")]
    private static partial Regex ReferencePattern();
}
