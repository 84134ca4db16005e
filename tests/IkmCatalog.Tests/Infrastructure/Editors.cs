using System.Net;
using IkmCatalog.Backoffice;
using IkmCatalog.Web.Areas.Backoffice;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Infrastructure;

/// <summary>Office staff accounts for tests, and clients signed in through the real sign-in form.</summary>
public static class Editors
{
    public const string Password = "tenun-kendari-2027";

    public static async Task<string> CreateAsync(IServiceProvider services, string displayName, params string[] roles)
    {
        var email = $"petugas-{Guid.NewGuid():N}@disperindag.example.go.id";
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Editor>>();
        var result = await EditorAccounts.CreateAsync(users, email, displayName, Password, roles.Length > 0 ? roles : [EditorRoles.Editor]);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return email;
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        Forms.SubmitAsync(client, "/backoffice/login", "form[action='/backoffice/login']", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
        });

    /// <summary>A client (no automatic redirects) signed in as a new account holding <paramref name="roles"/>.</summary>
    public static async Task<HttpClient> SignedInClientAsync(WebApplicationFactory<Program> factory, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var email = await CreateAsync(factory.Services, "Petugas Uji", roles);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await SignInAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
