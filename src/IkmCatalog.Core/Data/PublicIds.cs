using System.Security.Cryptography;

namespace IkmCatalog.Data;

/// <summary>References people read (RFQ-2026-000123) and tokens nobody can guess (private status links, carts).</summary>
public static class PublicIds
{
    /// <summary>A reference such as "RFQ-2026-000123" from a prefix, the year and the row's id.</summary>
    public static string Reference(string prefix, int year, int id) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}-{year}-{id:D6}");

    /// <summary>256 random bits, URL-safe (43 characters).</summary>
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>A hash of a network address, so limits per address work without keeping the address.</summary>
    public static string HashAddress(string? address) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("ikm-source:" + (address ?? "")))).Substring(0, 32);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
