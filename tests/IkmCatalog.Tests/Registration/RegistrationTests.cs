using System.Net;
using AngleSharp.Dom;
using IkmCatalog.Backoffice;
using IkmCatalog.Content;
using IkmCatalog.Producers;
using IkmCatalog.Tests.Content;
using IkmCatalog.Tests.Email;
using IkmCatalog.Tests.Infrastructure;
using IkmCatalog.Tests.Media;
using Microsoft.EntityFrameworkCore;
using static IkmCatalog.Tests.Registration.RegistrationSteps;

namespace IkmCatalog.Tests.Registration;

/// <summary>
/// The public registration form on the seeded site: what it refuses (message next to the field, in the page's
/// language, typing and uploads kept, nothing saved), duplicates, and what a valid application leaves behind.
/// </summary>
public class RegistrationTests(RegistrationTests.Host host) : IClassFixture<RegistrationTests.Host>
{
    public sealed class Host() : IkmWebFactory(OutboxTests.Settings());

    private static FormFile Photo(string field) => new(field, TestImages.Jpeg(800, 600), "keripik.jpg", "image/jpeg");

    [Fact]
    public async Task A_valid_application_is_saved_with_its_photo_and_two_emails_are_queued()
    {
        var email = NewEmail("sari");
        var client = NoRedirects(host);

        var response = await PostAsync(client, "/daftar-ikm", Valid(await RegionIdAsync(host), email, NewNib()), Photo("Products[0].Photo"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var application = await FindAsync(host, email);
        Assert.NotNull(application);
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Matches(@"^REG-\d{4}-\d+$", application.Reference);
        Assert.Equal("id", application.Culture);
        var product = Assert.Single(application.Products);
        Assert.Equal(15000, product.PriceIdr);
        Assert.NotNull(product.PhotoMediaId);
        Assert.Equal("https://www.instagram.com/keripiktempebusari", application.Website);
        Assert.Equal($"/daftar-ikm/status/{application.Token}", response.Headers.Location?.OriginalString);

        var emails = await OutboxAsync(host, application.Reference);
        Assert.Equal(2, emails.Count);
        var acknowledgement = Assert.Single(emails, m => m.To == email);
        Assert.Contains($"/daftar-ikm/status/{application.Token}", acknowledgement.TextBody, StringComparison.Ordinal);
        Assert.Contains("Pendaftaran IKM diterima", acknowledgement.Subject, StringComparison.Ordinal);
        Assert.Single(emails, m => m.To == OfficeEmail && m.TextBody.Contains($"/backoffice/applications/{application.Id}", StringComparison.Ordinal));

        var status = await client.GetAsync(response.Headers.Location);
        var page = await Forms.ParseAsync(status);
        Assert.Equal("no-store", status.Headers.CacheControl?.ToString());
        Assert.Contains(application.Reference, page.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Menunggu pemeriksaan", page.QuerySelector(".reg-state")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("meta[name=robots][content*=noindex]"));
    }

    [Fact]
    public async Task Every_field_is_checked_with_the_message_next_to_it_in_indonesian_and_the_typing_kept()
    {
        var email = NewEmail("salah");
        var fields = new Dictionary<string, string>
        {
            ["BusinessName"] = "",
            ["OwnerName"] = "Budi Santoso",
            ["Nib"] = "12345",
            ["KbliCode"] = "99999",
            ["RegionId"] = "987654",
            ["Address"] = "",
            ["FoundedYear"] = "1850",
            ["Workforce"] = "enam",
            ["Capacity"] = "",
            ["Email"] = "budi@",
            ["Phone"] = "0812",
            ["WebsiteUrl"] = "bukan alamat",
            ["Products[0].Name"] = "",
            ["Products[0].Price"] = "lima ribu",
            ["Certificates[0].Type"] = "pirt",
            ["Certificates[0].Number"] = "ABC-1",
            ["Certificates[0].Issuer"] = "",
            ["Certificates[0].IssuedOn"] = "2099-01-01",
            ["Certificates[0].ExpiresOn"] = "2020-13-45",
        };

        var response = await PostAsync(NoRedirects(host), "/daftar-ikm", fields);
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("#form-errors"));
        Assert.Equal("Nama usaha wajib diisi.", Error(page, "BusinessName"));
        Assert.Equal("NIB terdiri dari 13 angka. Periksa lagi, atau kosongkan bila belum punya.", Error(page, "Nib"));
        Assert.Equal("Pilih bidang usaha dari daftar.", Error(page, "KbliCode"));
        Assert.Equal("Pilih kabupaten/kota dari daftar.", Error(page, "RegionId"));
        Assert.Equal("Alamat tempat produksi wajib diisi.", Error(page, "Address"));
        Assert.StartsWith("Tahun berdiri harus berupa tahun antara 1900 dan ", Error(page, "FoundedYear"), StringComparison.Ordinal);
        Assert.Equal("Isi jumlah tenaga kerja dengan angka, paling sedikit 1.", Error(page, "Workforce"));
        Assert.Equal("Kapasitas produksi wajib diisi.", Error(page, "Capacity"));
        Assert.Equal("Email bukan alamat email yang benar.", Error(page, "Email"));
        Assert.StartsWith("Nomor telepon tidak lengkap.", Error(page, "Phone"), StringComparison.Ordinal);
        Assert.StartsWith("Alamat situs tidak dikenali.", Error(page, "WebsiteUrl"), StringComparison.Ordinal);
        Assert.Equal("Centang pernyataan ini agar pendaftaran dapat dikirim.", Error(page, "Consent"));
        Assert.Equal("Nama produk wajib diisi.", Error(page, "Products[0].Name"));
        Assert.Equal("Isi harga dengan angka saja, misalnya 15000.", Error(page, "Products[0].Price"));
        Assert.StartsWith("Nomor PIRT terdiri dari 12–15 angka", Error(page, "Certificates[0].Number"), StringComparison.Ordinal);
        Assert.Equal("Penerbit wajib diisi.", Error(page, "Certificates[0].Issuer"));
        Assert.Equal("Tanggal terbit tidak valid atau masih di masa depan.", Error(page, "Certificates[0].IssuedOn"));
        Assert.Equal("Tanggal tidak valid.", Error(page, "Certificates[0].ExpiresOn"));
        Assert.Equal("true", page.QuerySelector("#f-Nib")?.GetAttribute("aria-invalid"));
        Assert.Contains("f-Nib-error", page.QuerySelector("#f-Nib")?.GetAttribute("aria-describedby"), StringComparison.Ordinal);

        Assert.Equal("Budi Santoso", Value(page, "OwnerName"));
        Assert.Equal("12345", Value(page, "Nib"));
        Assert.Equal("lima ribu", Value(page, "Products[0].Price"));
        Assert.Equal("ABC-1", Value(page, "Certificates[0].Number"));
        Assert.Equal(0, await CountAsync(host, "budi@"));
    }

    [Fact]
    public async Task The_english_form_answers_in_english_and_asks_for_a_product_and_a_unit_with_a_price()
    {
        var fields = Valid(await RegionIdAsync(host), NewEmail("english"));
        fields["BusinessName"] = "";
        fields["Products[0].Unit"] = "";
        fields["Products[1].Name"] = "";
        var noProducts = new Dictionary<string, string>(fields) { ["Products[0].Name"] = "", ["Products[0].Description"] = "", ["Products[0].Price"] = "" };

        var page = await Forms.ParseAsync(await PostAsync(NoRedirects(host), "/en/register-your-business", fields));
        var empty = await Forms.ParseAsync(await PostAsync(NoRedirects(host), "/en/register-your-business", noProducts));

        Assert.Equal("Business name is required.", Error(page, "BusinessName"));
        Assert.Equal("Enter the unit this price is for, e.g. 250 g pack.", Error(page, "Products[0].Unit"));
        Assert.Equal("Enter at least one product.", Error(empty, "Products"));
        Assert.Equal(0, await CountAsync(host, fields["Email"]));
    }

    [Fact]
    public async Task The_same_nib_or_email_is_recognised_and_explained_and_not_saved_twice()
    {
        var region = await RegionIdAsync(host);
        var (email, nib) = (NewEmail("pertama"), NewNib());
        Assert.Equal(HttpStatusCode.SeeOther, (await PostAsync(NoRedirects(host), "/daftar-ikm", Valid(region, email, nib))).StatusCode);

        var sameNib = await PostAsync(NoRedirects(host), "/daftar-ikm", Valid(region, NewEmail("kedua"), nib));
        var sameNibPage = await Forms.ParseAsync(sameNib);
        var sameEmail = await Forms.ParseAsync(await PostAsync(NoRedirects(host), "/en/register-your-business", Valid(region, email.ToUpperInvariant(), NewNib())));

        Assert.Equal(HttpStatusCode.Conflict, sameNib.StatusCode);
        Assert.StartsWith("Usaha dengan NIB ini sudah terdaftar", Error(sameNibPage, "Nib"), StringComparison.Ordinal);
        Assert.Contains("tautan di email", sameNibPage.QuerySelector("#form-refused")?.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("This email is already used", Error(sameEmail, "Email"), StringComparison.Ordinal);
        Assert.Equal(1, await ContentSteps.InScopeAsync(host, (db, _) => db.ProducerApplications.CountAsync(a => a.Nib == nib)));
        Assert.Equal(1, await CountAsync(host, email));
    }

    [Fact]
    public async Task A_seeded_producers_nib_is_recognised_too()
    {
        var nib = await ContentSteps.InScopeAsync(host, (db, _) => db.Producers.Where(p => p.Nib != null).Select(p => p.Nib).FirstAsync());

        var page = await Forms.ParseAsync(await PostAsync(NoRedirects(host), "/daftar-ikm", Valid(await RegionIdAsync(host), NewEmail("terdaftar"), nib)));

        Assert.StartsWith("Usaha dengan NIB ini sudah terdaftar", Error(page, "Nib"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_file_renamed_jpg_is_refused_while_the_good_photo_is_kept_for_the_next_try()
    {
        var email = NewEmail("foto");
        var client = NoRedirects(host);
        var fields = Valid(await RegionIdAsync(host), email);
        fields["Products[1].Name"] = "Keripik tempe pedas";
        var fake = new FormFile("Products[1].Photo", "bukan gambar, hanya teks"u8.ToArray(), "pedas.jpg", "image/jpeg");

        var refused = await PostAsync(client, "/daftar-ikm", fields, Photo("Products[0].Photo"), fake);
        var page = await Forms.ParseAsync(refused);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("Foto produk harus berupa gambar JPEG, PNG atau WebP.", Error(page, "Products[1].Photo"));
        Assert.Contains("keripik.jpg", page.QuerySelector("#f-Products-0-Photo-kept")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(host, email));

        // The applicant only drops the bad file; the photo chosen first comes back through its ticket.
        var form = page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>(FormSelector)!;
        var sent = await PostFormAsync(client, form, fields);

        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        var application = await FindAsync(host, email);
        Assert.NotNull(application!.Products.Single(p => p.SortOrder == 0).PhotoMediaId);
        Assert.Null(application.Products.Single(p => p.SortOrder == 1).PhotoMediaId);
    }

    [Fact]
    public async Task A_filled_honeypot_is_refused_with_the_typing_kept_and_nothing_saved()
    {
        var email = NewEmail("robot");
        var fields = Valid(await RegionIdAsync(host), email);
        fields["website"] = "https://cheap-pills.example";

        var response = await PostAsync(NoRedirects(host), "/en/register-your-business", fields);
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("a hidden field was filled in", page.QuerySelector("#form-refused")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Keripik Tempe Bu Sari", Value(page, "BusinessName"));
        Assert.Equal(0, await CountAsync(host, email));
    }

    [Fact]
    public async Task A_forged_upload_ticket_brings_no_one_elses_photo_along()
    {
        var email = NewEmail("palsu");
        var fields = Valid(await RegionIdAsync(host), email);
        fields["Products[0].PhotoTicket"] = "CfDJ8-forged-ticket";

        var response = await PostAsync(NoRedirects(host), "/daftar-ikm", fields);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Null(Assert.Single((await FindAsync(host, email))!.Products).PhotoMediaId);
    }

    [Fact]
    public async Task Returned_corrected_and_accepted_it_becomes_an_unpublished_registered_producer_with_its_products()
    {
        var (email, nib) = (NewEmail("alur"), NewNib());
        var applicant = NoRedirects(host);
        var fields = Valid(await RegionIdAsync(host), email, nib);
        fields["Certificates[0].Type"] = "pirt";
        fields["Certificates[0].Number"] = "2063573010123-26";
        fields["Certificates[0].Issuer"] = "Dinas Kesehatan Kota Malang";
        fields["Certificates[0].IssuedOn"] = "2021-03-01";
        fields["Certificates[0].ExpiresOn"] = "2026-03-01";
        var sent = await PostAsync(applicant, "/en/register-your-business", fields, Photo("Products[0].Photo"));
        var statusUrl = sent.Headers.Location!.OriginalString;
        var application = (await FindAsync(host, email))!;
        var officer = await Editors.SignedInClientAsync(host, EditorRoles.Curator);

        // Returning needs a comment.
        var noComment = await Forms.SubmitAsync(officer, $"/backoffice/applications/{application.Id}", $"form[action='/backoffice/applications/{application.Id}/return']", new Dictionary<string, string> { ["comment"] = " " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noComment.StatusCode);
        var returned = await Forms.SubmitAsync(officer, $"/backoffice/applications/{application.Id}", $"form[action='/backoffice/applications/{application.Id}/return']",
            new Dictionary<string, string> { ["comment"] = "Please write the business name as on your NIB." });
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Single(await OutboxAsync(host, "needs correcting — " + application.Reference), m => m.To == email && m.TextBody.Contains("as on your NIB", StringComparison.Ordinal));

        var statusPage = await host.GetDocumentAsync(applicant, statusUrl);
        Assert.Equal("Please write the business name as on your NIB.", statusPage.QuerySelector(".reg-comment")?.TextContent);
        Assert.Equal("Keripik Tempe Bu Sari", Value(statusPage, "BusinessName"));
        Assert.Equal("2063573010123-26", Value(statusPage, "Certificates[0].Number"));

        var corrected = await PostAsync(applicant, statusUrl, new Dictionary<string, string> { ["BusinessName"] = "UD Keripik Tempe Bu Sari", ["Consent"] = "true" });
        Assert.Equal(HttpStatusCode.SeeOther, corrected.StatusCode);
        application = (await FindAsync(host, email))!;
        Assert.Equal((ApplicationStatus.Submitted, 2, "UD Keripik Tempe Bu Sari"), (application.Status, application.Revision, application.BusinessName));
        Assert.NotNull(Assert.Single(application.Products).PhotoMediaId);
        Assert.Single(application.Certificates);
        Assert.Single(await OutboxAsync(host, "diperbaiki " + application.Reference), m => m.To == OfficeEmail);

        var categoryId = await ContentSteps.InScopeAsync(host, (db, _) => db.Categories.Where(c => c.Slug == "makanan-ringan").Select(c => c.Id).SingleAsync());
        var accepted = await Forms.SubmitAsync(officer, $"/backoffice/applications/{application.Id}", $"form[action='/backoffice/applications/{application.Id}/accept']",
            new Dictionary<string, string> { ["categoryId"] = categoryId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        var (saved, producer, history, products, certificate, audit) = await ContentSteps.InScopeAsync(host, async (db, _) =>
        {
            var a = await db.ProducerApplications.AsNoTracking().SingleAsync(x => x.Id == application.Id);
            var p = await db.Producers.AsNoTracking().SingleAsync(x => x.Id == a.ProducerId);
            return (a, p,
                await db.ProducerStatusChanges.AsNoTracking().Where(c => c.ProducerId == p.Id).ToListAsync(),
                await db.Products.AsNoTracking().Include(x => x.Images).Where(x => x.ProducerId == p.Id).ToListAsync(),
                await db.Certifications.AsNoTracking().SingleAsync(c => c.ProducerId == p.Id),
                await db.AuditEntries.AsNoTracking().Where(e => e.DocumentType == "application" && e.DocumentId == a.Id).Select(e => e.Action).ToListAsync());
        });
        Assert.Equal(ApplicationStatus.Accepted, saved.Status);
        Assert.Equal("UD Keripik Tempe Bu Sari", producer.Name);
        Assert.Equal(PublishState.Draft, producer.State);
        Assert.Equal(ProducerStatus.Registered, producer.Status);
        Assert.Equal(nib, producer.Nib);
        var first = Assert.Single(history);
        Assert.Equal((null, ProducerStatus.Registered), (first.From, first.To));
        var product = Assert.Single(products);
        Assert.Equal((PublishState.Draft, categoryId, 15000L), (product.State, product.CategoryId, product.PriceIdr!.Value));
        Assert.Single(product.Images);
        Assert.Equal((email, (string?)null), (certificate.EnteredBy, certificate.VerifiedBy));
        Assert.Equal(["submitted", "returned", "resubmitted", "accepted"], audit);
        Assert.Single(await OutboxAsync(host, "accepted — " + application.Reference), m => m.To == email);
        // The accepted producer gets its portal account (its own producer only) and the invitation to set a password.
        var (account, invitations) = await ContentSteps.InScopeAsync(host, async (db, _) => (
            await db.Users.AsNoTracking().SingleAsync(u => u.Email == email),
            await db.Outbox.AsNoTracking().CountAsync(m => m.Kind == IkmCatalog.Web.Areas.Backoffice.PortalAccess.ProducerPortalAccess.InvitationKind && m.To == email)));
        Assert.Equal(producer.Id, account.ProducerId);
        Assert.Equal(1, invitations);
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync($"/produsen/{producer.Slug}")).StatusCode);

        var detail = await host.GetDocumentAsync(officer, $"/backoffice/applications/{application.Id}");
        Assert.NotNull(detail.QuerySelector($"a[href='/backoffice/content/producers/{producer.Id}']"));
        // The correction form from before the decision changes nothing once the application is accepted.
        var stale = await PostFormAsync(applicant, statusPage.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>(FormSelector)!, new Dictionary<string, string> { ["BusinessName"] = "Nama lain" });
        Assert.Equal(HttpStatusCode.SeeOther, stale.StatusCode);
        Assert.Equal(("UD Keripik Tempe Bu Sari", ApplicationStatus.Accepted), ((await FindAsync(host, email))!.BusinessName, (await FindAsync(host, email))!.Status));
    }

    [Fact]
    public async Task A_declined_application_is_told_why_and_does_not_stop_a_new_one()
    {
        var email = NewEmail("tolak");
        var region = await RegionIdAsync(host);
        await PostAsync(NoRedirects(host), "/daftar-ikm", Valid(region, email));
        var application = (await FindAsync(host, email))!;
        var officer = await Editors.SignedInClientAsync(host, EditorRoles.Editor);
        var url = $"/backoffice/applications/{application.Id}";

        var noReason = await Forms.SubmitAsync(officer, url, $"form[action='{url}/decline']", new Dictionary<string, string> { ["reason"] = "" });
        var declined = await Forms.SubmitAsync(officer, url, $"form[action='{url}/decline']", new Dictionary<string, string> { ["reason"] = "Usaha berada di luar wilayah kerja dinas." });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Equal(ApplicationStatus.Declined, (await FindAsync(host, email))!.Status);
        var mail = Assert.Single(await OutboxAsync(host, "ditolak — " + application.Reference));
        Assert.Contains("di luar wilayah kerja", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, (await PostAsync(NoRedirects(host), "/daftar-ikm", Valid(region, email))).StatusCode);
    }

    [Theory]
    [InlineData(EditorRoles.Writer)]
    [InlineData(EditorRoles.SalesOfficer)]
    public async Task Writers_and_sales_officers_cannot_open_or_decide_applications(string role)
    {
        var client = await Editors.SignedInClientAsync(host, role);

        var list = await client.GetAsync("/backoffice/applications");
        var programme = await client.GetAsync("/backoffice/producers/1/programme");

        Assert.Contains("/backoffice/denied", list.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Contains("/backoffice/denied", programme.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_counts_applications_by_status()
    {
        await PostAsync(NoRedirects(host), "/daftar-ikm", Valid(await RegionIdAsync(host), NewEmail("daftar")));
        var officer = await Editors.SignedInClientAsync(host, EditorRoles.Admin);

        var page = await host.GetDocumentAsync(officer, "/backoffice/applications");
        var waiting = await ContentSteps.InScopeAsync(host, (db, _) => db.ProducerApplications.CountAsync(a => a.Status == ApplicationStatus.Submitted));

        Assert.Equal(waiting.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("a[href='/backoffice/applications?status=submitted'] .bo-badge")?.TextContent);
        Assert.Equal(waiting, page.QuerySelectorAll(".bo-table tbody tr").Length);
    }

    [Fact]
    public async Task An_officer_moves_a_producer_through_the_programme_with_a_note_and_history()
    {
        var (id, before) = await ContentSteps.InScopeAsync(host, (db, _) => db.Producers.OrderBy(p => p.Id).Select(p => new { p.Id, p.Status }).FirstAsync().ContinueWith(t => (t.Result.Id, t.Result.Status)));
        var to = before == ProducerStatus.Fostered ? ProducerStatus.Curated : ProducerStatus.Fostered;
        var officer = await Editors.SignedInClientAsync(host, EditorRoles.Curator);
        var url = $"/backoffice/producers/{id}/programme";

        var same = await Forms.SubmitAsync(officer, url, $"form[action='{url}']", new Dictionary<string, string> { ["to"] = before.ToString() });
        var moved = await Forms.SubmitAsync(officer, url, $"form[action='{url}']", new Dictionary<string, string> { ["to"] = to.ToString(), ["note"] = "Lulus pelatihan pengemasan 2026." });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, same.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var (status, change, audited) = await ContentSteps.InScopeAsync(host, async (db, _) => (
            await db.Producers.Where(p => p.Id == id).Select(p => p.Status).SingleAsync(),
            await db.ProducerStatusChanges.AsNoTracking().Where(c => c.ProducerId == id).OrderByDescending(c => c.Id).FirstAsync(),
            await db.AuditEntries.AnyAsync(a => a.DocumentType == "Producer" && a.DocumentId == id && a.Action == "programme-status")));
        Assert.Equal(to, status);
        Assert.Equal((before, to, "Lulus pelatihan pengemasan 2026."), (change.From!.Value, change.To, change.Note));
        Assert.True(audited);
        var page = await host.GetDocumentAsync(officer, url);
        Assert.Contains("Lulus pelatihan pengemasan 2026.", page.QuerySelector(".bo-table")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_to_the_status_a_producer_already_has_records_nothing()
    {
        var producer = new Producer { Id = 42, Status = ProducerStatus.Fostered };
        await ContentSteps.InScopeAsync(host, (db, _) =>
        {
            var none = ProducerProgramme.ChangeStatus(db, producer, ProducerStatus.Fostered, "petugas", null, DateTime.UtcNow);
            var change = ProducerProgramme.ChangeStatus(db, producer, ProducerStatus.Curated, "petugas", "  lolos kurasi  ", DateTime.UtcNow);

            Assert.Null(none);
            Assert.Equal((ProducerStatus.Fostered, ProducerStatus.Curated, "lolos kurasi"), (change!.From!.Value, change.To, change.Note));
            Assert.Equal(ProducerStatus.Curated, producer.Status);
            Assert.Single(db.ChangeTracker.Entries<ProducerStatusChange>());
            return Task.FromResult(0);
        });
    }
}
