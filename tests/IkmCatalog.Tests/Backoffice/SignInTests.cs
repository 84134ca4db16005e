using System.Net;
using IkmCatalog.Tests.Infrastructure;

namespace IkmCatalog.Tests.Backoffice;

[Collection(SiteCollection.Name)]
public class SignInTests(IkmWebFactory factory)
{
    private const string Password = Editors.Password;

    private Task<string> CreateEditorAsync() => Editors.CreateAsync(factory.Services, "Petugas Uji");

    private HttpClient NewClient() => factory.CreateClient(new() { AllowAutoRedirect = false });

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        Editors.SignInAsync(client, email, password);

    [Fact]
    public async Task The_backoffice_sends_anonymous_visitors_to_sign_in()
    {
        var response = await NewClient().GetAsync("/backoffice");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/backoffice/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_signs_in_sees_the_dashboard_and_signs_out()
    {
        var email = await CreateEditorAsync();
        var client = NewClient();

        var signIn = await SignInAsync(client, email, Password);
        var dashboard = await Forms.ParseAsync(await client.GetAsync("/backoffice"));
        var signOut = await Forms.SubmitAsync(client, "/backoffice", "form[action='/backoffice/logout']", new Dictionary<string, string>());
        var afterSignOut = await client.GetAsync("/backoffice");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/backoffice", signIn.Headers.Location!.OriginalString);
        Assert.Equal("Selamat datang, Petugas Uji", dashboard.QuerySelector("h1")!.TextContent);
        Assert.True(int.Parse(dashboard.QuerySelector(".bo-stats strong")!.TextContent, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.GetCultureInfo("id-ID")) >= 40);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterSignOut.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_that_does_not_reveal_the_account()
    {
        var email = await CreateEditorAsync();

        var wrongPassword = await Forms.ParseAsync(await SignInAsync(NewClient(), email, "salah-kata-sandi-123"));
        var noSuchAccount = await Forms.ParseAsync(await SignInAsync(NewClient(), "tidak-ada@example.go.id", "salah-kata-sandi-123"));

        Assert.Equal("Email atau kata sandi salah.", wrongPassword.QuerySelector(".bo-errors li")!.TextContent);
        Assert.Equal(wrongPassword.QuerySelector(".bo-errors")!.TextContent, noSuchAccount.QuerySelector(".bo-errors")!.TextContent);
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_even_against_the_right_password()
    {
        var email = await CreateEditorAsync();
        var client = NewClient();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SignInAsync(client, email, $"tebakan-keliru-{attempt}");
        }
        var rightPassword = await SignInAsync(client, email, Password);
        var page = await Forms.ParseAsync(rightPassword);

        Assert.Equal(HttpStatusCode.OK, rightPassword.StatusCode);
        Assert.Contains("dikunci sementara", page.QuerySelector(".bo-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("15 menit", page.QuerySelector(".bo-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/backoffice")).StatusCode);
    }

    [Fact]
    public async Task Empty_fields_are_named_in_the_chosen_language()
    {
        var client = NewClient();
        var english = await Forms.SubmitAsync(client, "/backoffice/login", "form[action='/backoffice/language']", new Dictionary<string, string> { ["culture"] = "en" });

        var page = await Forms.ParseAsync(await SignInAsync(client, "", ""));

        Assert.Equal(HttpStatusCode.Redirect, english.StatusCode);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Email is required.", page.QuerySelector("#email-error")!.TextContent);
        Assert.Equal("Password is required.", page.QuerySelector("#password-error")!.TextContent);
    }

    [Fact]
    public async Task Sign_in_without_the_antiforgery_token_is_rejected()
    {
        var email = await CreateEditorAsync();

        var response = await NewClient().PostAsync("/backoffice/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("ikm.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Sign_in_never_redirects_outside_the_backoffice()
    {
        var email = await CreateEditorAsync();
        var client = NewClient();

        var response = await Forms.SubmitAsync(client, "/backoffice/login?returnUrl=https%3A%2F%2Fevil.example%2F", "form[action='/backoffice/login']", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = Password,
        });

        Assert.Equal("/backoffice", response.Headers.Location!.OriginalString);
    }
}

public sealed class SignInRateLimitTests
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429()
    {
        using var factory = IkmWebFactory.With(new()
        {
            ["IkmCatalog:RateLimits:SignInPerMinute"] = "3",
            ["IkmCatalog:Seed:Enabled"] = "false",
        });
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var response = await Forms.SubmitAsync(client, "/backoffice/login", "form[action='/backoffice/login']", new Dictionary<string, string>
            {
                ["Email"] = "siapa@example.go.id",
                ["Password"] = "bukan-kata-sandi",
            });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}
