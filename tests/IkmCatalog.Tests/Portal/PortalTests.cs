using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using IkmCatalog.Backoffice;
using IkmCatalog.Catalog;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Inquiries;
using IkmCatalog.Producers;
using IkmCatalog.Tests.Content;
using IkmCatalog.Tests.Infrastructure;
using IkmCatalog.Web.Areas.Backoffice.PortalAccess;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Portal;

/// <summary>One application for the portal's tests: they publish producers and products of their own, so not on the shared site.</summary>
public sealed class PortalHost() : IkmWebFactory();

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalHost>
{
    public const string Name = "portal";
}

/// <summary>A published producer of its own with one published product, so tests never change the demo content.</summary>
public sealed record PortalProducer(int Id, string Name, string Email, int ProductId, string ProductSlug, string ProductName);

internal static partial class PortalData
{
    public static async Task<PortalProducer> AddAsync(IkmWebFactory host, string name)
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var email = $"usaha-{unique}@ikm.example.id";
        var (regionId, categoryId) = await ContentSteps.InScopeAsync(host, async (db, _) => (
            (await db.Regions.FirstAsync(r => r.Slug == "kota-kendari")).Id,
            (await db.Categories.FirstAsync(c => c.Slug == "makanan-ringan")).Id));
        var producerId = await ContentSteps.PublishNewAsync(host, DocumentTypes.Producer, new ProducerDraft
        {
            Name = $"{name} {unique}", RegionId = regionId, Summary = new("Produsen uji portal.", "A portal test producer."), Email = email,
        });
        var productName = $"Keripik Uji {unique}";
        var productId = await ContentSteps.PublishNewAsync(host, DocumentTypes.Product, new ProductDraft
        {
            ProducerId = producerId, CategoryId = categoryId, Name = new(productName, "Test chips " + unique),
            Summary = new("Keripik renyah.", "Crisp chips."), PriceIdr = 15000, Unit = new("bungkus", "pack"), Moq = 5,
        });
        var slug = await ContentSteps.InScopeAsync(host, (db, _) => db.Products.Where(p => p.Id == productId).Select(p => p.Slug).FirstAsync());
        return new PortalProducer(producerId, $"{name} {unique}", email, productId, slug, productName);
    }

    public static async Task<IHtmlDocument> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Forms.ParseAsync(response);
    }

    /// <summary>A post to any address with a valid antiforgery token taken from one of the client's own portal pages.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, IDictionary<string, string> fields)
    {
        var page = await PageAsync(client, "/backoffice/portal/page");
        var token = page.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        return await client.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields]));
    }

    /// <summary>Every field of the product form as it shows now, with <paramref name="changes"/> on top.</summary>
    public static async Task<Dictionary<string, string>> ProductFieldsAsync(HttpClient client, int productId, Dictionary<string, string> changes)
    {
        var page = await PageAsync(client, $"/backoffice/portal/products/{productId}");
        var form = page.QuerySelector<IHtmlFormElement>("form[action^='/backoffice/portal/products/']")!;
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input").Where(i => i.Type is "text" or "number" or "tel" or "email" || (i.Type == "hidden" && i.Name == "BasedOn")))
        {
            fields[input.Name!] = input.Value;
        }
        foreach (var area in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea"))
        {
            fields[area.Name!] = area.Value;
        }
        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select"))
        {
            fields[select.Name!] = select.Value ?? "";
        }
        foreach (var (key, value) in changes)
        {
            fields[key] = value;
        }
        return fields;
    }

    public static string InvitationLink(string body) => InvitationLinkPattern().Match(body).Value;

    [GeneratedRegex(@"\S*/backoffice/portal/welcome\?\S+")]
    private static partial Regex InvitationLinkPattern();
}

[Collection(PortalCollection.Name)]
public class PortalAccessTests(PortalHost factory)
{
    [Fact]
    public async Task An_invited_producer_sets_a_password_signs_in_and_lands_on_its_portal()
    {
        var producer = await PortalData.AddAsync(factory, "Abon Portal");
        var office = await Editors.SignedInClientAsync(factory, EditorRoles.Curator);

        var invited = await Forms.SubmitAsync(office, $"/backoffice/producers/{producer.Id}/portal", "form[action$='/portal/invite']",
            new Dictionary<string, string> { ["Invite.Email"] = producer.Email, ["Invite.Culture"] = "en" });

        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var (account, mail, audit) = await ContentSteps.InScopeAsync(factory, async (db, _) => (
            await db.Users.AsNoTracking().SingleAsync(u => u.Email == producer.Email),
            await db.Outbox.AsNoTracking().SingleAsync(m => m.To == producer.Email && m.Kind == ProducerPortalAccess.InvitationKind),
            await db.AuditEntries.AsNoTracking().Where(a => a.Action == "portal-invite" && a.Detail!.Contains(producer.Email)).CountAsync()));
        Assert.Equal(producer.Id, account.ProducerId);
        Assert.Equal(producer.Name, account.DisplayName);
        Assert.Null(account.PasswordHash);
        Assert.Equal("en", mail.Culture);
        Assert.StartsWith("Producer portal invitation", mail.Subject, StringComparison.Ordinal);
        Assert.Equal(1, audit);

        var visitor = factory.CreateClient(new() { AllowAutoRedirect = false });
        var link = new Uri(PortalData.InvitationLink(mail.TextBody));
        var set = await Forms.SubmitAsync(visitor, link.PathAndQuery, "form[action='/backoffice/portal/welcome']", new Dictionary<string, string>
        {
            ["NewPassword"] = "sambal-roa-manado-2027",
            ["ConfirmPassword"] = "sambal-roa-manado-2027",
        });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.StartsWith("/backoffice/login", set.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var signedIn = await Editors.SignInAsync(visitor, producer.Email, "sambal-roa-manado-2027");
        Assert.Equal("/backoffice/portal", signedIn.Headers.Location?.OriginalString);
        var home = await PortalData.PageAsync(visitor, "/backoffice/portal");
        Assert.Contains(producer.Name, home.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(home.QuerySelector($"a[href='/backoffice/portal/products/{producer.ProductId}']"));
        Assert.Null(home.QuerySelector(".bo-nav a[href='/backoffice/content/products']"));

        // The link is used up: a second try is refused with the reason.
        var again = await Forms.SubmitAsync(factory.CreateClient(new() { AllowAutoRedirect = false }), link.PathAndQuery, "form[action='/backoffice/portal/welcome']",
            new Dictionary<string, string> { ["NewPassword"] = "sambal-roa-lain-2027", ["ConfirmPassword"] = "sambal-roa-lain-2027" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("tidak berlaku lagi", (await Forms.ParseAsync(again)).QuerySelector(".bo-errors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inviting_the_same_email_again_resends_the_invitation_without_a_second_account()
    {
        var producer = await PortalData.AddAsync(factory, "Dodol Ulang");
        await using var scope = factory.Services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<ProducerPortalAccess>();

        var first = await access.InviteAsync(producer.Id, producer.Email, "id", "registrasi@test");
        var second = await access.InviteAsync(producer.Id, producer.Email.ToUpperInvariant(), "id", "registrasi@test");
        var other = await PortalData.AddAsync(factory, "Usaha Lain");
        var stolen = await access.InviteAsync(other.Id, producer.Email, "id", "registrasi@test");

        Assert.Equal(InviteStatus.Invited, first.Status);
        Assert.Equal(InviteStatus.Resent, second.Status);
        Assert.Equal(first.AccountId, second.AccountId);
        Assert.Equal(InviteStatus.EmailInUse, stolen.Status);
        var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
        Assert.Equal(1, await db.Users.CountAsync(u => u.ProducerId == producer.Id));
        Assert.Equal(2, await db.Outbox.CountAsync(m => m.Kind == ProducerPortalAccess.InvitationKind && m.To == producer.Email));
        Assert.Equal(0, await db.Users.CountAsync(u => u.ProducerId == other.Id));
    }

    [Fact]
    public async Task A_disabled_portal_account_cannot_sign_in_and_its_session_ends()
    {
        var producer = await PortalData.AddAsync(factory, "Sagu Nonaktif");
        var email = await PortalAccounts.CreateAsync(factory.Services, producer.Id);
        var session = factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal("/backoffice/portal", (await Editors.SignInAsync(session, email, Editors.Password)).Headers.Location?.OriginalString);
        var accountId = await ContentSteps.InScopeAsync(factory, (db, _) => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var office = await Editors.SignedInClientAsync(factory, EditorRoles.Editor);

        var disabled = await Forms.SubmitAsync(office, $"/backoffice/producers/{producer.Id}/portal", $"form[action$='/{accountId}/disable']", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        var refused = await Editors.SignInAsync(factory.CreateClient(new() { AllowAutoRedirect = false }), email, Editors.Password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var ended = await session.GetAsync("/backoffice/portal");
        Assert.Contains("/backoffice/login", ended.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.Equal(1, await ContentSteps.InScopeAsync(factory, (db, _) => db.AuditEntries.CountAsync(a => a.Action == "portal-disable" && a.Detail == email)));
    }

    [Fact]
    public async Task The_office_cannot_manage_another_producers_account_from_a_producers_page()
    {
        var producer = await PortalData.AddAsync(factory, "Kopi Satu");
        var other = await PortalData.AddAsync(factory, "Kopi Dua");
        var email = await PortalAccounts.CreateAsync(factory.Services, producer.Id);
        var accountId = await ContentSteps.InScopeAsync(factory, (db, _) => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var office = await Editors.SignedInClientAsync(factory, EditorRoles.Admin);
        var page = await PortalData.PageAsync(office, $"/backoffice/producers/{other.Id}/portal");
        var token = page.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;

        var response = await office.PostAsync($"/backoffice/producers/{other.Id}/portal/{accountId}/disable",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await ContentSteps.InScopeAsync(factory, (db, _) => db.Users.Where(u => u.Id == accountId).Select(u => u.LockoutEnd).SingleAsync()));
    }
}

[Collection(PortalCollection.Name)]
public class PortalAccountBoundaryTests(PortalHost factory)
{
    [Fact]
    public async Task A_portal_account_given_an_office_role_still_never_opens_the_office_and_the_staff_accounts_page_does_not_manage_it()
    {
        var producer = await PortalData.AddAsync(factory, "Batas Akun");
        var email = await PortalAccounts.CreateAsync(factory.Services, producer.Id);
        string accountId;
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Editor>>();
            var account = (await users.FindByEmailAsync(email))!;
            Assert.True((await users.AddToRoleAsync(account, EditorRoles.Editor)).Succeeded);
            accountId = account.Id;
        }
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await Editors.SignInAsync(client, email, Editors.Password);
        var admin = await Editors.SignedInClientAsync(factory, EditorRoles.Admin);

        var office = await client.GetAsync("/backoffice/content/products");
        var portal = await client.GetAsync("/backoffice/portal");
        var staffPage = await admin.GetAsync($"/backoffice/accounts/{accountId}");

        Assert.Equal(HttpStatusCode.Redirect, office.StatusCode);
        Assert.Contains("/backoffice/denied", office.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, portal.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, staffPage.StatusCode);
    }
}

[Collection(PortalCollection.Name)]
public class PortalEditingTests(PortalHost factory)
{
    [Fact]
    public async Task An_edit_is_sent_for_review_and_the_public_page_changes_only_when_an_editor_publishes()
    {
        var producer = await PortalData.AddAsync(factory, "Bawang Goreng");
        var client = await PortalAccounts.SignedInClientAsync(factory, producer.Id);
        var fields = await PortalData.ProductFieldsAsync(client, producer.ProductId, new() { ["Name.Indonesian"] = "Bawang Goreng Renyah Baru", ["PriceIdr"] = "18000" });

        var sent = await PortalData.PostAsync(client, $"/backoffice/portal/products/{producer.ProductId}", fields);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var pending = await ContentSteps.InScopeAsync(factory, (_, publisher) => publisher.PendingDraftAsync(DocumentTypes.Product, producer.ProductId));
        Assert.NotNull(pending);
        Assert.Equal(ReviewState.Pending, pending.Review);
        var draft = (ProductDraft)DocumentTypes.Product.ReadDraft(pending.Snapshot);
        Assert.Equal("Bawang Goreng Renyah Baru", draft.Name.Indonesian);
        Assert.Equal(18000, draft.PriceIdr);
        Assert.Equal(producer.ProductSlug, draft.Slug);
        var visitor = factory.CreateClient();
        var before = await visitor.GetStringAsync($"/produk/{producer.ProductSlug}");
        Assert.Contains(producer.ProductName, before, StringComparison.Ordinal);
        Assert.DoesNotContain("Bawang Goreng Renyah Baru", before, StringComparison.Ordinal);

        // The office's review queue shows it; publishing there puts it live.
        var editor = await Editors.SignedInClientAsync(factory, EditorRoles.Editor);
        var publish = await Forms.SubmitAsync(editor, $"/backoffice/content/products/{producer.ProductId}", "form[action$='/publish']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.Contains("Bawang Goreng Renyah Baru", await visitor.GetStringAsync($"/produk/{producer.ProductSlug}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_producer_reaches_no_publish_endpoint_and_its_draft_stays_unpublished()
    {
        var producer = await PortalData.AddAsync(factory, "Gula Aren");
        var client = await PortalAccounts.SignedInClientAsync(factory, producer.Id);
        await PortalData.PostAsync(client, $"/backoffice/portal/products/{producer.ProductId}",
            await PortalData.ProductFieldsAsync(client, producer.ProductId, new() { ["Name.Indonesian"] = "Gula Aren Cair" }));

        foreach (var url in new[]
        {
            $"/backoffice/content/products/{producer.ProductId}/publish",
            $"/backoffice/content/products/{producer.ProductId}",
            $"/backoffice/content/producers/{producer.Id}/publish",
        })
        {
            var response = await PortalData.PostAsync(client, url, new Dictionary<string, string> { ["intent"] = "publish" });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/backoffice/denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        var (name, pending) = await ContentSteps.InScopeAsync(factory, async (db, publisher) => (
            await db.Products.Where(p => p.Id == producer.ProductId).Select(p => p.Name.Indonesian).SingleAsync(),
            await publisher.PendingDraftAsync(DocumentTypes.Product, producer.ProductId)));
        Assert.Equal(producer.ProductName, name);
        Assert.NotNull(pending);
    }

    [Fact]
    public async Task A_producer_can_neither_read_nor_edit_another_producers_product()
    {
        var mine = await PortalData.AddAsync(factory, "Terasi Saya");
        var theirs = await PortalData.AddAsync(factory, "Terasi Mereka");
        var client = await PortalAccounts.SignedInClientAsync(factory, mine.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/backoffice/portal/products/{theirs.ProductId}")).StatusCode);
        var fields = await PortalData.ProductFieldsAsync(client, mine.ProductId, new() { ["Name.Indonesian"] = "Diambil Alih" });
        var tampered = await PortalData.PostAsync(client, $"/backoffice/portal/products/{theirs.ProductId}", fields);
        Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);

        // A producer id slipped into the form of its own product is ignored: the product stays its own.
        fields["ProducerId"] = theirs.Id.ToString(CultureInfo.InvariantCulture);
        fields["Draft.ProducerId"] = theirs.Id.ToString(CultureInfo.InvariantCulture);
        var own = await PortalData.PostAsync(client, $"/backoffice/portal/products/{mine.ProductId}", fields);
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);

        var (theirPending, myDraft) = await ContentSteps.InScopeAsync(factory, async (_, publisher) => (
            await publisher.PendingDraftAsync(DocumentTypes.Product, theirs.ProductId),
            await publisher.PendingDraftAsync(DocumentTypes.Product, mine.ProductId)));
        Assert.Null(theirPending);
        Assert.Equal(mine.Id, ((ProductDraft)DocumentTypes.Product.ReadDraft(myDraft!.Snapshot)).ProducerId);

        // A certificate for another producer's product is refused next to the choice.
        var certificate = await PortalData.PostAsync(client, "/backoffice/portal/certificates", new Dictionary<string, string>
        {
            ["Certificate.For"] = theirs.ProductId.ToString(CultureInfo.InvariantCulture), ["Certificate.Type"] = "Halal",
            ["Certificate.Number"] = "ID31110000123450321", ["Certificate.Issuer"] = "BPJPH", ["Certificate.IssuedOn"] = "2025-01-10",
        });
        Assert.Equal(HttpStatusCode.OK, certificate.StatusCode);
        Assert.NotNull((await Forms.ParseAsync(certificate)).QuerySelector("#Certificate_For-error"));
    }

    [Fact]
    public async Task A_new_product_is_a_draft_of_the_producer_sent_for_review()
    {
        var producer = await PortalData.AddAsync(factory, "Kacang Mete");
        var client = await PortalAccounts.SignedInClientAsync(factory, producer.Id);
        var page = await PortalData.PageAsync(client, "/backoffice/portal/products/new");
        var category = page.QuerySelectorAll<IHtmlOptionElement>("select[name='CategoryId'] option").First(o => o.Value.Length > 0).Value;

        var missing = await PortalData.PostAsync(client, "/backoffice/portal/products/new", new Dictionary<string, string> { ["CategoryId"] = category, ["Moq"] = "1", ["WeightGrams"] = "0" });
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.NotNull((await Forms.ParseAsync(missing)).QuerySelector("#Name_Indonesian-error"));

        var sent = await PortalData.PostAsync(client, "/backoffice/portal/products/new", new Dictionary<string, string>
        {
            ["Name.Indonesian"] = "Mete Panggang Madu Portal Uji", ["Summary.Indonesian"] = "Mete panggang dengan madu hutan.", ["CategoryId"] = category,
            ["Moq"] = "10", ["WeightGrams"] = "250", ["Availability"] = "MadeToOrder", ["ProducerId"] = "1",
        });

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var product = await ContentSteps.InScopeAsync(factory, (db, _) => db.Products.AsNoTracking().SingleAsync(p => p.Name.Indonesian == "Mete Panggang Madu Portal Uji"));
        Assert.Equal(producer.Id, product.ProducerId);
        Assert.Equal(PublishState.Draft, product.State);
        var pending = await ContentSteps.InScopeAsync(factory, (_, publisher) => publisher.PendingDraftAsync(DocumentTypes.Product, product.Id));
        Assert.Equal(ReviewState.Pending, pending!.Review);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/produk/{product.Slug}")).StatusCode);
    }

    [Fact]
    public async Task A_producer_page_edit_keeps_the_offices_fields_and_waits_for_review()
    {
        var producer = await PortalData.AddAsync(factory, "Tenun Ikat");
        var client = await PortalAccounts.SignedInClientAsync(factory, producer.Id);

        var sent = await PortalData.PostAsync(client, "/backoffice/portal/page", new Dictionary<string, string>
        {
            ["Summary.Indonesian"] = "Tenun ikat pewarna alam.", ["Workforce"] = "12", ["WhatsApp"] = "+62 812 3456 7890",
            ["Name"] = "Nama Diganti", ["Slug"] = "diganti", ["BasedOn"] = "1",
        });

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var (row, pending) = await ContentSteps.InScopeAsync(factory, async (db, publisher) => (
            await db.Producers.AsNoTracking().SingleAsync(p => p.Id == producer.Id),
            await publisher.PendingDraftAsync(DocumentTypes.Producer, producer.Id)));
        var draft = (ProducerDraft)DocumentTypes.Producer.ReadDraft(pending!.Snapshot);
        Assert.Equal(ReviewState.Pending, pending.Review);
        Assert.Equal("Tenun ikat pewarna alam.", draft.Summary.Indonesian);
        Assert.Equal(12, draft.Workforce);
        Assert.Equal(producer.Name, draft.Name);
        Assert.Equal(row.Slug, draft.Slug);
        Assert.Equal("Produsen uji portal.", row.Summary.Indonesian);
    }

    [Fact]
    public async Task An_added_certificate_goes_to_the_registry_unverified_as_entered_by_the_account_and_shows_only_once_verified()
    {
        var producer = await PortalData.AddAsync(factory, "Madu Hutan");
        var email = await PortalAccounts.CreateAsync(factory.Services, producer.Id);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await Editors.SignInAsync(client, email, Editors.Password);

        var wrong = await PortalData.PostAsync(client, "/backoffice/portal/certificates", new Dictionary<string, string>
        {
            ["Certificate.For"] = "producer", ["Certificate.Type"] = "Pirt", ["Certificate.Number"] = "12-34", ["Certificate.Issuer"] = "Dinkes", ["Certificate.IssuedOn"] = "2025-02-01",
        });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.NotNull((await Forms.ParseAsync(wrong)).QuerySelector("#Certificate_Number-error"));
        Assert.Equal(0, await ContentSteps.InScopeAsync(factory, (db, _) => db.Certifications.CountAsync(c => c.ProducerId == producer.Id)));

        var sent = await PortalData.PostAsync(client, "/backoffice/portal/certificates", new Dictionary<string, string>
        {
            ["Certificate.For"] = producer.ProductId.ToString(CultureInfo.InvariantCulture), ["Certificate.Type"] = "Pirt",
            ["Certificate.Number"] = "2067471010123-29", ["Certificate.Issuer"] = "Dinas Kesehatan Kota Kendari",
            ["Certificate.IssuedOn"] = "2024-03-01", ["Certificate.ExpiresOn"] = "2029-03-01",
        });

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var certificate = await ContentSteps.InScopeAsync(factory, (db, _) => db.Certifications.AsNoTracking().SingleAsync(c => c.ProductId == producer.ProductId));
        Assert.Equal("2067471010123-29", certificate.Number);
        Assert.Equal(email, certificate.EnteredBy);
        Assert.Null(certificate.VerifiedAtUtc);
        var list = await PortalData.PageAsync(client, "/backoffice/portal/certificates");
        Assert.Contains("2067471010123-29", list.Body!.TextContent, StringComparison.Ordinal);
        var visitor = factory.CreateClient();
        Assert.DoesNotContain("2067471010123-29", await visitor.GetStringAsync($"/produk/{producer.ProductSlug}"), StringComparison.Ordinal);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var verified = await scope.ServiceProvider.GetRequiredService<IkmCatalog.Certifications.CertificateRegistry>().VerifyAsync(certificate.Id, "kurator@dinas.example.id");
            Assert.True(verified.Succeeded);
        }
        Assert.Contains("2067471010123-29", await visitor.GetStringAsync($"/produk/{producer.ProductSlug}"), StringComparison.Ordinal);
    }
}

[Collection(PortalCollection.Name)]
public class PortalInquiryTests(PortalHost factory)
{
    [Fact]
    public async Task A_forwarded_inquiry_is_visible_to_that_producer_only_and_without_the_buyers_private_details()
    {
        var chosen = await PortalData.AddAsync(factory, "Ikan Asap");
        var other = await PortalData.AddAsync(factory, "Ikan Asin");
        var inquiry = await InquiryDataAsync(chosen);
        var officer = await Editors.SignedInClientAsync(factory, EditorRoles.SalesOfficer);

        var forwarded = await Forms.SubmitAsync(officer, $"/backoffice/inquiries/{inquiry.Id}", "form[action$='/forward']", new Dictionary<string, string>
        {
            ["Forward.ProducerId"] = chosen.Id.ToString(CultureInfo.InvariantCulture), ["Forward.Note"] = "Mohon kirim harga FOB.",
        });
        Assert.Equal(HttpStatusCode.Redirect, forwarded.StatusCode);

        var chosenClient = await PortalAccounts.SignedInClientAsync(factory, chosen.Id);
        var list = await PortalData.PageAsync(chosenClient, "/backoffice/portal/inquiries");
        Assert.NotNull(list.QuerySelector($"a[href='/backoffice/portal/inquiries/{inquiry.Id}']"));
        var detail = await chosenClient.GetStringAsync($"/backoffice/portal/inquiries/{inquiry.Id}");
        Assert.Contains(inquiry.Reference, detail, StringComparison.Ordinal);
        Assert.Contains("Mohon kirim harga FOB.", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(inquiry.Token, detail, StringComparison.Ordinal);
        Assert.DoesNotContain(inquiry.Email, detail, StringComparison.Ordinal);

        var otherClient = await PortalAccounts.SignedInClientAsync(factory, other.Id);
        Assert.Null((await PortalData.PageAsync(otherClient, "/backoffice/portal/inquiries")).QuerySelector($"a[href='/backoffice/portal/inquiries/{inquiry.Id}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync($"/backoffice/portal/inquiries/{inquiry.Id}")).StatusCode);
    }

    private async Task<Inquiry> InquiryDataAsync(PortalProducer producer)
    {
        var token = PublicIds.NewToken();
        var inquiry = new Inquiry
        {
            Reference = "P-" + token[..12], Token = token, Culture = "en", BuyerName = "Ana Souza", Country = "Brazil",
            Email = $"{token[..8].ToLowerInvariant()}@buyer.example.br", Incoterm = "FOB", Destination = "Santos",
            ConsentAtUtc = DateTime.UtcNow, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
            Lines = [new InquiryLine { ProductId = producer.ProductId, ProducerId = producer.Id, ProductName = producer.ProductName, Quantity = 300, Unit = "kg" }],
        };
        await ContentSteps.InScopeAsync(factory, async (db, _) =>
        {
            db.Inquiries.Add(inquiry);
            return await db.SaveChangesAsync();
        });
        return inquiry;
    }
}
