using System.Globalization;
using System.Security.Claims;
using IkmCatalog.Backoffice;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Areas.Backoffice.Account;

/// <summary>The producer a portal account belongs to, carried in the sign-in cookie.</summary>
public static class ProducerClaims
{
    public const string ProducerId = "ikm:producer";

    /// <summary>The signed-in producer's id, or null for office staff and visitors.</summary>
    public static int? ProducerIdOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(EditorRoles.Producer)
            && int.TryParse(user.FindFirstValue(ProducerId), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id : null;
    }
}

/// <summary>Adds <see cref="ProducerClaims.ProducerId"/> to a portal account's identity (re-read with every security-stamp check).</summary>
public sealed class EditorClaimsFactory(UserManager<Editor> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Editor, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Editor user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        if (user.ProducerId is { } producerId)
        {
            identity.AddClaim(new Claim(ProducerClaims.ProducerId, producerId.ToString(CultureInfo.InvariantCulture)));
        }
        return identity;
    }
}
