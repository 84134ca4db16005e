using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Areas.Backoffice.Account;

/// <summary>
/// A session ends <see cref="BackofficeOptions.AbsoluteSessionHours"/> after the password was typed, however
/// active the person has been: the time of sign-in travels in the cookie as a claim (UTC ticks), kept when the
/// cookie is renewed or refreshed, and every request checks it before the security stamp.
/// </summary>
public static class SessionLifetime
{
    public const string SignedInClaim = "ikm:signed-in";

    private const string FreshSignInKey = "ikm:fresh-sign-in";

    /// <summary>Called before a password sign-in: the new session starts now, whoever was signed in before.</summary>
    public static void MarkFreshSignIn(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[FreshSignInKey] = true;
    }

    public static void Configure(CookieAuthenticationOptions cookie)
    {
        ArgumentNullException.ThrowIfNull(cookie);
        cookie.Events.OnSigningIn = StampSignInTimeAsync;
        cookie.Events.OnValidatePrincipal = async context =>
        {
            if (await WithinLifetimeAsync(context))
            {
                await SecurityStampValidator.ValidatePrincipalAsync(context);
            }
        };
    }

    /// <summary>The security stamp validator rebuilds the principal from the database: the sign-in time stays.</summary>
    public static Task KeepSignInTime(SecurityStampRefreshingPrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.CurrentPrincipal?.FindFirst(SignedInClaim) is { } signedIn
            && context.NewPrincipal?.Identity is ClaimsIdentity identity
            && !identity.HasClaim(c => c.Type == SignedInClaim))
        {
            identity.AddClaim(new Claim(SignedInClaim, signedIn.Value));
        }
        return Task.CompletedTask;
    }

    public static DateTimeOffset? SignedInAt(ClaimsPrincipal? principal) =>
        principal?.FindFirst(SignedInClaim)?.Value is { } value
            && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;

    private static Task StampSignInTimeAsync(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || identity.HasClaim(c => c.Type == SignedInClaim))
        {
            return Task.CompletedTask;
        }
        var http = context.HttpContext;
        // RefreshSignInAsync (after a password change) signs the same person in again: their session keeps its age.
        var kept = !http.Items.ContainsKey(FreshSignInKey) && SamePerson(http.User, context.Principal)
            ? http.User.FindFirst(SignedInClaim)?.Value
            : null;
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        identity.AddClaim(new Claim(SignedInClaim, kept ?? now.UtcTicks.ToString(CultureInfo.InvariantCulture)));
        return Task.CompletedTask;
    }

    private static async Task<bool> WithinLifetimeAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var lifetime = TimeSpan.FromHours(services.GetRequiredService<IOptions<BackofficeOptions>>().Value.AbsoluteSessionHours);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        // A cookie without the claim predates this rule (or was not made here): it gets no benefit of the doubt.
        if (SignedInAt(context.Principal) is { } signedIn && now - signedIn < lifetime)
        {
            return true;
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
        return false;
    }

    private static bool SamePerson(ClaimsPrincipal current, ClaimsPrincipal next) =>
        current.FindFirst(ClaimTypes.NameIdentifier)?.Value is { Length: > 0 } id
        && id == next.FindFirst(ClaimTypes.NameIdentifier)?.Value;
}
