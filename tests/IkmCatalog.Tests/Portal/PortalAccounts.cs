using System.Net;
using IkmCatalog.Backoffice;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Portal;

/// <summary>Producers' portal accounts for tests, made directly (the invitation flow has its own tests).</summary>
public static class PortalAccounts
{
    public static async Task<string> CreateAsync(IServiceProvider services, int producerId)
    {
        var email = $"produsen-{Guid.NewGuid():N}@ikm.example.id";
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Editor>>();
        var account = new Editor
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Produsen Uji", ProducerId = producerId, CreatedAtUtc = DateTime.UtcNow,
        };
        var result = await users.CreateAsync(account, Editors.Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(account, EditorRoles.Producer)).Succeeded);
        return email;
    }

    /// <summary>A client (no automatic redirects) signed in as a new portal account of <paramref name="producerId"/>.</summary>
    public static async Task<HttpClient> SignedInClientAsync(WebApplicationFactory<Program> factory, int producerId)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var email = await CreateAsync(factory.Services, producerId);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await Editors.SignInAsync(client, email, Editors.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/backoffice/portal", response.Headers.Location?.OriginalString);
        return client;
    }
}
