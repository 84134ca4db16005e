using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace IkmCatalog.Web.Features.Registration;

/// <summary>
/// A photo or scan an applicant uploaded is kept when the form comes back with a message, as a signed ticket in a
/// hidden field: the server only ever takes back media ids it handed out itself, and only for a day.
/// </summary>
public sealed class UploadTickets(IDataProtectionProvider protection)
{
    private readonly ITimeLimitedDataProtector protector = protection.CreateProtector("IkmCatalog.Registration.Upload").ToTimeLimitedDataProtector();

    public string Issue(int mediaId) => protector.Protect(mediaId.ToString(CultureInfo.InvariantCulture), TimeSpan.FromDays(1));

    /// <summary>The media id the ticket stands for, or null for a forged, damaged or expired one.</summary>
    public int? Redeem(string? ticket)
    {
        if (string.IsNullOrWhiteSpace(ticket))
        {
            return null;
        }
        try
        {
            return int.TryParse(protector.Unprotect(ticket), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
