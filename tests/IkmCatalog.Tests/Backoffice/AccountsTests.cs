using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using IkmCatalog.Backoffice;
using IkmCatalog.Data;
using IkmCatalog.Tests.Infrastructure;
using IkmCatalog.Web.Areas.Backoffice.Account;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Backoffice;

[Collection(SiteCollection.Name)]
public class AccountsTests(IkmWebFactory factory)
{
    private const string NewPassword = "anyaman rotan dari kendari";

    private HttpClient NewClient() => factory.CreateClient(new() { AllowAutoRedirect = false });

    private async Task<(HttpClient Client, string Email)> SignedInAsync(params string[] roles)
    {
        var email = await Editors.CreateAsync(factory.Services, "Petugas Uji", roles);
        var client = NewClient();
        var response = await Editors.SignInAsync(client, email, Editors.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, email);
    }

    private async Task<string> IdOfAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<Editor>>().FindByEmailAsync(email))!.Id;
    }

    private async Task<bool> AuditedAsync(string action, string email)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IkmDbContext>().AuditEntries
            .AnyAsync(a => a.DocumentType == "Account" && a.DocumentId == 0 && a.Action == action && a.Detail == email);
    }

    private static Task<HttpResponseMessage> SubmitOnAccountPageAsync(HttpClient admin, string id, string action, IDictionary<string, string>? fields = null) =>
        Forms.SubmitAsync(admin, $"/backoffice/accounts/{id}", $"form[action='/backoffice/accounts/{id}{action}']", fields ?? new Dictionary<string, string>());

    /// <summary>Posts as a browser of this person would, with the antiforgery token of a page they can see.</summary>
    private static async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>>? fields = null)
    {
        var page = await Forms.ParseAsync(await client.GetAsync("/backoffice"));
        var token = page.QuerySelector<IHtmlInputElement>("form[action='/backoffice/logout'] input[name='__RequestVerificationToken']")!.Value;
        return await client.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields ?? []]));
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/backoffice/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static async Task<string> ErrorsAsync(HttpResponseMessage response) =>
        (await Forms.ParseAsync(response)).QuerySelector(".bo-errors")?.TextContent.Trim() ?? "";

    [Fact]
    public async Task An_admin_creates_an_account_that_can_then_sign_in()
    {
        var (admin, _) = await SignedInAsync(EditorRoles.Admin);
        var email = $"penulis-{Guid.NewGuid():N}@disperindag.example.go.id";

        var created = await Forms.SubmitAsync(admin, "/backoffice/accounts/new", "form[action='/backoffice/accounts/new']", new Dictionary<string, string>
        {
            ["DisplayName"] = "Ibu Wulan",
            ["Email"] = email,
            ["Roles"] = EditorRoles.Writer,
            ["Password"] = NewPassword,
        });
        var list = await Forms.ParseAsync(await admin.GetAsync(created.Headers.Location!.OriginalString));
        var row = list.QuerySelectorAll(".bo-table tbody tr").Single(r => r.TextContent.Contains(email, StringComparison.Ordinal));
        var signIn = await Editors.SignInAsync(NewClient(), email, NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal($"Akun {email} telah dibuat.", list.QuerySelector(".bo-notice")!.TextContent);
        Assert.Equal(["Ibu Wulan", email, "Penulis", "Belum pernah", "Aktif"], row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/backoffice", signIn.Headers.Location!.OriginalString);
        Assert.True(await AuditedAsync("account-create", email));
    }

    [Fact]
    public async Task A_new_account_needs_a_role_and_an_unused_email_and_says_so_next_to_the_fields()
    {
        var (admin, adminEmail) = await SignedInAsync(EditorRoles.Admin);

        var response = await Forms.SubmitAsync(admin, "/backoffice/accounts/new", "form[action='/backoffice/accounts/new']", new Dictionary<string, string>
        {
            ["DisplayName"] = "",
            ["Email"] = adminEmail,
            ["Password"] = NewPassword,
        });
        var page = await Forms.ParseAsync(response);
        var duplicate = await Forms.SubmitAsync(admin, "/backoffice/accounts/new", "form[action='/backoffice/accounts/new']", new Dictionary<string, string>
        {
            ["DisplayName"] = "Nama Kembar",
            ["Email"] = adminEmail,
            ["Roles"] = EditorRoles.Editor,
            ["Password"] = NewPassword,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Nama wajib diisi.", page.QuerySelector("#name-error")!.TextContent);
        Assert.Equal("Pilih paling sedikit satu peran.", page.QuerySelector("#roles-error")!.TextContent);
        Assert.Equal($"Sudah ada akun dengan email {adminEmail}.", (await Forms.ParseAsync(duplicate)).QuerySelector("#email-error")!.TextContent);
    }

    [Fact]
    public async Task Only_admins_reach_the_accounts_page_and_its_actions()
    {
        var (writer, writerEmail) = await SignedInAsync(EditorRoles.Writer);
        var (admin, _) = await SignedInAsync(EditorRoles.Admin);
        var id = await IdOfAsync(writerEmail);

        var anonymous = await NewClient().GetAsync("/backoffice/accounts");
        var page = await writer.GetAsync("/backoffice/accounts");
        var denied = await writer.GetAsync(page.Headers.Location!.OriginalString);
        var posts = new List<HttpResponseMessage>();
        foreach (var url in new[] { "/backoffice/accounts/new", $"/backoffice/accounts/{id}", $"/backoffice/accounts/{id}/disable", $"/backoffice/accounts/{id}/enable", $"/backoffice/accounts/{id}/password" })
        {
            posts.Add(await PostWithTokenAsync(writer, url, [new("DisplayName", "Diambil alih"), new("Email", "penyusup@example.go.id"), new("Roles", EditorRoles.Admin), new("Details.Roles", EditorRoles.Admin), new("Reset.NewPassword", NewPassword), new("Password", NewPassword)]));
        }
        var writerNav = await Forms.ParseAsync(await writer.GetAsync("/backoffice"));
        var adminNav = await Forms.ParseAsync(await admin.GetAsync("/backoffice"));

        AssertSentToSignIn(anonymous);
        Assert.StartsWith("/backoffice/denied", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.All(posts, p =>
        {
            Assert.Equal(HttpStatusCode.Redirect, p.StatusCode);
            Assert.StartsWith("/backoffice/denied", p.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        });
        Assert.Null(writerNav.QuerySelector("a[href='/backoffice/accounts']"));
        Assert.Equal("Akun", adminNav.QuerySelector(".bo-nav a[href='/backoffice/accounts']")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync("/backoffice")).StatusCode); // still a writer, still signed in
        Assert.Equal(HttpStatusCode.Redirect, (await Editors.SignInAsync(NewClient(), writerEmail, Editors.Password)).StatusCode);
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_open_session_and_blocks_sign_in()
    {
        var (admin, _) = await SignedInAsync(EditorRoles.Admin);
        var (writer, email) = await SignedInAsync(EditorRoles.Writer);
        var id = await IdOfAsync(email);
        var before = await writer.GetAsync("/backoffice");

        var disable = await SubmitOnAccountPageAsync(admin, id, "/disable");
        var after = await writer.GetAsync("/backoffice");
        var signIn = await Editors.SignInAsync(NewClient(), email, Editors.Password);
        var wrongPassword = await Editors.SignInAsync(NewClient(), email, "bukan-kata-sandinya");
        var edit = await Forms.ParseAsync(await admin.GetAsync($"/backoffice/accounts/{id}"));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        AssertSentToSignIn(after);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal("Akun ini dinonaktifkan. Hubungi admin dinas.", await ErrorsAsync(signIn));
        Assert.Equal("Email atau kata sandi salah.", await ErrorsAsync(wrongPassword));
        Assert.Contains("Nonaktif", edit.QuerySelector(".bo-facts")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(edit.QuerySelector($"form[action='/backoffice/accounts/{id}/enable']"));
        Assert.True(await AuditedAsync("account-disable", email));
    }

    [Fact]
    public async Task An_account_enabled_again_signs_in_again()
    {
        var (admin, _) = await SignedInAsync(EditorRoles.Admin);
        var email = await Editors.CreateAsync(factory.Services, "Pak Darto", EditorRoles.Curator);
        var id = await IdOfAsync(email);

        await SubmitOnAccountPageAsync(admin, id, "/disable");
        var whileDisabled = await Editors.SignInAsync(NewClient(), email, Editors.Password);
        var enable = await SubmitOnAccountPageAsync(admin, id, "/enable");
        var afterwards = await Editors.SignInAsync(NewClient(), email, Editors.Password);

        Assert.Equal(HttpStatusCode.OK, whileDisabled.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.Equal("/backoffice", afterwards.Headers.Location!.OriginalString);
        Assert.True(await AuditedAsync("account-enable", email));
    }

    [Fact]
    public async Task Changing_roles_applies_at_once_and_ends_the_persons_sessions()
    {
        var (admin, _) = await SignedInAsync(EditorRoles.Admin);
        var (person, email) = await SignedInAsync(EditorRoles.Writer);
        var id = await IdOfAsync(email);

        var save = await SubmitOnAccountPageAsync(admin, id, "", new Dictionary<string, string>
        {
            ["Details.DisplayName"] = "Bu Sari (kurator)",
            ["Details.Roles"] = EditorRoles.Curator,
        });
        var afterwards = await person.GetAsync("/backoffice");
        var edit = await Forms.ParseAsync(await admin.GetAsync($"/backoffice/accounts/{id}"));

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        AssertSentToSignIn(afterwards);
        Assert.Equal("Bu Sari (kurator)", edit.QuerySelector("h1")!.TextContent);
        Assert.NotNull(edit.QuerySelector("#details-role-curator[checked]"));
        Assert.Null(edit.QuerySelector("#details-role-writer[checked]"));
        Assert.True(await AuditedAsync("account-roles", email));
    }

    [Fact]
    public async Task An_admin_cannot_disable_themself_nor_drop_their_own_admin_role()
    {
        var (admin, email) = await SignedInAsync(EditorRoles.Admin);
        var id = await IdOfAsync(email);

        var ownPage = await Forms.ParseAsync(await admin.GetAsync($"/backoffice/accounts/{id}"));
        var disable = await PostWithTokenAsync(admin, $"/backoffice/accounts/{id}/disable");
        var dropAdmin = await SubmitOnAccountPageAsync(admin, id, "", new Dictionary<string, string>
        {
            ["Details.DisplayName"] = "Petugas Uji",
            ["Details.Roles"] = EditorRoles.Editor,
        });

        Assert.Null(ownPage.QuerySelector($"form[action='/backoffice/accounts/{id}/disable']"));
        Assert.Contains("Anda tidak dapat menonaktifkan akun Anda sendiri.", ownPage.QuerySelector(".bo-main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        Assert.Equal("Anda tidak dapat menonaktifkan akun Anda sendiri.", await ErrorsAsync(disable));
        Assert.Equal(HttpStatusCode.OK, dropAdmin.StatusCode);
        Assert.Equal("Anda tidak dapat mencabut peran Admin dari akun Anda sendiri.", (await Forms.ParseAsync(dropAdmin)).QuerySelector("#details-roles-error")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/backoffice/accounts")).StatusCode);
    }

    [Fact]
    public async Task A_password_set_by_an_admin_ends_the_old_sessions()
    {
        var (admin, _) = await SignedInAsync(EditorRoles.Admin);
        var (person, email) = await SignedInAsync(EditorRoles.SalesOfficer);
        var id = await IdOfAsync(email);

        var reset = await SubmitOnAccountPageAsync(admin, id, "/password", new Dictionary<string, string> { ["Reset.NewPassword"] = NewPassword });
        var oldSession = await person.GetAsync("/backoffice");
        var oldPassword = await Editors.SignInAsync(NewClient(), email, Editors.Password);
        var newPassword = await Editors.SignInAsync(NewClient(), email, NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        AssertSentToSignIn(oldSession);
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, newPassword.StatusCode);
        Assert.True(await AuditedAsync("account-password-reset", email));
    }

    [Fact]
    public async Task A_person_changes_their_own_password_stays_signed_in_and_their_other_sessions_end()
    {
        var (here, email) = await SignedInAsync(EditorRoles.Writer);
        var elsewhere = NewClient();
        await Editors.SignInAsync(elsewhere, email, Editors.Password);

        var change = await Forms.SubmitAsync(here, "/backoffice/password", "form[action='/backoffice/password']", new Dictionary<string, string>
        {
            ["CurrentPassword"] = Editors.Password,
            ["NewPassword"] = NewPassword,
            ["ConfirmPassword"] = NewPassword,
        });
        var page = await Forms.ParseAsync(await here.GetAsync(change.Headers.Location!.OriginalString));
        var otherSession = await elsewhere.GetAsync("/backoffice");
        var signIn = await Editors.SignInAsync(NewClient(), email, NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        Assert.Equal("Kata sandi Anda telah diganti. Sesi di perangkat lain telah berakhir.", page.QuerySelector(".bo-notice")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/backoffice")).StatusCode);
        AssertSentToSignIn(otherSession);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.True(await AuditedAsync("account-password-change", email));
    }

    [Fact]
    public async Task A_wrong_current_password_is_named_next_to_its_field()
    {
        var (client, email) = await SignedInAsync(EditorRoles.Curator);

        var response = await Forms.SubmitAsync(client, "/backoffice/password", "form[action='/backoffice/password']", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "bukan-kata-sandi-lama",
            ["NewPassword"] = NewPassword,
            ["ConfirmPassword"] = NewPassword,
        });
        var page = await Forms.ParseAsync(response);
        var mismatch = await Forms.ParseAsync(await Forms.SubmitAsync(client, "/backoffice/password", "form[action='/backoffice/password']", new Dictionary<string, string>
        {
            ["CurrentPassword"] = Editors.Password,
            ["NewPassword"] = NewPassword,
            ["ConfirmPassword"] = NewPassword + " ",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Kata sandi saat ini salah.", page.QuerySelector("#current-password-error")!.TextContent);
        Assert.Equal("Kedua kata sandi baru tidak sama.", mismatch.QuerySelector("#confirm-password-error")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await Editors.SignInAsync(NewClient(), email, Editors.Password)).StatusCode);
    }

    [Fact]
    public async Task After_signing_out_a_copy_of_the_old_cookie_no_longer_works()
    {
        var email = await Editors.CreateAsync(factory.Services, "Petugas Uji");
        var cookies = new System.Net.CookieContainer();
        var client = factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        await Editors.SignInAsync(client, email, Editors.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/backoffice")).StatusCode);
        var copied = cookies.GetCookieHeader(new Uri("http://localhost/backoffice"));

        var replayBefore = await ReplayAsync(copied);
        await Forms.SubmitAsync(client, "/backoffice", "form[action='/backoffice/logout']", new Dictionary<string, string>());
        var replayAfter = await ReplayAsync(copied);

        Assert.Contains("ikm.auth=", copied, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, replayBefore.StatusCode);
        AssertSentToSignIn(replayAfter);
    }

    private async Task<HttpResponseMessage> ReplayAsync(string cookieHeader)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/backoffice");
        request.Headers.Add("Cookie", cookieHeader);
        return await factory.CreateDefaultClient().SendAsync(request);
    }

    [Fact]
    public async Task Unknown_and_known_emails_get_identical_answers_up_to_and_after_the_lockout()
    {
        var known = await Editors.CreateAsync(factory.Services, "Petugas Uji");
        var unknown = $"tidak-ada-{Guid.NewGuid():N}@disperindag.example.go.id";
        var answers = new List<(HttpStatusCode Known, string KnownText, HttpStatusCode Unknown, string UnknownText)>();

        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var k = await Editors.SignInAsync(NewClient(), known, $"tebakan-keliru-{attempt}");
            var u = await Editors.SignInAsync(NewClient(), unknown, $"tebakan-keliru-{attempt}");
            answers.Add((k.StatusCode, await ErrorsAsync(k), u.StatusCode, await ErrorsAsync(u)));
        }

        Assert.All(answers, a =>
        {
            Assert.Equal(a.Known, a.Unknown);
            Assert.Equal(a.KnownText, a.UnknownText);
        });
        Assert.All(answers.Take(4), a => Assert.Equal("Email atau kata sandi salah.", a.KnownText));
        Assert.All(answers.Skip(4), a => Assert.Equal("Akun ini dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi dalam 15 menit.", a.KnownText));
    }
}

/// <summary>A clock the test moves forward; everything else about time stays real.</summary>
public sealed class MovableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}

/// <summary>The real application with a clock the test can move.</summary>
public sealed class ClockedWebFactory() : IkmWebFactory(new() { ["IkmCatalog:Seed:Enabled"] = "false" })
{
    public MovableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class AccountsSessionLifetimeTests : IClassFixture<ClockedWebFactory>
{
    private readonly ClockedWebFactory _factory;

    public AccountsSessionLifetimeTests(ClockedWebFactory factory) => _factory = factory;

    [Fact]
    public async Task A_session_ends_twelve_hours_after_sign_in_however_active_it_was()
    {
        var client = await Editors.SignedInClientAsync(_factory, EditorRoles.Editor);

        _factory.Clock.Offset += TimeSpan.FromHours(6);
        var midday = await client.GetAsync("/backoffice");
        _factory.Clock.Offset += TimeSpan.FromHours(5) + TimeSpan.FromMinutes(55);
        var evening = await client.GetAsync("/backoffice");
        _factory.Clock.Offset += TimeSpan.FromMinutes(10);
        var night = await client.GetAsync("/backoffice");

        Assert.Equal(HttpStatusCode.OK, midday.StatusCode);
        Assert.Equal(HttpStatusCode.OK, evening.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, night.StatusCode);
        Assert.StartsWith("/backoffice/login", night.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public void A_principal_without_the_sign_in_time_has_no_age()
    {
        var without = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity("test"));
        var with = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(SessionLifetime.SignedInClaim, "638000000000000000")], "test"));

        Assert.Null(SessionLifetime.SignedInAt(without));
        Assert.Equal(new DateTimeOffset(638000000000000000, TimeSpan.Zero), SessionLifetime.SignedInAt(with));
    }
}
